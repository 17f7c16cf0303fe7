/**
 * Which domain a data product belongs to: one rule for the explorer, the catalog's `partOf`
 * relation, the domain policy sets and the database role its checks run as.
 */
import { parseProductRef } from './productRef';

/**
 * A product's domain.
 * @public
 */
export interface ProductDomain {
  /** The Domain entity, e.g. `domain:default/sales` (lower case, see `productRef`). */
  ref: string;
  /** Its name, e.g. `sales`: what domain policy sets and per-domain settings are keyed by. */
  name: string;
  /** Where it was read: the System, the annotation, `spec.domain` or the contract. */
  from: 'system' | 'annotation' | 'spec' | 'contract';
}

/** The annotations an author may name the domain with when the product has no System. */
const DOMAIN_ANNOTATIONS = ['data-mesh/domain', 'datamesh/domain'];

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/**
 * The domain a product belongs to. The rule, in order:
 *
 * 1. the domain of the product's System (`spec.system` → the System's `spec.domain`):
 *    Backstage's own model, which the catalog shows;
 * 2. else the annotation `data-mesh/domain` (or `datamesh/domain`);
 * 3. else the entity's `spec.domain`;
 * 4. else the contract's `domain`.
 *
 * A bare name is a Domain in the product's namespace; names compare ignoring case. A System
 * whose domain is known therefore decides, whatever the entity or contract write; the written
 * names count only for a product outside any System (or when the System is not known, as in a
 * CLI run on one file). Undefined when nothing names a domain.
 * @public
 */
export function productDomain(facts: {
  /** The product's entity (its annotations, `spec.domain` and namespace). */
  entity?: {
    metadata?: { namespace?: string; annotations?: Record<string, string> };
    spec?: Record<string, unknown>;
  } | null;
  /**
   * The `spec.domain` of the System the entity's `spec.system` names, when the caller knows
   * that System (the catalog processor and the backend do; a CLI run on one file does not).
   */
  systemDomain?: string | null;
  /** The product's contract (its `domain`). */
  contract?: { domain?: unknown } | null;
}): ProductDomain | undefined {
  const namespace = facts.entity?.metadata?.namespace;
  const annotations = facts.entity?.metadata?.annotations ?? {};
  const candidates: Array<[ProductDomain['from'], unknown]> = [
    ['system', facts.systemDomain],
    [
      'annotation',
      DOMAIN_ANNOTATIONS.map(a => text(annotations[a])).find(Boolean),
    ],
    ['spec', facts.entity?.spec?.domain],
    ['contract', facts.contract?.domain],
  ];
  for (const [from, value] of candidates) {
    const written = text(value);
    if (!written) continue;
    try {
      const ref = parseProductRef(written, {
        defaultKind: 'domain',
        defaultNamespace: namespace,
      });
      return {
        ref: `${ref.kind}:${ref.namespace}/${ref.name}`,
        name: ref.name,
        from,
      };
    } catch {
      // not a name a Domain can have: the next source decides
    }
  }
  return undefined;
}
