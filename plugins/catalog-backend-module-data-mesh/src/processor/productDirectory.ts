import type { AuthService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DATA_PRODUCT_TYPE,
  PROCESSED_ANNOTATIONS,
  productRef,
} from '@backstage-data-mesh/plugin-data-mesh-common';

/**
 * What the processor asks the catalog while it processes a product: the products that serve a
 * contract id (lineage by contract, and whether another product serves its id already), the
 * domain of a system, and the version of the product the catalog holds now (to keep it when
 * the new one is invalid).
 */
export interface ProductDirectory {
  productsServing(contractId: string): Promise<string[]>;
  /**
   * The products whose `data-mesh/contract-id` annotation is exactly `key` (see
   * `contractIdKey`), as entity refs: who serves a contract id already.
   */
  productsWithContractId(key: string): Promise<string[]>;
  domainOf(systemRef: string): Promise<string | undefined>;
  published(entityRef: string): Promise<Entity | undefined>;
}

/** How long answers about other entities are reused, so a refresh of 10,000 products asks little. */
const TTL_MS = 60_000;

class TtlCache<T> {
  private readonly entries = new Map<string, { value: T; until: number }>();
  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  async get(
    key: string,
    load: () => Promise<T>,
    keep: (value: T) => boolean,
  ): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.until > this.now()) return hit.value;
    const value = await load();
    if (keep(value))
      this.entries.set(key, { value, until: this.now() + this.ttlMs });
    else this.entries.delete(key);
    return value;
  }
}

/**
 * The directory over the catalog's own API, with the catalog module's service credentials.
 * Answers about other entities are kept for a minute; an answer that found nothing is not
 * kept, so a product that arrives later is found on the next run.
 */
export class CatalogProductDirectory implements ProductDirectory {
  private readonly serving: TtlCache<string[]>;
  private readonly claims: TtlCache<string[]>;
  private readonly domains: TtlCache<string | undefined>;

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
    options: { ttlMs?: number; now?: () => number } = {},
  ) {
    const now = options.now ?? Date.now;
    this.serving = new TtlCache(options.ttlMs ?? TTL_MS, now);
    this.claims = new TtlCache(options.ttlMs ?? TTL_MS, now);
    this.domains = new TtlCache(options.ttlMs ?? TTL_MS, now);
  }

  private async credentials() {
    return { credentials: await this.auth.getOwnServiceCredentials() };
  }

  productsServing(contractId: string): Promise<string[]> {
    return this.serving.get(
      contractId,
      async () => {
        const { items } = await this.catalog.getEntities(
          {
            filter: {
              kind: 'component',
              'spec.type': DATA_PRODUCT_TYPE,
              'spec.dataProduct.outputPorts.contractId': contractId,
            },
            fields: ['kind', 'metadata.namespace', 'metadata.name'],
          },
          await this.credentials(),
        );
        return items.map(item => productRef(item)).sort();
      },
      refs => refs.length > 0,
    );
  }

  productsWithContractId(key: string): Promise<string[]> {
    return this.claims.get(
      key,
      async () => {
        const { items } = await this.catalog.getEntities(
          {
            filter: {
              kind: 'component',
              'spec.type': DATA_PRODUCT_TYPE,
              [`metadata.annotations.${PROCESSED_ANNOTATIONS.contractId}`]: key,
            },
            fields: [
              'kind',
              'metadata.namespace',
              'metadata.name',
              'metadata.annotations',
            ],
          },
          await this.credentials(),
        );
        // The catalog compares ignoring case; a contract id is compared exactly.
        return items
          .filter(
            item =>
              item.metadata.annotations?.[PROCESSED_ANNOTATIONS.contractId] ===
              key,
          )
          .map(item => productRef(item))
          .sort();
      },
      refs => refs.length > 0,
    );
  }

  domainOf(systemRef: string): Promise<string | undefined> {
    return this.domains.get(
      systemRef,
      async () => {
        const system = await this.catalog.getEntityByRef(
          systemRef,
          await this.credentials(),
        );
        const domain = system?.spec?.domain;
        if (typeof domain !== 'string' || !domain) return undefined;
        try {
          return productRef(domain, {
            defaultKind: 'domain',
            defaultNamespace: system!.metadata.namespace,
          });
        } catch {
          return undefined;
        }
      },
      domain => domain !== undefined,
    );
  }

  async published(entityRef: string): Promise<Entity | undefined> {
    return this.catalog.getEntityByRef(entityRef, await this.credentials());
  }
}
