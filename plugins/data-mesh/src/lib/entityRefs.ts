import { parseEntityRef } from '@backstage/catalog-model';

/**
 * An entity ref as people read it: the name alone in the default namespace
 * (`group:default/analytics` → `analytics`), `namespace/name` otherwise.
 * Text that is not a ref comes back as it is.
 */
export function shortRef(ref: string | undefined): string {
  if (!ref) return '';
  try {
    const { namespace, name } = parseEntityRef(ref);
    return namespace === 'default' ? name : `${namespace}/${name}`;
  } catch {
    return ref;
  }
}
