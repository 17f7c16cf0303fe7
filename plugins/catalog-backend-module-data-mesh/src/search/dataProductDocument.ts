import type { Entity } from '@backstage/catalog-model';
import {
  CatalogCollatorEntityTransformer,
  defaultCatalogCollatorEntityTransformer,
} from '@backstage/plugin-search-backend-module-catalog';
import {
  ContractSummary,
  isDataProductEntity,
  readDataProductSpec,
} from '@backstage-data-mesh/plugin-data-mesh-common';

function contractText(summary: ContractSummary): string[] {
  const lines: string[] = [];
  if (summary.name) lines.push(summary.name);
  if (summary.description) lines.push(summary.description);
  for (const object of summary.objects) {
    lines.push(
      object.description
        ? `${object.name}: ${object.description}`
        : object.name,
    );
    for (const field of object.fields) {
      lines.push(
        field.description ? `${field.name}: ${field.description}` : field.name,
      );
    }
  }
  return lines;
}

/**
 * Shapes catalog entities into search documents as Backstage does, and adds to a data
 * product's text what its contract says: the contract's name and purpose, each object and
 * field name with its description. A search for `net_revenue_eur` or "refunds booked" finds
 * the product that serves it.
 *
 * @public
 */
export const dataProductSearchTransformer: CatalogCollatorEntityTransformer = (
  entity: Entity,
) => {
  const document = defaultCatalogCollatorEntityTransformer(entity);
  if (!isDataProductEntity(entity)) return document;
  const summary = readDataProductSpec(entity).spec.contractSummary;
  if (!summary || !Array.isArray(summary.objects)) return document;
  return {
    ...document,
    text: [document.text, ...contractText(summary)].filter(Boolean).join(' : '),
  };
};
