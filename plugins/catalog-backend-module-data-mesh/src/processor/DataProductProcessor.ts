import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import {
  CatalogProcessor,
  CatalogProcessorCache,
  CatalogProcessorEmit,
  LocationSpec,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  type AccessSettings,
  ContractIssue,
  type OdcsContract,
  describeProductAccess,
  isDataProductEntity,
  PROCESSED_ANNOTATIONS,
  productDomain,
  productRef,
  readDataProductSpec,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type {
  ContractParser,
  ResolveUrl,
  SourceReader,
} from '@backstage-data-mesh/plugin-data-mesh-node';
import {
  GovernanceCheck,
  governanceNotEvaluated,
  type RecordedVerdict,
} from './governance';
import type { ProductDirectory } from './productDirectory';
import {
  contractIdKey,
  isValidVersion,
  jsonHash,
  problemMessages,
  ProductRecord,
  ProductStatus,
  recordOnEntity,
} from './productRecord';
import {
  domainRelations,
  lineageRelations,
  systemDomainOf,
} from './productRelations';
import { ProductFiles } from './productFiles';
import { timed } from './stages';
import { readProduct } from './readProduct';
import type { ContractRecords } from '../contracts/ContractRecords';

const CACHE_KEY = 'product';

/** Changes when a record holds more than before, so records cached earlier are rebuilt. */
const RECORD_FORMAT = 4;

/**
 * Options of {@link DataProductProcessor}.
 *
 * @public
 */
export interface DataProductProcessorOptions {
  /** Reads contract and product files (data-mesh-node's SourceReader). */
  reader: SourceReader;
  /** Resolves references against URLs (data-mesh-node's `scmResolveUrl(config)`). */
  resolveUrl: ResolveUrl;
  directory: ProductDirectory;
  /** Defaults to `governanceNotEvaluated`: verdicts are not computed. */
  governance?: GovernanceCheck;
  /**
   * The platform's access settings (`dataMesh.access`, read by data-mesh-node's
   * `readAccessSettings`): a product's contract outline is written on the entity only when
   * every signed-in user may discover it. Defaults to data-mesh-common's defaults.
   */
  accessSettings?: AccessSettings;
  /**
   * Where what was read of each product is kept for the data-mesh backend (this module's
   * table in the catalog's database), so no replica of it reads a contract again.
   */
  records?: ContractRecords;
  /**
   * Reads the contract files' texts; in the catalog's own thread by default. The module
   * passes data-mesh-node's `ContractParserThreads`, so parsing stays off the catalog's event
   * loop.
   */
  parser?: ContractParser;
  logger?: LoggerService;
}

/**
 * Teaches the catalog what a data product is (`kind: Component`, `spec.type: data-product`):
 * reads its contract (inline, a file beside the catalog file, a URL, or through an ODPS
 * descriptor), validates it with data-mesh-common, records a summary and the governance
 * verdict on the entity, and emits the lineage and domain relations.
 *
 * A product whose contract is invalid, missing or blocked by governance is reported with
 * processing errors (file, path, line). When the catalog already holds a valid version of the
 * product, it keeps that version and shows the errors on it; when it holds none, the product
 * is published as far as it could be read, marked `data-mesh/contract-status: invalid` (or
 * `blocked`, for a valid contract that governance blocks), with
 * the errors on its page, rather than missing from the catalog without a word.
 *
 * A contract id is served by one product: a product whose contract has the id of another
 * product's contract is refused (the product that served it first keeps it).
 *
 * @public
 */
export class DataProductProcessor implements CatalogProcessor {
  private readonly governance: GovernanceCheck;

  constructor(private readonly options: DataProductProcessorOptions) {
    this.governance = options.governance ?? governanceNotEvaluated;
  }

  getProcessorName(): string {
    return 'DataProductProcessor';
  }

  async postProcessEntity(
    entity: Entity,
    location: LocationSpec,
    emit: CatalogProcessorEmit,
    cache: CatalogProcessorCache,
  ): Promise<Entity> {
    if (!isDataProductEntity(entity)) return entity;
    return timed('processing', () =>
      this.processProduct(entity, location, emit, cache),
    );
  }

  private async processProduct(
    entity: Entity,
    location: LocationSpec,
    emit: CatalogProcessorEmit,
    cache: CatalogProcessorCache,
  ): Promise<Entity> {
    const self = productRef(entity);
    const systemDomain = await timed('looking up', () =>
      systemDomainOf(entity, this.options.directory),
    );
    const record = await this.record(entity, location, cache, systemDomain);
    const { spec, issues: specIssues } = readDataProductSpec(entity);
    const taken = await timed('looking up', () =>
      this.contractIdTaken(self, record, location),
    );
    const problems = [
      ...specIssues.map(issue => ({ ...issue, file: location.target })),
      ...record.problems,
      ...(taken ? [taken] : []),
    ];
    // Contract errors already block; governance adds its blocking failures to a valid contract.
    const blocking = problems.length > 0 ? [] : record.governance.blocking;
    const errors = [...problems, ...blocking];
    let status: ProductStatus = 'valid';
    if (problems.length > 0) status = 'invalid';
    else if (blocking.length > 0) status = 'blocked';

    if (errors.length > 0) {
      const published = await this.options.directory.published(self);
      if (published && isValidVersion(published)) {
        for (const message of problemMessages(errors)) {
          emit(processingResult.inputError(location, message));
        }
        return entity;
      }
      this.options.logger?.warn(
        `Data product ${self} is published as ${status} with ${
          errors.length
        } error(s), as no valid version of it exists yet: ${
          problemMessages(errors)[0]
        }`,
      );
    }

    const relations = await timed('looking up', async () => [
      ...(await lineageRelations(
        entity,
        [...spec.inputPorts, ...record.inputPorts],
        this.options.directory,
      )),
      ...domainRelations(
        entity,
        productDomain({
          entity,
          systemDomain,
          contract: { domain: record.contractDomain },
        }),
      ),
    ]);
    for (const relation of relations) emit(processingResult.relation(relation));
    const processed = recordOnEntity(
      entity,
      taken ? { ...record, contractId: undefined } : record,
      status,
      errors,
    );
    this.options.directory.noteClaim?.(
      self,
      processed.metadata.annotations?.[PROCESSED_ANNOTATIONS.contractId],
    );
    return processed;
  }

  /**
   * The error for a contract whose id another product serves already, naming that product.
   * When two products both serve the id (they were first published at the same time), the
   * one whose entity ref sorts first keeps it.
   */
  private async contractIdTaken(
    self: string,
    record: ProductRecord,
    location: LocationSpec,
  ): Promise<ContractIssue | undefined> {
    if (!record.contractId) return undefined;
    const key = contractIdKey(record.contractId);
    const others = (
      await this.options.directory.productsWithContractId(key)
    ).filter(ref => ref !== self);
    if (others.length === 0) return undefined;
    const published = await this.options.directory.published(self);
    const servedHere =
      published?.metadata.annotations?.[PROCESSED_ANNOTATIONS.contractId] ===
      key;
    if (servedHere && others.every(other => self < other)) return undefined;
    const inline = record.contractSource === 'inline';
    return {
      severity: 'error',
      path: inline ? '/spec/dataProduct/contract/id' : '/id',
      rule: 'contract-id-taken',
      message: `contract id ${record.contractId} is already served by ${others[0]}; give this contract its own id`,
      file:
        inline || !record.contractSource
          ? location.target
          : record.contractSource,
    };
  }

  /**
   * The product's record: reused from the cache while the entity and its files are unchanged.
   * When only what governance depends on changed (the policies, the passing of time, the
   * domain of the product's System), the verdict is made again from the contract recorded at
   * the last reading, without reading the contract from its source again.
   */
  private async record(
    entity: Entity,
    location: LocationSpec,
    cache: CatalogProcessorCache,
    systemDomain: string | undefined,
  ): Promise<ProductRecord> {
    const key = jsonHash([
      RECORD_FORMAT,
      entity.metadata,
      entity.spec,
      location,
      this.options.accessSettings ?? null,
      // records made before contracts were kept for the backend are made again
      this.options.records ? 'records-1' : null,
    ]);
    const verdictKey = jsonHash([
      this.governance.version,
      this.governance.timeKey(),
      systemDomain ?? null,
    ]);
    const sources = new ProductFiles(this.options.reader, location);
    const cached = await cache.get<ProductRecord & Record<string, any>>(
      CACHE_KEY,
    );
    if (cached?.key === key && (await sources.unchanged(cached.sources))) {
      if (cached.verdictKey === verdictKey) return cached;
      const governed = await this.governAgain(entity, cached, systemDomain);
      if (governed) {
        const record = { ...cached, verdictKey, governance: governed };
        await cache.set(CACHE_KEY, JSON.parse(JSON.stringify(record)));
        return record;
      }
    }

    const reading = await timed('reading', () =>
      readProduct({
        entity,
        location,
        sources,
        resolveUrl: this.options.resolveUrl,
        parser: this.options.parser,
      }),
    );
    const verdict = await timed('governing', () =>
      this.verdictOf(entity, reading, systemDomain),
    );
    // What every catalog reader sees may only say what every signed-in user may discover.
    const openly = describeProductAccess({
      entity,
      contract: reading.contract,
      settings: this.options.accessSettings,
    }).discover.everyone;
    const problems = reading.issues.filter(issue => issue.severity === 'error');
    if (!openly && reading.contractSource === 'inline') {
      problems.push({
        severity: 'error',
        path: '/spec/dataProduct/contract',
        rule: 'inline-contract-not-discoverable',
        message:
          'this product is not discoverable by every user (its classification or access block), but an inline contract is shown to everyone who reads the catalog: move the contract to a file beside catalog-info.yaml and name it in the data-mesh/contract annotation',
        file: location.target,
      });
    }
    const record: ProductRecord = {
      key,
      verdictKey,
      sources: sources.used,
      contractSource: reading.contractSource,
      contractHash: reading.contractHash,
      contractId: reading.contract?.id,
      contractDomain:
        typeof reading.contract?.domain === 'string'
          ? reading.contract.domain
          : undefined,
      summary: openly ? reading.summary : undefined,
      openlyDiscoverable: openly,
      outputPorts: reading.outputPorts,
      inputPorts: reading.inputPorts,
      problems,
      governance: verdict,
    };
    await timed('recording', () =>
      this.options.records?.save({
        entityRef: productRef(entity),
        contractHash: reading.contractHash,
        format: reading.format ?? 'unknown',
        location: reading.shownLocation,
        contract: reading.contract,
        source: reading.text,
        issues: reading.issues,
        readAt: Date.now(),
      }),
    );
    await cache.set(CACHE_KEY, JSON.parse(JSON.stringify(record)));
    return record;
  }

  /** The verdict on a product's contract as read (none, when no contract was read). */
  private verdictOf(
    entity: Entity,
    reading: {
      contract?: OdcsContract;
      issues: ContractIssue[];
      contractSource?: string;
    },
    systemDomain: string | undefined,
  ): RecordedVerdict {
    if (!reading.contract) {
      return {
        ...governanceNotEvaluated.evaluate({ entity, contractIssues: [] }),
        summary: 'no contract to evaluate',
      };
    }
    return this.governance.evaluate({
      entity,
      contract: reading.contract,
      contractIssues: reading.issues,
      contractSource: reading.contractSource,
      systemDomain,
    });
  }

  /**
   * The verdict made again from the contract recorded when the record was made; undefined
   * when that contract is not at hand (no records, or a record of another reading), and the
   * contract must be read again.
   */
  private async governAgain(
    entity: Entity,
    cached: ProductRecord,
    systemDomain: string | undefined,
  ): Promise<RecordedVerdict | undefined> {
    if (!cached.contractHash) {
      return this.verdictOf(entity, { issues: [] }, systemDomain);
    }
    const [recorded] =
      (await this.options.records?.load([productRef(entity)])) ?? [];
    if (!recorded?.contract || recorded.contractHash !== cached.contractHash) {
      return undefined;
    }
    return timed('governing', () =>
      this.verdictOf(
        entity,
        {
          contract: recorded.contract,
          issues: recorded.issues,
          contractSource: cached.contractSource,
        },
        systemDomain,
      ),
    );
  }
}
