/**
 * Which pipeline may push for which product: a static token's subject (or another service
 * principal's) is mapped in `dataMesh.push.subjects` to the products, or the owners of the
 * products, it pushes for. A token that is not mapped pushes for nothing.
 */
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import {
  principalRef,
  productRef,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type { DataProduct } from '../products/DataProduct';

interface SubjectScope {
  products: Set<string>;
  owners: Set<string>;
}

export class PushSubjects {
  static fromConfig(config: Config): PushSubjects {
    const scopes = new Map<string, SubjectScope>();
    const subjects = config.getOptionalConfig('dataMesh.push.subjects');
    for (const subject of subjects?.keys() ?? []) {
      const entry = subjects!.getConfig(subject);
      const products = (entry.getOptionalStringArray('products') ?? []).map(
        ref => {
          try {
            return productRef(ref);
          } catch {
            throw new Error(
              `dataMesh.push.subjects.${subject}.products: "${ref}" is not an entity ref; write e.g. component:default/orders`,
            );
          }
        },
      );
      const owners = (entry.getOptionalStringArray('owners') ?? []).map(ref => {
        const owner = principalRef(ref);
        if (!owner)
          throw new Error(
            `dataMesh.push.subjects.${subject}.owners: "${ref}" is not an entity ref; write e.g. group:default/analytics`,
          );
        return owner;
      });
      scopes.set(subject, {
        products: new Set(products),
        owners: new Set(owners),
      });
    }
    return new PushSubjects(scopes);
  }

  constructor(private readonly scopes: Map<string, SubjectScope>) {}

  /**
   * Undefined when the caller may push for the product as far as subjects go (users are
   * decided by the permission policy alone; the backend's own plugins are trusted); else why
   * not, saying what to configure.
   */
  refusal(
    credentials: BackstageCredentials,
    product: DataProduct,
  ): string | undefined {
    const principal = credentials.principal as {
      type: string;
      subject?: string;
    };
    if (principal.type !== 'service') return undefined;
    const subject = principal.subject ?? '';
    if (subject.startsWith('plugin:')) return undefined;
    const scope = this.scopes.get(subject);
    if (!scope) {
      return `the token's subject "${subject}" may push for no data product: map it in dataMesh.push.subjects.${subject} (products or owners)`;
    }
    if (scope.products.has(product.entityRef)) return undefined;
    if (product.access.owners.some(owner => scope.owners.has(owner)))
      return undefined;
    return `the token's subject "${subject}" may not push for ${product.entityRef}: add it to dataMesh.push.subjects.${subject}.products, or its owner to .owners`;
  }
}
