export {
  CLASSIFICATION_ANNOTATION,
  CLASSIFICATION_LEVELS,
  classificationLevel,
  classificationRank,
  productClassification,
  stricterLevel,
} from './classification';
export type {
  ClassificationLevel,
  ClassificationSource,
  ProductClassification,
} from './classification';
export {
  DEFAULT_ACCESS_SETTINGS,
  describeProductAccess,
  isOpenlyDiscoverable,
  mayAccess,
  principalRef,
} from './productAccess';
export type {
  AccessAction,
  AccessContext,
  AccessDefault,
  AccessSettings,
  Audience,
  AudienceReason,
  LevelAccess,
  ProductAccess,
} from './productAccess';
export { redactContractData } from './redact';
export {
  ACCESS_REQUEST_STATES,
  ACCESS_TEXT_MAX,
  DEFAULT_ACCESS_REQUEST_SETTINGS,
  autoApprovalOf,
  grantHolds,
  readAccessDecision,
  readAccessRequest,
  readAutoApproval,
} from './requests';
export type {
  AccessAuditAction,
  AccessDecisionInput,
  AccessGrantState,
  AccessRequestInput,
  AccessRequestSettings,
  AccessRequestState,
  AutoApproval,
  GrantWindow,
  ReadAccessDecision,
  ReadAccessRequest,
} from './requests';
