/**
 * Who sees what of which data product, asked of the permission framework: the policy
 * answers `data-mesh.product.discover` and `data-mesh.product.read` (usually with the
 * data-mesh conditions, applied here to the products in memory) and the catalog's own
 * `catalog.entity.read`, so an organisation's catalog rules hold on every data-mesh route.
 */
import type {
  BackstageCredentials,
  PermissionsRegistryService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  type ConditionalPolicyDecision,
  type PolicyDecision,
  type ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  type ConditionTransformer,
  type PermissionRuleset,
  createConditionAuthorizer,
  createConditionTransformer,
} from '@backstage/plugin-permission-node';
import type { AccessCriteria, ListingAccess } from '../database/ProductIndex';
import {
  dataMeshPermissions,
  dataMeshProductDiscoverPermission,
  dataMeshProductReadPermission,
  productRef,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import {
  type DataProductQuery,
  type DataProductResource,
  dataMeshProductPermissionRules,
  dataMeshProductResourceRef,
} from '@backstage-data-mesh/plugin-data-mesh-node';
import type { DataProduct, ProductCatalog } from '../products/DataProduct';

/** What one caller may do with one product. */
export interface ProductSight {
  /** The product exists for the caller: its metadata may be shown. */
  discover: boolean;
  /** Its data may be shown: examples, SLO values and status, history, errors. */
  read: boolean;
}

/** The users and groups holding a current read grant on a product. */
export type GrantLookup = (entityRef: string) => readonly string[];

const NO_GRANTS: GrantLookup = () => [];

/** Registers the data-product resource type, its rules and how to load a product by ref. */
export function registerProductResources(
  registry: PermissionsRegistryService,
  products: ProductCatalog,
  grants: GrantLookup = NO_GRANTS,
) {
  registry.addResourceType({
    resourceRef: dataMeshProductResourceRef,
    permissions: dataMeshPermissions,
    rules: Object.values(dataMeshProductPermissionRules),
    async getResources(refs) {
      const list = await products.listProducts();
      const byRef = new Map(list.map(p => [p.entityRef, p]));
      return refs.map(ref => {
        let product: DataProduct | undefined;
        try {
          product = byRef.get(productRef(ref));
        } catch {
          product = undefined;
        }
        return product ? productResource(product, grants) : undefined;
      });
    },
  });
}

/** The permission resource of a product. */
export function productResource(
  product: DataProduct,
  grants: GrantLookup = NO_GRANTS,
): DataProductResource {
  return {
    entityRef: product.entityRef,
    access: product.access,
    grants: [...grants(product.entityRef)],
  };
}

export class ProductAccessGate {
  private readonly authorize = createConditionAuthorizer(
    Object.values(dataMeshProductPermissionRules),
  );

  private readonly transform?: ConditionTransformer<DataProductQuery>;

  constructor(
    private readonly options: {
      permissions: PermissionsService;
      catalog: CatalogService;
      grants?: GrantLookup;
      /** The registered rules, to turn conditions into the product index's query. */
      ruleset?: PermissionRuleset<DataProductResource, DataProductQuery>;
    },
  ) {
    if (options.ruleset)
      this.transform = createConditionTransformer(options.ruleset);
  }

  /**
   * What the caller may list, as the product index queries it: the products they may
   * discover (or read), those they may read, and, when the catalog's read permission is
   * conditional for them, the products the catalog shows them.
   */
  async listingAccess(
    credentials: BackstageCredentials,
    products: readonly DataProduct[],
  ): Promise<ListingAccess> {
    const [discover, read, catalogRead] =
      await this.options.permissions.authorizeConditional(
        [
          { permission: dataMeshProductDiscoverPermission },
          { permission: dataMeshProductReadPermission },
          { permission: catalogEntityReadPermission },
        ],
        { credentials },
      );
    const criteria = (decision: PolicyDecision): AccessCriteria => {
      if (decision.result === AuthorizeResult.ALLOW) return true;
      if (decision.result === AuthorizeResult.DENY) return false;
      if (!this.transform)
        throw new Error(
          'the product access gate was given no permission rules',
        );
      return this.transform((decision as ConditionalPolicyDecision).conditions);
    };
    const mayRead = criteria(read);
    const mayDiscover = criteria(discover);
    let discoverOrRead: AccessCriteria;
    if (mayRead === true || mayDiscover === true) discoverOrRead = true;
    else if (mayRead === false) discoverOrRead = mayDiscover;
    else if (mayDiscover === false) discoverOrRead = mayRead;
    else discoverOrRead = { anyOf: [mayDiscover, mayRead] };
    const access: ListingAccess = { discover: discoverOrRead, read: mayRead };
    if (catalogRead.result !== AuthorizeResult.ALLOW) {
      const inCatalog = await this.catalogVisible(
        credentials,
        catalogRead,
        products,
      );
      access.catalogVisible = new Set(
        products.filter(inCatalog).map(p => p.entityRef),
      );
    }
    return access;
  }

  /**
   * What the caller may do with each product: one permission call for the three
   * decisions, conditions applied in memory; `catalog.entity.read` conditions are left to
   * the catalog (asked with the caller's credentials).
   */
  async sight(
    credentials: BackstageCredentials,
    products: readonly DataProduct[],
  ): Promise<Map<string, ProductSight>> {
    const [discover, read, catalogRead] =
      await this.options.permissions.authorizeConditional(
        [
          { permission: dataMeshProductDiscoverPermission },
          { permission: dataMeshProductReadPermission },
          { permission: catalogEntityReadPermission },
        ],
        { credentials },
      );
    const inCatalog = await this.catalogVisible(
      credentials,
      catalogRead,
      products,
    );
    const sights = new Map<string, ProductSight>();
    for (const product of products) {
      if (!inCatalog(product)) {
        sights.set(product.entityRef, { discover: false, read: false });
        continue;
      }
      const resource = productResource(product, this.options.grants);
      const mayRead = this.authorize(read, resource);
      sights.set(product.entityRef, {
        discover: mayRead || this.authorize(discover, resource),
        read: mayRead,
      });
    }
    return sights;
  }

  /** What the caller may do with one product. */
  async sightOf(
    credentials: BackstageCredentials,
    product: DataProduct,
  ): Promise<ProductSight> {
    const sights = await this.sight(credentials, [product]);
    return sights.get(product.entityRef)!;
  }

  /**
   * Whether a resource permission of a product (push, evaluate) is allowed: the policy's
   * decision, conditions applied to the product.
   */
  async allows(
    credentials: BackstageCredentials,
    permission: ResourcePermission,
    product: DataProduct,
  ): Promise<boolean> {
    const [decision] = await this.options.permissions.authorizeConditional(
      [{ permission }],
      { credentials },
    );
    return this.authorize(
      decision,
      productResource(product, this.options.grants),
    );
  }

  private async catalogVisible(
    credentials: BackstageCredentials,
    decision: PolicyDecision,
    products: readonly DataProduct[],
  ): Promise<(product: DataProduct) => boolean> {
    if (decision.result === AuthorizeResult.ALLOW) return () => true;
    if (decision.result === AuthorizeResult.DENY) return () => false;
    const visible = new Set<string>();
    const refs = products.map(p => p.entityRef);
    for (let i = 0; i < refs.length; i += 500) {
      const chunk = refs.slice(i, i + 500);
      const { items } = await this.options.catalog.getEntitiesByRefs(
        {
          entityRefs: chunk,
          fields: ['kind', 'metadata.name', 'metadata.namespace'],
        },
        { credentials },
      );
      items.forEach((item, index) => {
        if (item) visible.add(chunk[index]);
      });
    }
    return product => visible.has(product.entityRef);
  }
}
