export { detectFormat } from './detectFormat';
export type {
  ContractConversion,
  ContractFormat,
  ContractOrigins,
} from './types';
export { readDcs } from './dcs/readDcs';
export { checkDcs, DCS_VERSIONS } from './dcs/checkDcs';
export { readDatameshV1 } from './datameshV1/readDatameshV1';
export {
  checkDatameshV1,
  DATAMESH_API_VERSION,
} from './datameshV1/checkDatameshV1';
export { readDataProductYaml } from './dataProductYaml/readDataProductYaml';
export { checkDataProductYaml } from './dataProductYaml/checkDataProductYaml';
export { normalizeContract } from './normalizeContract';
export {
  contractPorts,
  INPUT_PORTS_PROPERTY,
  PORT_TYPE_PROPERTY,
} from './ports';
export type { ContractPort } from './ports';
export {
  contractSource,
  describeContractSource,
  formatLabel,
  IMPORTED_CONTRACT_STATUS,
  SOURCE_FORMAT_PROPERTY,
  SOURCE_FORMAT_VERSION_PROPERTY,
} from './provenance';
export type { ContractSource } from './provenance';
export { classifyUri } from './uri';
export type { UriKind } from './uri';
