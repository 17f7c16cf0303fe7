/**
 * Data products from the catalog: one catalog call lists every `Component` of type
 * `data-product` (plus one for their Systems' domains); contracts are read from where the
 * entities point and kept until the entity changes.
 */
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
  DEFAULT_ACCESS_SETTINGS,
  DATA_PRODUCT_TYPE,
  describeProductAccess,
  deriveSlos,
  principalRef,
  productDomain,
  productRef,
  readDataProductSpec,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type { DataProduct, ProductCatalog } from './DataProduct';
import {
  ResolveUrl,
  SourceReader,
} from '@backstage-data-mesh/plugin-data-mesh-node';
import { readCatalogContract } from './readContractText';

export interface CatalogProductsOptions {
  catalog: CatalogService;
  auth: AuthService;
  /** Reads contract files given by URL (integrations and `backend.reading.allow` apply). */
  urlReader: UrlReaderService;
  /** Resolves relative contract references against URLs (data-mesh-node's `scmResolveUrl`). */
  resolveUrl: ResolveUrl;
  logger: LoggerService;
  /** How long a listing is reused, in milliseconds. */
  cacheMillis?: number;
  /** The platform's access settings (`dataMesh.access`). */
  accessSettings?: AccessSettings;
}

type ContractPart = Pick<
  DataProduct,
  | 'contract'
  | 'format'
  | 'contractText'
  | 'location'
  | 'contractDirectory'
  | 'issues'
  | 'slos'
>;

/** {@link ProductCatalog} over the catalog's data products. */
export class CatalogProducts implements ProductCatalog {
  private listing?: { at: number; products: Promise<DataProduct[]> };
  private readonly contracts = new Map<
    string,
    { key: string; part: Promise<ContractPart> }
  >();
  private readonly cacheMillis: number;
  private readonly reader: SourceReader;

  constructor(private readonly options: CatalogProductsOptions) {
    this.cacheMillis = options.cacheMillis ?? 10_000;
    this.reader = new SourceReader(options.urlReader);
  }

  async listProducts(): Promise<DataProduct[]> {
    const now = Date.now();
    if (!this.listing || now - this.listing.at > this.cacheMillis) {
      const products = this.load();
      this.listing = { at: now, products };
      products.catch(() => {
        if (this.listing?.products === products) this.listing = undefined;
      });
    }
    return this.listing.products;
  }

  async getProduct(entityRef: string): Promise<DataProduct | undefined> {
    let ref: string;
    try {
      ref = productRef(entityRef);
    } catch {
      return undefined;
    }
    return (await this.listProducts()).find(p => p.entityRef === ref);
  }

  private async load(): Promise<DataProduct[]> {
    const { catalog, auth } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const { items } = await catalog.getEntities(
      { filter: { kind: 'Component', 'spec.type': DATA_PRODUCT_TYPE } },
      { credentials },
    );
    const systemRefs = [
      ...new Set(items.map(e => systemOf(e)).filter((r): r is string => !!r)),
    ];
    const domains = new Map<string, string>();
    if (systemRefs.length > 0) {
      const systems = await catalog.getEntitiesByRefs(
        {
          entityRefs: systemRefs,
          fields: [
            'kind',
            'metadata.name',
            'metadata.namespace',
            'spec.domain',
          ],
        },
        { credentials },
      );
      systems.items.forEach((system, i) => {
        const domain = system?.spec?.domain;
        if (typeof domain !== 'string') return;
        const ref = relatedRef(domain, 'domain', system!);
        if (ref) domains.set(systemRefs[i], ref);
      });
    }
    const domainMembers = await this.domainMembers(credentials);
    return Promise.all(
      items.map(entity => this.toProduct(entity, domains, domainMembers)),
    );
  }

  /** The owners of each Domain entity, by the domain's name: who a contract's `domain` grant names. */
  private async domainMembers(
    credentials: BackstageCredentials,
  ): Promise<Map<string, string[]>> {
    const { items } = await this.options.catalog.getEntities(
      {
        filter: { kind: 'Domain' },
        fields: ['kind', 'metadata.name', 'metadata.namespace', 'spec.owner'],
      },
      { credentials },
    );
    const members = new Map<string, string[]>();
    for (const domain of items) {
      const owner = domain.spec?.owner;
      if (typeof owner !== 'string') continue;
      const ref = principalRef(owner, domain.metadata.namespace);
      if (!ref) continue;
      const name = domain.metadata.name.toLocaleLowerCase('en-US');
      members.set(name, [...(members.get(name) ?? []), ref]);
    }
    return members;
  }

  private async toProduct(
    entity: Entity,
    domains: Map<string, string>,
    domainMembers: Map<string, string[]>,
  ): Promise<DataProduct> {
    const entityRef = productRef(entity);
    const spec = (entity.spec ?? {}) as Record<string, unknown>;
    const system = systemOf(entity);
    const part = await this.contractOf(entityRef, entity);
    const access = describeProductAccess({
      entity,
      contract: part.contract,
      settings: this.options.accessSettings ?? DEFAULT_ACCESS_SETTINGS,
      context: {
        domainMembers: name =>
          domainMembers.get(name.toLocaleLowerCase('en-US')) ?? [],
      },
    });
    const { spec: dataProduct } = readDataProductSpec(entity);
    return {
      entity,
      entityRef,
      name: entity.metadata.name,
      namespace: entity.metadata.namespace ?? 'default',
      title: entity.metadata.title,
      description: entity.metadata.description,
      owner: principalRef(spec.owner, entity.metadata.namespace),
      system,
      domain: productDomain({
        entity,
        systemDomain: system ? domains.get(system) : undefined,
        contract: part.contract,
      })?.ref,
      lifecycle:
        typeof spec.lifecycle === 'string' ? spec.lifecycle : undefined,
      tags: entity.metadata.tags ?? [],
      productKind: dataProduct?.kind,
      classification: access.level,
      access,
      ...part,
    };
  }

  private contractOf(entityRef: string, entity: Entity): Promise<ContractPart> {
    const key = JSON.stringify([
      entity.metadata.etag ?? entity.metadata.uid ?? '',
      entity.metadata.annotations ?? {},
      (entity.spec?.dataProduct as { contract?: unknown } | undefined)
        ?.contract ?? null,
    ]);
    const cached = this.contracts.get(entityRef);
    if (cached?.key === key) return cached.part;
    const part = this.readPart(entityRef, entity);
    this.contracts.set(entityRef, { key, part });
    return part;
  }

  /**
   * Reads the contract from where the entity says it is (see `readCatalogContract`); the
   * source text is kept only for what was read that way.
   */
  private async readPart(
    entityRef: string,
    entity: Entity,
  ): Promise<ContractPart> {
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

/** A reference an entity writes to another entity (a bare name is in its namespace). */
function relatedRef(
  ref: string,
  defaultKind: string,
  writer: Entity,
): string | undefined {
  try {
    return productRef(ref, {
      defaultKind,
      defaultNamespace: writer.metadata.namespace,
    });
  } catch {
    return undefined;
  }
}

/** The System a product is part of (`spec.system`). */
function systemOf(entity: Entity): string | undefined {
  const system = entity.spec?.system;
  return typeof system === 'string'
    ? relatedRef(system, 'system', entity)
    : undefined;
}
