import type { OdcsCustomProperty } from '../odcs/model';
import type { ContractFormat } from './types';
import { isRecord, ownEntry } from '../parsedValues';

/**
 * The ODCS version converted contracts are written in: their keys are those of v3.1.
 */
export const IMPORTED_API_VERSION = 'v3.1.0';

/**
 * The status given to a converted contract whose source names none: ODCS v3.1 requires a
 * status, and the in-house formats (and DCS without `info.status`) describe contracts in use.
 * @public
 */
export const IMPORTED_CONTRACT_STATUS = 'active';

/**
 * Custom property naming the format a converted contract was read from.
 * @public
 */
export const SOURCE_FORMAT_PROPERTY = 'sourceFormat';
/**
 * Custom property naming the version of that format.
 * @public
 */
export const SOURCE_FORMAT_VERSION_PROPERTY = 'sourceFormatVersion';

/**
 * Where a contract came from, as recorded by the readers that convert other formats.
 * @public
 */
export interface ContractSource {
  format: ContractFormat;
  /** The source format's version when the file named one (`1.1.0`, `datamesh/v1`). */
  version?: string;
}

/** The custom properties a converter adds to record its source format. */
export function sourceFormatProperties(
  format: ContractFormat,
  version?: string,
): OdcsCustomProperty[] {
  const fields: OdcsCustomProperty[] = [
    { property: SOURCE_FORMAT_PROPERTY, value: format },
  ];
  if (version !== undefined) {
    fields.push({ property: SOURCE_FORMAT_VERSION_PROPERTY, value: version });
  }
  return fields;
}

const LABELS: Readonly<Record<ContractFormat, string>> = {
  odcs: 'ODCS',
  dcs: 'DCS',
  'datamesh-v1': 'datamesh/v1',
  'data-product-yaml': 'data_product.yaml',
  odps: 'ODPS',
  unknown: 'an unknown format',
};

/**
 * The name people know a format by: `ODCS`, `DCS`, `datamesh/v1`, `data_product.yaml`, `ODPS`.
 * @public
 */
export function formatLabel(format: ContractFormat): string {
  return LABELS[format];
}

/**
 * The format an ODCS contract was converted from, read from its `sourceFormat` and
 * `sourceFormatVersion` custom properties; `{ format: 'odcs' }` for a contract written in
 * ODCS.
 * @public
 */
export function contractSource(contract: unknown): ContractSource {
  const properties =
    isRecord(contract) && Array.isArray(contract.customProperties)
      ? contract.customProperties
      : [];
  const valueOf = (name: string) =>
    properties.find(entry => isRecord(entry) && entry.property === name)?.value;
  const format = valueOf(SOURCE_FORMAT_PROPERTY);
  if (typeof format !== 'string' || !ownEntry(LABELS, format))
    return { format: 'odcs' };
  const version = valueOf(SOURCE_FORMAT_VERSION_PROPERTY);
  return typeof version === 'string'
    ? { format: format as ContractFormat, version }
    : { format: format as ContractFormat };
}

/**
 * Says where a contract came from in words for a page: `imported from DCS 1.1.0`,
 * `imported from data_product.yaml`; undefined for a contract written in ODCS.
 * @public
 */
export function describeContractSource(
  source: ContractSource,
): string | undefined {
  if (source.format === 'odcs') return undefined;
  const label = LABELS[source.format];
  const version =
    source.version && source.version !== label ? ` ${source.version}` : '';
  return `imported from ${label}${version}`;
}

/**
 * Says where a contract came from, read from its custom properties (`contractSource`):
 * `imported from DCS 1.1.0`, `imported from data_product.yaml`; undefined for a contract
 * written in ODCS (or anything that is not a contract).
 * @public
 */
export function describeContractOrigin(contract: unknown): string | undefined {
  return describeContractSource(contractSource(contract));
}
