import {
  DATA_PRODUCT_ANNOTATIONS,
  DATA_PRODUCT_TYPE,
} from '../entity/constants';
import { refName, text } from './names';
import type {
  DataProductDraftInput,
  DraftEntity,
  DraftInputPort,
} from './types';

/**
 * The file the drafted contract is written to, beside `catalog-info.yaml`.
 * @public
 */
export const DRAFT_CONTRACT_FILE = 'contract.odcs.yaml';

/** The annotation the examples and the governance engine read the classification from. */
const CLASSIFICATION_ANNOTATION = 'data-mesh/classification';

/** An owner as an entity ref: a bare name is a group. */
function ownerRef(owner: string | undefined): string {
  if (!owner) return 'group:default/unknown';
  return owner.includes(':') ? owner : `group:default/${owner}`;
}

function portOf(
  port: DraftInputPort,
  index: number,
): Record<string, string> | undefined {
  if (typeof port === 'string') {
    const product = text(port);
    return product
      ? { name: refName(product) ?? `input-${index + 1}`, product }
      : undefined;
  }
  if (!port || typeof port !== 'object') return undefined;
  const out: Record<string, string> = {};
  for (const key of [
    'name',
    'product',
    'contractId',
    'outputPort',
    'type',
    'location',
    'description',
  ] as const) {
    const value = text(port[key]);
    if (value) out[key] = value;
  }
  if (!out.product && !out.contractId && !out.location) return undefined;
  out.name ??=
    refName(out.product) ?? refName(out.contractId) ?? `input-${index + 1}`;
  return out;
}

/**
 * The catalog entity (`catalog-info.yaml`) of a new data product: a `Component` of type
 * `data-product` whose contract annotation points at {@link DRAFT_CONTRACT_FILE}, with the
 * product kind and the input ports in `spec.dataProduct` and the classification as the
 * `data-mesh/classification` annotation.
 *
 * @public
 */
export function draftEntity(input: DataProductDraftInput): DraftEntity {
  const name = text(input.name) ?? 'new-data-product';
  const annotations: Record<string, string> = {
    [DATA_PRODUCT_ANNOTATIONS.contract]: `./${DRAFT_CONTRACT_FILE}`,
  };
  const classification = text(input.classification);
  if (classification)
    annotations[CLASSIFICATION_ANNOTATION] = classification.toLowerCase();

  const entity: DraftEntity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, annotations },
    spec: {
      type: DATA_PRODUCT_TYPE,
      lifecycle: text(input.lifecycle) ?? 'experimental',
      owner: ownerRef(text(input.owner)),
      dataProduct: {
        inputPorts: (input.inputPorts ?? [])
          .map(portOf)
          .filter((p): p is Record<string, string> => !!p),
      },
    },
  };
  const title = text(input.title);
  if (title) entity.metadata.title = title;
  const description = text(input.description);
  if (description) entity.metadata.description = description;
  const domain = refName(input.domain);
  const tags = [domain, ...(input.tags ?? [])]
    .map(t =>
      text(t)
        ?.toLowerCase()
        .replace(/[^a-z0-9:+#]+/g, '-')
        .replace(/^-+|-+$/g, ''),
    )
    .filter((t, i, all): t is string => !!t && all.indexOf(t) === i);
  if (tags.length > 0) entity.metadata.tags = tags;
  const system = refName(input.system);
  if (system) entity.spec.system = system;
  const kind = text(input.productKind);
  if (kind) entity.spec.dataProduct.kind = kind;
  return entity;
}
