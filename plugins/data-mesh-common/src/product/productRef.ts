/**
 * How a data product is referred to: one rule for every package, so a product has one key.
 */
import {
  type CompoundEntityRef,
  parseEntityRef,
} from '@backstage/catalog-model';

/**
 * Reads a reference to a data product, or to an entity a product names (its system, domain
 * or owner, an upstream product), from a bare or a full name: `sales` is a `component` (or
 * `context.defaultKind`) in the writer's namespace (`context.defaultNamespace`, else
 * `default`); `system:finance/ledger` is taken as written.
 *
 * `context` is what a bare reference is read relative to: the kind a bare name has
 * (`component` for products; `system`, `domain` or `group` for what a product names) and the
 * namespace of the entity that wrote it (`default` when none).
 *
 * The rule: kind, namespace and name are lower-cased. Backstage compares entity refs
 * ignoring case (`Component:Default/Orders` is the same entity as `component:default/orders`),
 * so the lower-case form is the one key of a product: the catalog processor's relations, the
 * backend's products and stored history, the scaffolder's actions, the frontend's requests and
 * lineage all write it, and compare references with `===`.
 *
 * @throws TypeError when the text is not an entity ref, saying how to write one
 * @public
 */
export function parseProductRef(
  ref: string,
  context: { defaultKind?: string; defaultNamespace?: string } = {},
): CompoundEntityRef {
  const written = typeof ref === 'string' ? ref.trim() : ref;
  let parsed: CompoundEntityRef;
  try {
    parsed = parseEntityRef(written, {
      defaultKind: context.defaultKind ?? 'component',
      defaultNamespace: context.defaultNamespace || 'default',
    });
  } catch (error) {
    throw new TypeError(
      `"${String(
        ref,
      )}" is not an entity ref: write a name (orders) or kind:namespace/name (component:default/orders); ${
        (error as Error).message
      }`,
    );
  }
  return {
    kind: lower(parsed.kind),
    namespace: lower(parsed.namespace),
    name: lower(parsed.name),
  };
}

/** A full reference already written by the rule: nothing to parse or lower. */
const CANONICAL =
  /^[a-z0-9][a-z0-9._-]*:[a-z0-9][a-z0-9._-]*\/[a-z0-9][a-z0-9._-]*$/;

/**
 * A reference to a data product (or to an entity a product names) as the suite writes it:
 * `kind:namespace/name` in lower case, by the rule of {@link parseProductRef}. Takes written
 * text or an entity.
 *
 * @throws TypeError when written text is not an entity ref
 * @public
 */
export function productRef(
  ref:
    | string
    | { kind: string; metadata: { name: string; namespace?: string } }
    | { kind: string; namespace?: string; name: string },
  context: { defaultKind?: string; defaultNamespace?: string } = {},
): string {
  if (typeof ref === 'string') {
    if (CANONICAL.test(ref)) return ref;
    const { kind, namespace, name } = parseProductRef(ref, context);
    return `${kind}:${namespace}/${name}`;
  }
  const name = 'metadata' in ref ? ref.metadata.name : ref.name;
  const namespace =
    ('metadata' in ref ? ref.metadata.namespace : ref.namespace) || 'default';
  return `${lower(ref.kind)}:${lower(namespace)}/${lower(name)}`;
}

/** Lower case as Backstage compares entity refs (`toLocaleLowerCase('en-US')`, the same mapping). */
function lower(text: string): string {
  return text.toLowerCase();
}
