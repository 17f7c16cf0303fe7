import { createHash } from 'node:crypto';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  CatalogProcessor,
  CatalogProcessorCache,
  CatalogProcessorEmit,
  LocationSpec,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  isDataProductEntity,
  readDataProductSpec,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import { GovernanceCheck, governanceNotEvaluated } from './governance';
import type { ProductDirectory } from './productDirectory';
import {
  isValidVersion,
  problemMessages,
  ProductRecord,
  ProductStatus,
  recordOnEntity,
} from './productRecord';
import { domainRelations, lineageRelations } from './productRelations';
import { ProductSources } from './productSources';
import { readProduct } from './readProduct';
import type { ResolveUrl } from './sourceLocation';
import type { SourceReader } from './sourceReader';

const CACHE_KEY = 'product';

/** Options of {@link DataProductProcessor}. */
export interface DataProductProcessorOptions {
  reader: SourceReader;
  resolveUrl: ResolveUrl;
  directory: ProductDirectory;
  /** Defaults to {@link governanceNotEvaluated}. */
  governance?: GovernanceCheck;
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

    const record = await this.record(entity, location, cache);
    const { spec, issues: specIssues } = readDataProductSpec(entity);
    const problems = [
      ...specIssues.map(issue => ({ ...issue, file: location.target })),
      ...record.problems,
    ];
    // Contract errors already block; governance adds its blocking failures to a valid contract.
    const blocking = problems.length > 0 ? [] : record.governance.blocking;
    const errors = [...problems, ...blocking];
    let status: ProductStatus = 'valid';
    if (problems.length > 0) status = 'invalid';
    else if (blocking.length > 0) status = 'blocked';

    if (errors.length > 0) {
      const self = stringifyEntityRef(entity);
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

    const relations = [
      ...(await lineageRelations(
        entity,
        [...spec.inputPorts, ...record.inputPorts],
        this.options.directory,
      )),
      ...(await domainRelations(entity, this.options.directory)),
    ];
    for (const relation of relations) emit(processingResult.relation(relation));
    return recordOnEntity(entity, record, status, errors);
  }

  /**
   * The product's record: reused from the cache while the entity, its files and the policies
   * are unchanged, and no grace period has ended (nor, for policies that read the time, a day
   * passed) since it was made.
   */
  private async record(
    entity: Entity,
    location: LocationSpec,
    cache: CatalogProcessorCache,
  ): Promise<ProductRecord> {
    const key = createHash('sha256')
      .update(
        JSON.stringify([
          entity.metadata,
          entity.spec,
          location,
          this.governance.version,
          this.governance.timeKey(),
        ]),
      )
      .digest('hex');
    const sources = new ProductSources(this.options.reader);
    const cached = await cache.get<ProductRecord & Record<string, any>>(
      CACHE_KEY,
    );
    if (cached?.key === key && (await sources.unchanged(cached.sources))) {
      return cached;
    }

    const reading = await readProduct({
      entity,
      location,
      sources,
      resolveUrl: this.options.resolveUrl,
    });
    const verdict = reading.contract
      ? this.governance.evaluate({
          entity,
          contract: reading.contract,
          contractIssues: reading.issues,
          contractSource: reading.contractSource,
        })
      : {
          ...governanceNotEvaluated.evaluate({ entity, contractIssues: [] }),
          summary: 'no contract to evaluate',
        };
    const record: ProductRecord = {
      key,
      sources: sources.used,
      contractSource: reading.contractSource,
      contractHash: reading.contractHash,
      summary: reading.summary,
      outputPorts: reading.outputPorts,
      inputPorts: reading.inputPorts,
      problems: reading.issues.filter(issue => issue.severity === 'error'),
      governance: verdict,
    };
    await cache.set(CACHE_KEY, JSON.parse(JSON.stringify(record)));
    return record;
  }
}
