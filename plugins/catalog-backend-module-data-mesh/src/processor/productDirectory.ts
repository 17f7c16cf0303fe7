import type { AuthService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DATA_PRODUCT_TYPE,
  PROCESSED_ANNOTATIONS,
  productRef,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import { publishStage } from './stages';

/**
 * What the processor asks the catalog while it processes a product: the products that serve a
 * contract id (lineage by contract, and whether another product serves its id already), the
 * domain of a system, and the version of the product the catalog holds now (to keep it when
 * the new one is invalid).
 *
 * @public
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
  /**
   * Told, after a product is processed, which contract id key the entity now claims (none:
   * `undefined`), so the answers of `productsWithContractId` hold it before the catalog has
   * published the entity.
   */
  noteClaim?(entityRef: string, key: string | undefined): void;
}

/** How long answers about other entities are reused, so a refresh of 10,000 products asks little. */
const TTL_MS = 60_000;
/**
 * How long an answer that found nothing is reused: a product that arrives later is found
 * within this time, while a refresh of many products that name a missing system, or of new
 * contract ids, asks the catalog at most once in this time.
 */
const MISS_TTL_MS = 5_000;

class TtlCache<T> {
  private readonly entries = new Map<string, { value: T; until: number }>();
  constructor(
    private readonly ttlMs: number,
    private readonly missTtlMs: number,
    private readonly now: () => number,
  ) {}

  async get(
    key: string,
    load: () => Promise<T>,
    found: (value: T) => boolean,
  ): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.until > this.now()) return hit.value;
    const value = await load();
    const ttl = found(value) ? this.ttlMs : this.missTtlMs;
    this.entries.set(key, { value, until: this.now() + ttl });
    return value;
  }
}

/** Who claims and who serves each contract id, from one listing of the catalog's products. */
interface ContractIdIndex {
  /** By `contractIdKey`, compared exactly: the `data-mesh/contract-id` annotation. */
  claims: Map<string, string[]>;
  /** By output port contract id, lower case: the catalog compares these ignoring case. */
  serving: Map<string, string[]>;
  at: number;
}

function add(map: Map<string, string[]>, key: string, ref: string) {
  const refs = map.get(key);
  if (refs) refs.push(ref);
  else map.set(key, [ref]);
}

const foldCase = (value: string) => value.toLocaleLowerCase('en-US');

/**
 * The directory over the catalog's own API, with the catalog module's service credentials.
 * Who claims and serves which contract id comes from one listing of all data products (their
 * names, contract-id annotation and output ports), kept for a minute, and listed again at
 * most every five seconds while a processed product asks about an id it does not hold; the
 * claims this processor made since (`noteClaim`) count before the catalog publishes them. Domains
 * of systems are kept for a minute, or five seconds when the system was not found.
 */
export class CatalogProductDirectory implements ProductDirectory {
  private readonly domains: TtlCache<string | undefined>;
  private readonly now: () => number;
  private readonly ttlMs: number;
  private readonly missTtlMs: number;
  private index?: ContractIdIndex;
  private listing?: Promise<ContractIdIndex>;
  /** Claims this processor made, by entity ref, which the catalog may not have published yet. */
  private readonly noted = new Map<string, { key?: string; at: number }>();
  private readonly notedByKey = new Map<string, Set<string>>();

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
    options: { ttlMs?: number; missTtlMs?: number; now?: () => number } = {},
  ) {
    this.now = options.now ?? Date.now;
    this.ttlMs = options.ttlMs ?? TTL_MS;
    this.missTtlMs = options.missTtlMs ?? MISS_TTL_MS;
    this.domains = new TtlCache(this.ttlMs, this.missTtlMs, this.now);
  }

  private async credentials() {
    return { credentials: await this.auth.getOwnServiceCredentials() };
  }

  private async listContractIds(): Promise<ContractIdIndex> {
    const started = performance.now();
    const { items } = await this.catalog.getEntities(
      {
        filter: { kind: 'component', 'spec.type': DATA_PRODUCT_TYPE },
        fields: [
          'kind',
          'metadata.namespace',
          'metadata.name',
          `metadata.annotations.${PROCESSED_ANNOTATIONS.contractId}`,
          'spec.dataProduct.outputPorts',
        ],
      },
      await this.credentials(),
    );
    const index: ContractIdIndex = {
      claims: new Map(),
      serving: new Map(),
      at: this.now(),
    };
    for (const item of items) {
      const ref = productRef(item);
      const claimed =
        item.metadata.annotations?.[PROCESSED_ANNOTATIONS.contractId];
      if (typeof claimed === 'string' && claimed)
        add(index.claims, claimed, ref);
      const ports = (item.spec?.dataProduct as { outputPorts?: unknown })
        ?.outputPorts;
      const served = new Set<string>();
      for (const port of Array.isArray(ports) ? ports : []) {
        const id = (port as { contractId?: unknown } | null)?.contractId;
        if (typeof id === 'string' && id) served.add(foldCase(id));
      }
      for (const id of served) add(index.serving, id, ref);
    }
    for (const refs of [...index.claims.values(), ...index.serving.values()])
      refs.sort();
    publishStage({
      stage: 'listing products',
      ms: performance.now() - started,
      products: items.length,
    });
    // A claim noted a minute before this listing began is in it.
    for (const [ref, claim] of this.noted) {
      if (claim.at < index.at - this.ttlMs) this.forget(ref);
    }
    return index;
  }

  private forget(ref: string) {
    const claim = this.noted.get(ref);
    if (!claim) return;
    this.noted.delete(ref);
    if (claim.key === undefined) return;
    const refs = this.notedByKey.get(claim.key);
    refs?.delete(ref);
    if (refs?.size === 0) this.notedByKey.delete(claim.key);
  }

  noteClaim(entityRef: string, key: string | undefined): void {
    this.forget(entityRef);
    this.noted.set(entityRef, { key, at: this.now() });
    if (key === undefined) return;
    const refs = this.notedByKey.get(key);
    if (refs) refs.add(entityRef);
    else this.notedByKey.set(key, new Set([entityRef]));
  }

  /**
   * The refs under `key` in the contract-id index: listed again when the index is older than
   * a minute, or older than five seconds and the key is not in it.
   */
  private async lookUp(
    pick: (index: ContractIdIndex) => Map<string, string[]>,
    key: string,
  ): Promise<string[]> {
    const age = this.index ? this.now() - this.index.at : Infinity;
    const known = this.index ? pick(this.index).has(key) : false;
    if (age >= this.ttlMs || (!known && age >= this.missTtlMs)) {
      if (!this.listing) {
        this.listing = this.listContractIds().finally(() => {
          this.listing = undefined;
        });
      }
      this.index = await this.listing;
    }
    return [...(pick(this.index!).get(key) ?? [])];
  }

  productsServing(contractId: string): Promise<string[]> {
    return this.lookUp(index => index.serving, foldCase(contractId));
  }

  async productsWithContractId(key: string): Promise<string[]> {
    const listed = await this.lookUp(index => index.claims, key);
    // What this processor decided since overrides the listing.
    const refs = new Set(
      listed.filter(ref => {
        const claim = this.noted.get(ref);
        return !claim || claim.key === key;
      }),
    );
    for (const ref of this.notedByKey.get(key) ?? []) refs.add(ref);
    return [...refs].sort();
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
