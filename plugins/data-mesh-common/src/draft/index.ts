export { draftDataProduct } from './draftDataProduct';
export { draftContract, draftObjectName } from './draftContract';
export { draftEntity, DRAFT_CONTRACT_FILE } from './draftEntity';
export { reviseContract } from './reviseContract';
export {
  isProductName,
  PRODUCT_NAME_MAX_LENGTH,
  PRODUCT_NAME_PATTERN,
  productNameOf,
} from './names';
export type { ContractRevision, RevisedContract } from './reviseContract';
export type {
  DataProductDraft,
  DataProductDraftInput,
  DraftDuration,
  DraftEntity,
  DraftField,
  DraftFieldType,
  DraftInputPort,
  DraftOutputPort,
  DraftServiceLevels,
} from './types';
