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
