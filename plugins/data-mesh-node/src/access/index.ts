export { dataMeshProductResourceRef } from './resource';
export type { DataProductQuery, DataProductResource } from './resource';
export {
  createDataMeshProductConditionalDecision,
  dataMeshProductConditions,
  dataMeshProductPermissionRules,
} from './rules';
export { dataMeshPolicyDecision } from './policyDecision';
export { readAccessSettings } from './accessConfig';
export { readAccessRequestSettings } from './accessRequestsConfig';
