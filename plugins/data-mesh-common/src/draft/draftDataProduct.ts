import { draftContract, draftObjectName } from './draftContract';
import { draftEntity } from './draftEntity';
import type { DataProductDraft, DataProductDraftInput } from './types';

/**
 * Drafts a new data product from the software template's form: its catalog entity and its
 * ODCS contract, and the name of the table or topic the contract describes. The same draft is governed live while the form is filled in and written by
 * the scaffolder action when the product is created, so both see the same product.
 *
 * @public
 */
export function draftDataProduct(
  input: DataProductDraftInput,
): DataProductDraft {
  return {
    entity: draftEntity(input),
    contract: draftContract(input),
    objectName: draftObjectName(input),
  };
}
