export { GovernanceVerdictField } from './GovernanceVerdictField';
export type { GovernanceVerdictFieldOptions } from './GovernanceVerdictField';
export { GOVERNANCE_FIELD_NAME } from './formField';
export { governanceFormFieldExtension } from './extension';
