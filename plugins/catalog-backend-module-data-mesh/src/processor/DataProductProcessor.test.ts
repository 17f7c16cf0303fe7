import { promises as fs } from 'node:fs';
import { createMockDirectory } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { LocationSpec } from '@backstage/plugin-catalog-node';
import {
  collector,
  dataProduct,
  invalidOdcsContract,
  ListedDirectory,
  odcsContract,
  RunCache,
  ServedUrls,
} from '../__testUtils__/fixtures';
import { DataProductProcessor } from './DataProductProcessor';
import {
  DEFAULT_ACCESS_SETTINGS,
  layerPolicyFiles,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import { GovernanceCheck, policyGovernance } from './governance';
import { SourceReader } from '@backstage-data-mesh/plugin-data-mesh-node';
import type { RecordedProductContract } from '@backstage-data-mesh/plugin-data-mesh-client';
import type { ContractRecords } from '../contracts/ContractRecords';

const directory = createMockDirectory();

function processorWith(
  options: {
    urls?: ServedUrls;
    catalog?: Entity[];
    /** The catalog, when a test publishes into it between runs. */
    products?: ListedDirectory;
    governance?: GovernanceCheck;
  } = {},
) {
  return new DataProductProcessor({
    reader: new SourceReader(options.urls ?? new ServedUrls()),
    resolveUrl: ({ url, base }) => new URL(url, base).toString(),
    directory: options.products ?? new ListedDirectory(options.catalog),
    governance: options.governance,
  });
}

async function run(
  processor: DataProductProcessor,
  entity: Entity,
  location: LocationSpec,
  cache = new RunCache(),
) {
  const output = collector();
  const result = await processor.postProcessEntity(
    entity,
    location,
    output.emit,
    cache,
  );
  cache.endRun();
  return { entity: result as any, ...output };
}

const fileLocation = (): LocationSpec => ({
  type: 'file',
  target: directory.resolve('sales-orders/catalog-info.yaml'),
});

/** A governance check that counts its evaluations and blocks when told to. */
function countingGovernance(block = false) {
  const check = {
    evaluations: 0,
    version: 'test',
    timeKey: () => '',
    evaluate() {
      check.evaluations += 1;
      return block
        ? {
            verdict: 'block' as const,
            summary: '0 passed; blocks: pii-encryption',
            blocking: [
              {
                severity: 'error' as const,
                path: '',
                rule: 'policy:pii-encryption',
                message:
                  'governance policy "pii-encryption" blocks this product: encrypt orders.customer_email',
              },
            ],
          }
        : { verdict: 'pass' as const, summary: '3 passed', blocking: [] };
    },
  };
  return check;
}

beforeEach(() => {
  directory.setContent({
    'sales-orders': { 'contract.odcs.yaml': odcsContract() },
  });
});

describe('DataProductProcessor', () => {
  it('leaves entities that are not data products alone', async () => {
    const service: Entity = {
      ...dataProduct(),
      spec: { type: 'service', owner: 'x' },
    };
    const { entity, results } = await run(
      processorWith(),
      service,
      fileLocation(),
    );
    expect(entity).toBe(service);
    expect(results).toEqual([]);
  });

  it('records the contract of a file beside the catalog file: summary, ports, source, hash and verdict', async () => {
    const { entity, errors } = await run(
      processorWith({ governance: countingGovernance() }),
      dataProduct(),
      fileLocation(),
    );
    expect(errors()).toEqual([]);
    expect(entity.metadata.annotations).toMatchObject({
      'data-mesh/contract-source': `file:${directory.resolve(
        'sales-orders/contract.odcs.yaml',
      )}`,
      'data-mesh/contract-status': 'valid',
      'data-mesh/contract-hash': expect.stringMatching(/^[0-9a-f]{32}$/),
      'data-mesh/governance': 'pass',
      'data-mesh/governance-summary': '3 passed',
    });
    expect(entity.spec.dataProduct.contractSummary).toMatchObject({
      id: 'urn:datacontract:sales:orders',
      format: 'odcs',
      fieldCount: 2,
      personalData: true,
    });
    // The outline names the objects; their fields are counted, not listed, so the entity's
    // size does not grow with the contract's width.
    expect(
      entity.spec.dataProduct.contractSummary.objects.map(
        (o: { name: string; fields?: unknown }) => [o.name, o.fields],
      ),
    ).toEqual([['orders', undefined]]);
    expect(entity.spec.dataProduct.outputPorts).toEqual([
      {
        name: 'warehouse',
        type: 'postgres',
        contractId: 'urn:datacontract:sales:orders',
        version: '1.0.0',
      },
    ]);
    expect(entity.spec.dataProduct.contract).toBeUndefined();
  });

  it('keeps the contract outline off the entity of a product not every user may discover', async () => {
    const restricted = dataProduct({
      annotations: {
        'data-mesh/contract': './contract.odcs.yaml',
        'data-mesh/classification': 'restricted',
      },
    });
    const { entity, errors } = await run(
      processorWith(),
      restricted,
      fileLocation(),
    );
    expect(errors()).toEqual([]);
    expect(entity.spec.dataProduct.contractSummary).toBeUndefined();
    expect(entity.metadata.annotations['data-mesh/contract-status']).toBe(
      'valid',
    );
    // A platform that lets everyone discover restricted products shows the summary again.
    const open = new DataProductProcessor({
      reader: new SourceReader(new ServedUrls()),
      resolveUrl: ({ url, base }) => new URL(url, base).toString(),
      directory: new ListedDirectory(),
      accessSettings: {
        ...DEFAULT_ACCESS_SETTINGS,
        levels: {
          ...DEFAULT_ACCESS_SETTINGS.levels,
          restricted: { discover: 'everyone', read: 'owners' },
        },
      },
    });
    const shown = await run(open, restricted, fileLocation());
    expect(shown.entity.spec.dataProduct.contractSummary).toMatchObject({
      fieldCount: 2,
    });
  });

  it('refuses an inline contract of a product not every user may discover, and keeps it out of the catalog', async () => {
    const entity = dataProduct({
      annotations: { 'data-mesh/classification': 'secret' },
      dataProduct: {
        contract: {
          apiVersion: 'v3.1.0',
          kind: 'DataContract',
          id: 'inline-secret',
          version: '1.0.0',
          status: 'active',
          schema: [{ name: 't', properties: [{ name: 'iban' }] }],
        },
      },
    });
    const { entity: out } = await run(processorWith(), entity, fileLocation());
    expect(out.spec.dataProduct.contract).toBeUndefined();
    expect(out.spec.dataProduct.contractSummary).toBeUndefined();
    expect(JSON.stringify(out.spec)).not.toContain('iban');
    expect(out.metadata.annotations['data-mesh/contract-status']).toBe(
      'invalid',
    );
    expect(out.status.items[0].error.message).toContain(
      'move the contract to a file beside catalog-info.yaml',
    );
  });

  it('says when governance was not evaluated', async () => {
    const { entity } = await run(
      processorWith(),
      dataProduct(),
      fileLocation(),
    );
    expect(entity.metadata.annotations['data-mesh/governance']).toBe(
      'not-evaluated',
    );
  });

  it('emits lineage both ways, for named products and for contract ids the catalog resolves, and the domain', async () => {
    const upstream = dataProduct({ name: 'customer-interactions' });
    (upstream.spec as any).dataProduct.outputPorts = [
      { name: 'crm', contractId: 'urn:interactions' },
    ];
    const system: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: { name: 'sales-data', namespace: 'default' },
      spec: { domain: 'sales' },
    };
    const revenue = dataProduct({
      name: 'revenue-metrics',
      dataProduct: {
        inputPorts: [
          { name: 'orders', product: 'sales-orders' },
          { name: 'interactions', contractId: 'urn:interactions' },
          { name: 'unknown', contractId: 'urn:nobody-serves-this' },
          { name: 'fx', type: 'http-api', location: 'https://fx.example.com' },
        ],
      },
    });
    const { relations } = await run(
      processorWith({ catalog: [upstream, system] }),
      revenue,
      fileLocation(),
    );
    expect(relations().sort()).toEqual([
      'component:default/customer-interactions providesDataTo component:default/revenue-metrics',
      'component:default/revenue-metrics consumesDataFrom component:default/customer-interactions',
      'component:default/revenue-metrics consumesDataFrom component:default/sales-orders',
      'component:default/revenue-metrics partOf domain:default/sales',
      'component:default/sales-orders providesDataTo component:default/revenue-metrics',
      'domain:default/sales hasPart component:default/revenue-metrics',
    ]);
  });

  describe('an invalid contract', () => {
    beforeEach(() => {
      directory.setContent({
        'sales-orders': { 'contract.odcs.yaml': invalidOdcsContract() },
      });
    });

    it('is a processing error naming file, line and path when the catalog holds a valid version, which it keeps', async () => {
      const published = {
        ...dataProduct(),
        metadata: {
          ...dataProduct().metadata,
          annotations: { 'data-mesh/contract-status': 'valid' },
        },
      };
      const { errors, relations } = await run(
        processorWith({ catalog: [published] }),
        dataProduct(),
        fileLocation(),
      );
      // Named as beside the catalog file: no path of the host it was read on.
      expect(errors()).toEqual([
        expect.stringMatching(/^\.\/contract\.odcs\.yaml:19:22 error \[enum\]/),
      ]);
      expect(errors()[0]).toContain('(at /schema/0/properties/0/logicalType)');
      expect(relations()).toEqual([]);
    });

    it('publishes the product marked invalid, with the errors on its page, when no valid version exists', async () => {
      const { entity, errors } = await run(
        processorWith(),
        dataProduct(),
        fileLocation(),
      );
      expect(errors()).toEqual([]);
      expect(entity.metadata.annotations['data-mesh/contract-status']).toBe(
        'invalid',
      );
      expect(entity.status.items).toEqual([
        expect.objectContaining({
          type: 'backstage.io/catalog-processing',
          level: 'error',
          error: {
            name: 'InputError',
            message: expect.stringContaining(
              'contract.odcs.yaml:19:22 error [enum]',
            ),
          },
        }),
      ]);
      expect(entity.spec.dataProduct.contractSummary.id).toBe(
        'urn:datacontract:sales:orders',
      );
    });

    it('stays an error while a product published as invalid is still invalid (no valid version to keep)', async () => {
      const first = await run(processorWith(), dataProduct(), fileLocation());
      const again = await run(
        processorWith({ catalog: [first.entity] }),
        dataProduct(),
        fileLocation(),
      );
      expect(again.errors()).toEqual([]);
      expect(again.entity.status.items).toHaveLength(1);
    });
  });

  it('reports a missing contract file', async () => {
    const entity = dataProduct({
      annotations: { 'data-mesh/contract': './nope.yaml' },
    });
    const { entity: out } = await run(processorWith(), entity, fileLocation());
    expect(out.status.items[0].error.message).toMatch(
      /nope\.yaml does not exist: create it, or fix the reference that names it/,
    );
  });

  it("refuses a contract path that leaves the catalog file's directory", async () => {
    directory.addContent({ 'secret.yaml': odcsContract() });
    for (const reference of [
      '../secret.yaml',
      directory.resolve('secret.yaml'),
    ]) {
      const entity = dataProduct({
        annotations: { 'data-mesh/contract': reference },
      });
      const { entity: out } = await run(
        processorWith(),
        entity,
        fileLocation(),
      );
      expect(out.status.items[0].error.message).toContain(
        'points outside the directory of',
      );
      expect(out.status.items[0].error.message).toContain(
        '(at /metadata/annotations/data-mesh~1contract)',
      );
    }
  });

  it('refuses a symbolic link beside the catalog file that leads outside its directory', async () => {
    directory.addContent({ 'secret.yaml': odcsContract() });
    await fs.symlink(
      directory.resolve('secret.yaml'),
      directory.resolve('sales-orders/linked.odcs.yaml'),
    );
    const { entity: out } = await run(
      processorWith(),
      dataProduct({
        annotations: { 'data-mesh/contract': './linked.odcs.yaml' },
      }),
      fileLocation(),
    );
    expect(out.metadata.annotations['data-mesh/contract-status']).toBe(
      'invalid',
    );
    expect(out.status.items[0].error.message).toContain(
      './linked.odcs.yaml is a symbolic link (or lies in a linked directory) that leads outside the directory of the catalog file',
    );
    expect(out.spec.dataProduct.contractSummary).toBeUndefined();
  });

  it('removes the annotations the processor owns when an author wrote them, and records only what it read', async () => {
    const forged = {
      'data-mesh/contract-source': 'file:/etc/passwd',
      'data-mesh/contract-hash': 'forged',
      'data-mesh/contract-id': 'urn:someone-else',
      'data-mesh/contract-status': 'valid',
    };
    for (const contract of [
      '../../../etc/passwd',
      '/etc/passwd',
      'file:///etc/passwd',
      './nope.yaml',
    ]) {
      const { entity: out } = await run(
        processorWith(),
        dataProduct({
          annotations: { ...forged, 'data-mesh/contract': contract },
        }),
        fileLocation(),
      );
      const annotations = out.metadata.annotations;
      expect(annotations['data-mesh/contract-source']).toBeUndefined();
      expect(annotations['data-mesh/contract-hash']).toBeUndefined();
      expect(annotations['data-mesh/contract-id']).toBeUndefined();
      expect(annotations['data-mesh/contract-status']).toBe('invalid');
    }
    const { entity: read } = await run(
      processorWith(),
      dataProduct({
        annotations: {
          ...forged,
          'data-mesh/contract': './contract.odcs.yaml',
        },
      }),
      fileLocation(),
    );
    expect(read.metadata.annotations).toMatchObject({
      'data-mesh/contract-source': `file:${directory.resolve(
        'sales-orders/contract.odcs.yaml',
      )}`,
      'data-mesh/contract-id': 'urn:datacontract:sales:orders',
      'data-mesh/contract-status': 'valid',
    });
    expect(read.metadata.annotations['data-mesh/contract-hash']).not.toBe(
      'forged',
    );
  });

  describe('a contract id another product serves', () => {
    const ID = 'urn:datacontract:sales:orders';

    it('is refused for the product processed later, naming the first; the first keeps its id', async () => {
      const catalog = new ListedDirectory();
      const processor = processorWith({ products: catalog });
      const first = await run(
        processor,
        dataProduct({ name: 'a' }),
        fileLocation(),
      );
      expect(first.entity.metadata.annotations['data-mesh/contract-id']).toBe(
        ID,
      );
      catalog.add(first.entity);

      const later = await run(
        processor,
        dataProduct({ name: 'b' }),
        fileLocation(),
      );
      expect(
        later.entity.metadata.annotations['data-mesh/contract-status'],
      ).toBe('invalid');
      expect(
        later.entity.metadata.annotations['data-mesh/contract-id'],
      ).toBeUndefined();
      expect(later.entity.status.items).toEqual([
        expect.objectContaining({
          error: {
            name: 'InputError',
            message: expect.stringContaining(
              `[contract-id-taken] contract id ${ID} is already served by component:default/a; give this contract its own id (at /id)`,
            ),
          },
        }),
      ]);
      catalog.add(later.entity);

      const again = await run(
        processor,
        dataProduct({ name: 'a' }),
        fileLocation(),
      );
      expect(again.errors()).toEqual([]);
      expect(again.entity.metadata.annotations).toMatchObject({
        'data-mesh/contract-status': 'valid',
        'data-mesh/contract-id': ID,
      });
    });

    it("keeps the valid version of a product that takes another product's id, with the error on it", async () => {
      const a = {
        ...dataProduct({ name: 'a' }),
        metadata: {
          ...dataProduct({ name: 'a' }).metadata,
          annotations: { 'data-mesh/contract-id': ID },
        },
      };
      const b = {
        ...dataProduct({ name: 'b' }),
        metadata: {
          ...dataProduct({ name: 'b' }).metadata,
          annotations: {
            'data-mesh/contract-id': 'urn:datacontract:sales:orders-b',
            'data-mesh/contract-status': 'valid',
          },
        },
      };
      const { errors } = await run(
        processorWith({ catalog: [a, b] }),
        dataProduct({ name: 'b' }),
        fileLocation(),
      );
      expect(errors()).toEqual([
        expect.stringContaining(
          `contract id ${ID} is already served by component:default/a`,
        ),
      ]);
    });

    it('stays with one of two products published with it at the same time: the first by entity ref', async () => {
      const claimed = (name: string) => ({
        ...dataProduct({ name }),
        metadata: {
          ...dataProduct({ name }).metadata,
          annotations: {
            'data-mesh/contract-id': ID,
            'data-mesh/contract-status': 'valid',
          },
        },
      });
      const catalog = [claimed('a'), claimed('b')];
      const a = await run(
        processorWith({ catalog }),
        dataProduct({ name: 'a' }),
        fileLocation(),
      );
      expect(a.errors()).toEqual([]);
      const b = await run(
        processorWith({ catalog }),
        dataProduct({ name: 'b' }),
        fileLocation(),
      );
      expect(b.errors()).toEqual([
        expect.stringContaining('is already served by component:default/a'),
      ]);
    });
  });

  it('reads contracts of url locations through the URL reader, then revalidates by ETag', async () => {
    const urls = new ServedUrls();
    urls.serve(
      'https://git.example.com/mesh/sales/contract.odcs.yaml',
      odcsContract(),
    );
    const governance = countingGovernance();
    const processor = processorWith({ urls, governance });
    const location: LocationSpec = {
      type: 'url',
      target: 'https://git.example.com/mesh/sales/catalog-info.yaml',
    };
    const cache = new RunCache();

    const first = await run(processor, dataProduct(), location, cache);
    expect(first.entity.metadata.annotations['data-mesh/contract-source']).toBe(
      'url:https://git.example.com/mesh/sales/contract.odcs.yaml',
    );
    const second = await run(processor, dataProduct(), location, cache);
    expect(second.entity.spec.dataProduct.contractSummary).toEqual(
      first.entity.spec.dataProduct.contractSummary,
    );
    expect(governance.evaluations).toBe(1); // the second run reused the record: 304 Not Modified

    urls.serve(
      'https://git.example.com/mesh/sales/contract.odcs.yaml',
      odcsContract('urn:datacontract:sales:orders', '1.1.0'),
    );
    const third = await run(processor, dataProduct(), location, cache);
    expect(third.entity.spec.dataProduct.contractSummary.version).toBe('1.1.0');
    expect(governance.evaluations).toBe(2);
    expect(urls.reads).toBe(3); // read, 304, read (the changed text is read once, not again)
  });

  describe("when only the System's domain changes", () => {
    const contractUrl = 'https://git.example.com/mesh/sales/contract.odcs.yaml';
    const location: LocationSpec = {
      type: 'url',
      target: 'https://git.example.com/mesh/sales/catalog-info.yaml',
    };
    const system = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: { name: 'sales-data', namespace: 'default' },
      spec: { owner: 'group:default/sales', domain: 'sales' },
    };

    /** Processes the product, then again once its System (and so its domain) is in the catalog. */
    async function twice(records?: ContractRecords) {
      const urls = new ServedUrls();
      urls.serve(contractUrl, odcsContract());
      const products = new ListedDirectory();
      const domains: Array<string | undefined> = [];
      const governance = countingGovernance();
      const processor = new DataProductProcessor({
        reader: new SourceReader(urls),
        resolveUrl: ({ url, base }) => new URL(url, base).toString(),
        directory: products,
        records,
        governance: {
          ...governance,
          evaluate: input => {
            domains.push(input.systemDomain);
            return governance.evaluate();
          },
        },
      });
      const cache = new RunCache();
      await run(processor, dataProduct(), location, cache);
      products.add(system);
      const { entity } = await run(processor, dataProduct(), location, cache);
      return { urls, domains, entity };
    }

    it('makes the verdict again from the recorded contract, without reading the contract again', async () => {
      const saved: RecordedProductContract[] = [];
      const records: ContractRecords = {
        async save(record) {
          saved.push(record);
        },
        async load(refs) {
          return saved.filter(r => refs.includes(r.entityRef));
        },
      };
      const { urls, domains, entity } = await twice(records);
      expect(domains).toEqual([undefined, 'domain:default/sales']);
      expect(urls.reads).toBe(2); // read, then 304 Not Modified
      expect(saved).toHaveLength(1);
      expect(entity.spec.dataProduct.contractSummary.version).toBe('1.0.0');
    });

    it('reads the contract again when no record of it is kept', async () => {
      const { urls, domains } = await twice();
      expect(domains).toEqual([undefined, 'domain:default/sales']);
      expect(urls.reads).toBe(3); // read, 304 Not Modified, read
    });
  });

  it('reuses the record of an unchanged file, and reads it again once it changes', async () => {
    const governance = countingGovernance();
    const processor = processorWith({ governance });
    const cache = new RunCache();
    await run(processor, dataProduct(), fileLocation(), cache);
    await run(processor, dataProduct(), fileLocation(), cache);
    expect(governance.evaluations).toBe(1);
    directory.setContent({
      'sales-orders': {
        'contract.odcs.yaml': odcsContract(
          'urn:datacontract:sales:orders',
          '2.0.0',
        ),
      },
    });
    const { entity } = await run(
      processor,
      dataProduct(),
      fileLocation(),
      cache,
    );
    expect(entity.spec.dataProduct.contractSummary.version).toBe('2.0.0');
    expect(governance.evaluations).toBe(2);
  });

  it('evaluates a cached product again when a grace period ends, though nothing else changed', async () => {
    const { layers } = layerPolicyFiles(
      [
        {
          fileName: 'platform.yaml',
          text: `apiVersion: data-mesh/v1
kind: PolicySet
metadata: { name: platform }
policies:
  - id: wide-tables
    description: Every product describes at least five fields.
    severity: error
    mode: grace
    graceUntil: "2026-07-01"
    condition: size(fields) >= 5
`,
        },
      ],
      { builtIn: false },
    );
    let now = new Date('2026-06-01T00:00:00Z');
    const policies = policyGovernance(layers!, {
      version: 'v1',
      now: () => now,
    });
    let evaluations = 0;
    const governance: GovernanceCheck = {
      ...policies,
      evaluate: input => {
        evaluations += 1;
        return policies.evaluate(input);
      },
    };
    const processor = processorWith({ governance });
    const cache = new RunCache();
    const verdict = async () =>
      (await run(processor, dataProduct(), fileLocation(), cache)).entity
        .metadata.annotations['data-mesh/governance'];

    expect(await verdict()).toBe('warn');
    now = new Date('2026-06-30T23:59:59Z');
    expect(await verdict()).toBe('warn');
    expect(evaluations).toBe(1); // reused: the grace period still runs
    now = new Date('2026-07-01T00:00:00Z');
    expect(await verdict()).toBe('block');
    expect(evaluations).toBe(2);
  });

  it('reads an ODPS product: its ports, the contract its output port names, and lineage by contract id', async () => {
    directory.setContent({
      'sales-orders': {
        'product.odps.yaml': `apiVersion: v1.0.0
kind: DataProduct
id: urn:dataproduct:orders
status: active
inputPorts:
  - { name: events, version: 1.0.0, contractId: urn:events }
outputPorts:
  - name: orders-table
    version: 1.0.0
    type: tables
    contractId: urn:datacontract:sales:orders
    customProperties:
      - { property: contractLocation, value: ./contracts/orders.odcs.yaml }
  - { name: orders-api, version: 1.0.0, type: rest-api }
`,
        contracts: { 'orders.odcs.yaml': odcsContract() },
      },
    });
    const events = dataProduct({ name: 'product-events' });
    (events.spec as any).dataProduct.outputPorts = [
      { name: 'stream', contractId: 'urn:events' },
    ];
    const entity = dataProduct({
      annotations: { 'data-mesh/odps': './product.odps.yaml' },
    });
    const {
      entity: out,
      relations,
      errors,
    } = await run(processorWith({ catalog: [events] }), entity, fileLocation());
    expect(errors()).toEqual([]);
    expect(out.metadata.annotations['data-mesh/contract-status']).toBe('valid');
    expect(out.metadata.annotations['data-mesh/contract-source']).toBe(
      `file:${directory.resolve('sales-orders/contracts/orders.odcs.yaml')}`,
    );
    expect(out.spec.dataProduct.outputPorts).toEqual([
      {
        name: 'orders-table',
        contractId: 'urn:datacontract:sales:orders',
        version: '1.0.0',
        type: 'tables',
      },
      { name: 'orders-api', version: '1.0.0', type: 'rest-api' },
    ]);
    expect(out.spec.dataProduct.inputPorts).toEqual([
      { name: 'events', contractId: 'urn:events' },
    ]);
    expect(relations()).toContain(
      'component:default/sales-orders consumesDataFrom component:default/product-events',
    );
  });

  it('refuses an ODPS output port whose contract file holds another contract id', async () => {
    directory.setContent({
      'sales-orders': {
        'product.odps.yaml': `apiVersion: v1.0.0
kind: DataProduct
id: p
status: active
outputPorts:
  - name: t
    version: 1.0.0
    contractId: urn:expected
    customProperties: [{ property: contractLocation, value: ./c.yaml }]
`,
        'c.yaml': odcsContract('urn:actual'),
      },
    });
    const entity = dataProduct({
      annotations: { 'data-mesh/odps': './product.odps.yaml' },
    });
    const { entity: out } = await run(processorWith(), entity, fileLocation());
    expect(out.status.items[0].error.message).toContain(
      'promises contract "urn:expected", but',
    );
  });

  it('reads a contract written inline, with errors pointing into the entity', async () => {
    const entity = dataProduct({
      annotations: {},
      dataProduct: {
        contract: {
          apiVersion: 'v3.1.0',
          kind: 'DataContract',
          id: 'inline',
          version: '1.0.0',
          status: 'active',
          schema: [
            { name: 't', properties: [{ name: 'a', logicalType: 'text' }] },
          ],
        },
      },
    });
    const { entity: out } = await run(processorWith(), entity, fileLocation());
    expect(out.metadata.annotations['data-mesh/contract-source']).toBe(
      'inline',
    );
    expect(out.status.items[0].error.message).toContain(
      '(at /spec/dataProduct/contract/schema/0/properties/0/logicalType)',
    );
  });

  it('asks for a contract when the product names none', async () => {
    const { entity: out } = await run(
      processorWith(),
      dataProduct({ annotations: {} }),
      fileLocation(),
    );
    expect(out.status.items[0].error.message).toContain(
      'a data product needs a contract',
    );
  });

  it('makes a blocking governance verdict a processing error, and records it', async () => {
    const published = dataProduct();
    const blocked = await run(
      processorWith({
        catalog: [published],
        governance: countingGovernance(true),
      }),
      dataProduct(),
      fileLocation(),
    );
    expect(blocked.errors()).toEqual([
      expect.stringContaining(
        'governance policy "pii-encryption" blocks this product',
      ),
    ]);
    const first = await run(
      processorWith({ governance: countingGovernance(true) }),
      dataProduct(),
      fileLocation(),
    );
    expect(first.entity.metadata.annotations['data-mesh/governance']).toBe(
      'block',
    );
  });

  it('reports a malformed spec.dataProduct at its path', async () => {
    const entity = dataProduct({ dataProduct: { kind: 'warehouse' } });
    const { entity: out } = await run(processorWith(), entity, fileLocation());
    expect(out.status.items[0].error.message).toContain(
      '(at /spec/dataProduct/kind)',
    );
  });
});
