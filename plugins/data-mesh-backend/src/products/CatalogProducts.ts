/**
 * Data products from the catalog, kept in memory and brought up to date incrementally: every
 * `refreshMillis` one light catalog call lists the products' refs and etags; only the
 * entities whose etag changed are fetched, and their contracts are taken from what the
 * catalog processor recorded (the data-mesh catalog module), so a contract is read from its
 * source once per change however many replicas run. A product the catalog has not recorded
 * a contract for is read from its source, the way the processor reads it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type {
  AuthService,
  BackstageCredentials,
  LoggerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { Entity } from '@backstage/catalog-model';
import {
  type AccessSettings,
  DATA_PRODUCT_TYPE,
  deriveSlos,
  productRef,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type { RecordedProductContract } from '@backstage-data-mesh/plugin-data-mesh-client';
import {
  ResolveUrl,
  SourceReader,
} from '@backstage-data-mesh/plugin-data-mesh-node';
import type { DataProduct, ProductCatalog } from './DataProduct';
import { readCatalogContract } from './readContractText';
import type { RecordedContracts } from './RecordedContracts';
import {
  type ContractPart,
  type MeshContext,
  loadMeshContext,
  partOf,
  productOfEntity,
} from './productOfEntity';

export interface CatalogProductsOptions {
  catalog: CatalogService;
  auth: AuthService;
  /** Reads contract files given by URL (integrations and `backend.reading.allow` apply). */
  urlReader: UrlReaderService;
  /** Resolves relative contract references against URLs (data-mesh-node's `scmResolveUrl`). */
  resolveUrl: ResolveUrl;
  logger: LoggerService;
  /** How often the catalog is asked what changed, in milliseconds (default 10 s). */
  refreshMillis?: number;
  /** The platform's access settings (`dataMesh.access`). */
  accessSettings?: AccessSettings;
  /** What the catalog processor read (the data-mesh catalog module's records). */
  records?: RecordedContracts;
}

/** How long the systems and domains are reused when no product changed. */
const CONTEXT_MILLIS = 60_000;
/** Entities fetched per catalog request. */
const CHUNK = 200;

/**
 * Told when products change: the first time with every product (`initial`), then with the
 * products whose entity or contract changed and the refs of those that left the mesh.
 */
export type ProductChangeListener = (change: {
  initial: boolean;
  changed: DataProduct[];
  removed: string[];
  all: DataProduct[];
}) => Promise<void>;

/** {@link ProductCatalog} over the catalog's data products. */
export class CatalogProducts implements ProductCatalog {
  private readonly listeners: ProductChangeListener[] = [];
  /** Whether the listeners heard of every product; if one failed, they hear it all again. */
  private toldAll = false;
  private readonly entries = new Map<
    string,
    { etag: string; product: DataProduct; contractKey: string }
  >();
  private readonly parts = new Map<
    string,
    { key: string; part: ContractPart }
  >();
  private snapshot: DataProduct[] = [];
  private context?: MeshContext & { at: number };
  private refreshedAt = 0;
  private refreshing?: Promise<void>;
  /** Set while the listeners hear of a change, for what they ask in the meantime. */
  private readonly notifying = new AsyncLocalStorage<true>();
  private readonly refreshMillis: number;
  private readonly reader: SourceReader;
  /** Contracts read from their source (not from the catalog's records), for the benchmarks. */
  sourceReads = 0;

  constructor(private readonly options: CatalogProductsOptions) {
    this.refreshMillis = options.refreshMillis ?? 10_000;
    this.reader = new SourceReader(options.urlReader);
  }

  /** Tells `listener` of every change from now on (awaited before the change is served). */
  onChange(listener: ProductChangeListener): void {
    this.listeners.push(listener);
  }

  /** Every data product. The same array is returned until something changes. */
  async listProducts(): Promise<DataProduct[]> {
    await this.fresh(this.refreshMillis);
    return this.snapshot;
  }

  /**
   * One data product by entity ref, or undefined. A product not known yet makes the source
   * ask the catalog again (at most once a second), so a new product is found at once.
   */
  async getProduct(entityRef: string): Promise<DataProduct | undefined> {
    let ref: string;
    try {
      ref = productRef(entityRef);
    } catch {
      return undefined;
    }
    await this.fresh(this.refreshMillis);
    if (!this.entries.has(ref)) await this.fresh(1000);
    return this.entries.get(ref)?.product;
  }

  /** Asks the catalog what changed when the last answer is older than `maxAge`. */
  private fresh(maxAge: number): Promise<void> {
    // A listener that reads the products while it hears of a change (the contract versions
    // look for a product's consumers) gets the snapshot it was told of: waiting for the
    // refresh would be waiting for itself.
    if (this.notifying.getStore()) return Promise.resolve();
    if (this.refreshing) return this.refreshing;
    if (Date.now() - this.refreshedAt < maxAge) return Promise.resolve();
    const refresh = this.refresh().finally(() => {
      this.refreshing = undefined;
    });
    this.refreshing = refresh;
    return refresh;
  }

  private async refresh(): Promise<void> {
    const started = Date.now();
    const { catalog, auth } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const { items: stubs } = await catalog.getEntities(
      {
        filter: { kind: 'Component', 'spec.type': DATA_PRODUCT_TYPE },
        fields: [
          'kind',
          'metadata.namespace',
          'metadata.name',
          'metadata.etag',
        ],
      },
      { credentials },
    );
    const seen = new Set<string>();
    const changed: string[] = [];
    for (const stub of stubs) {
      const ref = productRef(stub);
      seen.add(ref);
      if (this.entries.get(ref)?.etag !== (stub.metadata.etag ?? ''))
        changed.push(ref);
    }
    const removed = [...this.entries.keys()].filter(ref => !seen.has(ref));
    const contextStale =
      !this.context || started - this.context.at > CONTEXT_MILLIS;
    if (
      changed.length === 0 &&
      removed.length === 0 &&
      !contextStale &&
      this.toldAll
    ) {
      this.refreshedAt = started;
      return;
    }
    const previousContext = this.context?.key;
    const context = contextStale
      ? {
          ...(await loadMeshContext(this.options.catalog, credentials)),
          at: started,
        }
      : this.context!;
    this.context = context;
    for (const ref of removed) {
      this.entries.delete(ref);
      this.parts.delete(ref);
    }
    const entities = await this.fetch(changed, credentials);
    const records = await this.loadRecords(entities.map(e => productRef(e)));
    const remade: DataProduct[] = [];
    for (const entity of entities) {
      const ref = productRef(entity);
      const contractKey = await this.contractKey(ref, entity, records.get(ref));
      this.entries.set(ref, {
        etag: entity.metadata.etag ?? '',
        product: productOfEntity(
          entity,
          this.parts.get(ref)!.part,
          context,
          this.options.accessSettings,
        ),
        contractKey,
      });
      remade.push(this.entries.get(ref)!.product);
    }
    if (previousContext !== undefined && previousContext !== context.key) {
      // A domain or its owners changed: every product's facts are made again.
      for (const [ref, entry] of this.entries) {
        entry.product = productOfEntity(
          entry.product.entity,
          this.parts.get(ref)!.part,
          context,
          this.options.accessSettings,
        );
        remade.push(entry.product);
      }
    }
    const snapshot = [...this.entries.values()]
      .map(e => e.product)
      .sort((a, b) => (a.entityRef < b.entityRef ? -1 : 1));
    this.snapshot = snapshot;
    this.refreshedAt = started;
    const initial = !this.toldAll;
    this.toldAll = true;
    for (const listener of this.listeners) {
      try {
        await this.notifying.run(true, () =>
          listener({
            initial,
            changed: [...new Set(remade)],
            removed,
            all: snapshot,
          }),
        );
      } catch (error) {
        // The products are served all the same; the listeners hear all of them next time.
        this.toldAll = false;
        this.options.logger.error(
          `Could not pass on a change of data products: ${error}`,
        );
      }
    }
  }

  private async fetch(
    refs: string[],
    credentials: BackstageCredentials,
  ): Promise<Entity[]> {
    const entities: Entity[] = [];
    for (let i = 0; i < refs.length; i += CHUNK) {
      const { items } = await this.options.catalog.getEntitiesByRefs(
        { entityRefs: refs.slice(i, i + CHUNK) },
        { credentials },
      );
      for (const item of items) if (item) entities.push(item);
    }
    return entities;
  }

  private async loadRecords(
    refs: string[],
  ): Promise<Map<string, RecordedProductContract>> {
    if (!this.options.records) return new Map();
    try {
      return await this.options.records.load(refs);
    } catch (error) {
      this.options.logger.warn(
        `Could not load the contracts the catalog recorded; reading them from their source: ${error}`,
      );
      return new Map();
    }
  }

  /**
   * Makes the product's contract part current: from the catalog's record when there is one
   * (reused while its hash is unchanged), else read from the source.
   */
  private async contractKey(
    ref: string,
    entity: Entity,
    record: RecordedProductContract | undefined,
  ): Promise<string> {
    const key = record
      ? `record:${record.contractHash ?? ''}:${record.readAt}`
      : `source:${entity.metadata.etag ?? ''}`;
    if (this.parts.get(ref)?.key === key) return key;
    const part = record ? partOf(record) : await this.readPart(ref, entity);
    this.parts.set(ref, { key, part });
    return key;
  }

  /**
   * Reads the contract from where the entity says it is (see `readCatalogContract`); the
   * source text is kept only for what was read that way.
   */
  private async readPart(
    entityRef: string,
    entity: Entity,
  ): Promise<ContractPart> {
    this.sourceReads += 1;
    const read = await readCatalogContract(entity, {
      reader: this.reader,
      resolveUrl: this.options.resolveUrl,
    });
    const unreadable = read.issues.find(
      issue =>
        issue.rule === 'contract-location' ||
        issue.rule === 'contract-unreadable',
    );
    if (unreadable) {
      this.options.logger.warn(
        `Could not read the contract of ${entityRef}: ${unreadable.message}`,
      );
    }
    const derived = read.contract
      ? deriveSlos(read.contract)
      : { slos: [], issues: [] };
    return {
      contract: read.contract,
      format: read.format,
      contractText: read.contractText,
      location: read.location,
      contractDirectory: read.contractDirectory,
      issues: [...read.issues, ...derived.issues],
      slos: derived.slos,
    };
  }
}
