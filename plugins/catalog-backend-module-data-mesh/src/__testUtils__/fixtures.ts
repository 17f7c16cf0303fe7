import type { UrlReaderService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError, NotModifiedError } from '@backstage/errors';
import type {
  CatalogProcessorCache,
  CatalogProcessorResult,
} from '@backstage/plugin-catalog-node';
import type { JsonValue } from '@backstage/types';
import type { ProductDirectory } from '../processor/productDirectory';

/** A valid ODCS contract as YAML, with one personal-data field. */
export function odcsContract(
  id = 'urn:datacontract:sales:orders',
  version = '1.0.0',
): string {
  return `apiVersion: v3.1.0
kind: DataContract
id: ${id}
version: ${version}
status: active
name: Orders
servers:
  - server: warehouse
    type: postgres
    host: localhost
    port: 5432
    database: mesh
    schema: sales
schema:
  - name: orders
    description: One row per order.
    properties:
      - name: order_id
        logicalType: string
        description: Unique order identifier.
        primaryKey: true
      - name: customer_email
        logicalType: string
        description: Customer e-mail address.
        tags: [pii]
`;
}

/** The same contract with an error on line 19: a logical type that does not exist. */
export function invalidOdcsContract(): string {
  return odcsContract().replace(
    'logicalType: string\n        description: Unique',
    'logicalType: text\n        description: Unique',
  );
}

export function dataProduct(
  overrides: {
    name?: string;
    annotations?: Record<string, string>;
    dataProduct?: Record<string, unknown>;
  } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: overrides.name ?? 'sales-orders',
      namespace: 'default',
      annotations: overrides.annotations ?? {
        'data-mesh/contract': './contract.odcs.yaml',
      },
    },
    spec: {
      type: 'data-product',
      lifecycle: 'production',
      owner: 'group:sales-analytics',
      system: 'sales-data',
      dataProduct: { kind: 'source-aligned', ...overrides.dataProduct },
    },
  };
}

/**
 * The catalog's per-entity processor cache, with its rule: what a run sets is what the next
 * run gets; a run that sets nothing leaves the previous values.
 */
export class RunCache implements CatalogProcessorCache {
  private previous: Record<string, JsonValue> = {};
  private current: Record<string, JsonValue> | undefined;

  async get<T extends JsonValue>(key: string): Promise<T | undefined> {
    return this.previous[key] as T | undefined;
  }
  async set<T extends JsonValue>(key: string, value: T): Promise<void> {
    this.current = { ...this.current, [key]: value };
  }
  /** Ends a run, as the catalog does after processing. */
  endRun() {
    if (this.current) this.previous = this.current;
    this.current = undefined;
  }
}

/** Collects what a processor emits. */
export function collector() {
  const results: CatalogProcessorResult[] = [];
  return {
    emit: (result: CatalogProcessorResult) => results.push(result),
    results,
    errors: () =>
      results.flatMap(r => (r.type === 'error' ? [r.error.message] : [])),
    relations: () =>
      results.flatMap(r =>
        r.type === 'relation'
          ? [
              `${stringifyEntityRef(r.relation.source)} ${
                r.relation.type
              } ${stringifyEntityRef(r.relation.target)}`,
            ]
          : [],
      ),
  };
}

/** A catalog's answers for the processor, over a list of entities (`add` publishes one more). */
export class ListedDirectory implements ProductDirectory {
  constructor(private readonly entities: Entity[] = []) {}

  /** Publishes an entity, replacing the one with the same ref. */
  add(entity: Entity) {
    const ref = stringifyEntityRef(entity);
    const index = this.entities.findIndex(e => stringifyEntityRef(e) === ref);
    if (index >= 0) this.entities.splice(index, 1, entity);
    else this.entities.push(entity);
  }

  async productsServing(contractId: string) {
    return this.entities
      .filter(e =>
        ((e.spec?.dataProduct as any)?.outputPorts ?? []).some(
          (p: any) => p.contractId === contractId,
        ),
      )
      .map(e => stringifyEntityRef(e));
  }
  async productsWithContractId(key: string) {
    return this.entities
      .filter(e => e.metadata.annotations?.['data-mesh/contract-id'] === key)
      .map(e => stringifyEntityRef(e))
      .sort();
  }
  async domainOf(systemRef: string) {
    const system = this.entities.find(e => stringifyEntityRef(e) === systemRef);
    return system?.spec?.domain
      ? `domain:default/${system.spec.domain}`
      : undefined;
  }
  async published(entityRef: string) {
    return this.entities.find(e => stringifyEntityRef(e) === entityRef);
  }
}

/** A URL reader over a map of URL → text, answering ETags the way real readers do. */
export class ServedUrls implements UrlReaderService {
  reads = 0;
  private readonly files = new Map<string, { text: string; etag: string }>();

  serve(url: string, text: string) {
    const previous = this.files.get(url);
    this.files.set(url, {
      text,
      etag: `"v${Number(previous?.etag.slice(2, -1) ?? 0) + 1}"`,
    });
  }

  async readUrl(url: string, options?: { etag?: string }) {
    this.reads += 1;
    const file = this.files.get(url);
    if (!file) throw new NotFoundError(`${url} not found`);
    if (options?.etag === file.etag) throw new NotModifiedError();
    return { buffer: async () => Buffer.from(file.text), etag: file.etag };
  }
  async readTree(): Promise<never> {
    throw new Error('not served');
  }
  async search(): Promise<never> {
    throw new Error('not served');
  }
}
