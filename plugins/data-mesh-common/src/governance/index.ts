export type {
  GovernanceVerdict,
  PolicyDefinition,
  PolicyMode,
  PolicyOutcome,
  PolicyResult,
  PolicySelector,
  PolicySet,
  PolicySeverity,
  PolicyStatus,
} from './types';
export { POLICY_MODES, POLICY_SEVERITIES } from './types';
export { POLICY_VARIABLES } from './cel';
export type { PolicyVariable } from './cel';
export type {
  FieldFacts,
  PolicyInput,
  QualityCheckResult,
} from './policyInput';
export { describeProduct } from './productFacts';
export type { GovernedEntity, ProductFacts } from './productFacts';
export { validatePolicySet } from './validatePolicySet';
export type { CompiledPolicy, CompiledPolicySet } from './validatePolicySet';
export { parsePolicySet } from './parsePolicySet';
export { layerPolicies } from './layering';
export type { LayerPoliciesOptions, PolicyLayers } from './layering';
export { evaluatePolicies, selects } from './evaluatePolicies';
export { governProduct, verdictForViewer } from './productVerdict';
export type { ProductVerdict } from './productVerdict';
export { summarizeVerdict, verdictHealth } from './verdictSummary';
export { policyTimeKey } from './policyTimeKey';
export type { EvaluatePoliciesOptions } from './evaluatePolicies';
export {
  BUILT_IN_PACK_NAME,
  BUILT_IN_POLICIES,
  builtInPolicySet,
} from './packs/builtin';
