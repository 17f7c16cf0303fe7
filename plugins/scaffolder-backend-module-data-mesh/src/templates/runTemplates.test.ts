import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  draftDataProduct,
  layerPolicyFiles,
  readContract,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { inProcessGovernance } from '../__testUtils__/inProcessGovernance';
import { ContractsOf, meshEntities } from '../__testUtils__/mesh';
import { createDataMeshActions } from '../actions';
import { git } from '../publish/git';
import {
  builtInActions,
  defaultsOf,
  runTemplate,
  templateFiles,
  TEMPLATES_DIR,
} from '../__testUtils__/runTemplate';

/** What a domain team types into a creation template; the rest are the form's defaults. */
const typed = {
  name: 'web-orders',
  title: 'Web orders',
  description: 'Every order placed in the web shop, one row per order.',
  usage: 'The weekly web-shop report of the sales team.',
  domain: 'domain:default/sales',
  system: 'system:default/sales-data',
  owner: 'group:default/sales-analytics',
  classification: 'confidential',
  contact: 'sales-data@example.com',
  auditLogging: true,
  fields: [
    {
      name: 'order_id',
      type: 'string',
      description: 'Order identifier.',
      primaryKey: true,
    },
    {
      name: 'customer_email',
      type: 'string',
      description: 'E-mail given at checkout.',
      pii: true,
      piiCategory: 'contact',
      encrypted: true,
    },
    {
      name: 'total_amount',
      type: 'number',
      description: 'Order total with tax.',
      required: true,
    },
    {
      name: 'ordered_at',
      type: 'timestamp',
      description: 'When the order was placed.',
      required: true,
    },
  ],
  governance: 'pass',
};

/** The example portal's policies (app-config.yaml, dataMesh.governance.policyFiles). */
const examplePolicies: { fileName: string; text: string }[] = [];

describe("running the templates (governed by the example portal's policies)", () => {
  beforeAll(async () => {
    const folder = path.resolve(TEMPLATES_DIR, '../examples/policies');
    for (const file of (await fs.readdir(folder)).sort()) {
      examplePolicies.push({
        fileName: file,
        text: await fs.readFile(path.join(folder, file), 'utf8'),
      });
    }
  });

  it('governs with the example policies, which include the sales domain rules', () => {
    const { layers, issues } = layerPolicyFiles(examplePolicies);
    expect(issues).toEqual([]);
    expect(layers!.policiesFor('sales').map(p => p.source)).toContain('sales');
  });

  const dir = createMockDirectory();
  const publishDir = () => dir.resolve('published');

  /**
   * The actions, over a catalog that holds a compliant sales-orders product (read by
   * revenue-metrics, itself read by customer-360) and, already, the product the run
   * registers: a real catalog reads the published file (the end-to-end test shows it).
   */
  function actions(registered = 'web-orders') {
    const salesOrdersForm = {
      ...typed,
      name: 'sales-orders',
      title: 'Sales orders',
      version: '1.4.0',
      slos: {
        freshness: '1h',
        completeness: 99.5,
        accuracy: 99.9,
        retention: '7y',
      },
    };
    const { entity, contract } = draftDataProduct(salesOrdersForm);
    const salesOrders = {
      ...entity,
      metadata: { ...entity.metadata, namespace: 'default' },
      relations: [
        { type: 'ownedBy', targetRef: 'group:default/sales-analytics' },
      ],
    };
    const [, revenue, customer360] = meshEntities().map(e =>
      JSON.parse(
        JSON.stringify(e).replace(
          /component:default\/web-orders/g,
          'component:default/sales-orders',
        ),
      ),
    );
    const entities = [
      salesOrders,
      revenue,
      customer360,
      {
        ...revenue,
        metadata: { name: registered, namespace: 'default' },
        relations: [],
      },
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Location',
        metadata: {
          name: 'data-mesh-published-products',
          namespace: 'default',
        },
        spec: {},
      },
    ];
    return [
      ...createDataMeshActions({
        evaluator: inProcessGovernance(examplePolicies),
        contracts: new ContractsOf({
          'component:default/sales-orders': contract,
        }),
        catalog: catalogServiceMock({ entities: entities as any }),
        // the person running the templates is in the group that owns sales-orders
        userInfo: mockServices.userInfo({
          ownershipEntityRefs: [
            'user:default/mock',
            'group:default/sales-analytics',
          ],
        }),
        publish: {
          publishDir: publishDir(),
          defaultAuthor: { name: 'Portal', email: 'portal@example.com' },
        },
      }),
      ...builtInActions(),
    ];
  }

  async function template(name: string) {
    return (await templateFiles()).find(t => path.basename(t.file) === name)!;
  }

  function formOf(t: { template: any }, values: object) {
    const defaults = Object.assign(
      {},
      ...t.template.spec.parameters.map((page: any) => defaultsOf(page)),
    );
    return { ...defaults, ...values };
  }

  const read = (file: string) =>
    fs.readFile(dir.resolve('workspace', file), 'utf8');

  beforeEach(() => dir.setContent({ workspace: {} }));

  it('source-aligned: writes the skeleton, publishes it and registers it', async () => {
    const t = await template('source-aligned-data-product.yaml');
    const parameters = formOf(t, {
      ...typed,
      inputPorts: [
        { name: 'orders-events', type: 'kafka-topic', location: 'orders.v1' },
      ],
    });
    const run = await runTemplate(
      t,
      parameters,
      actions(),
      dir.resolve('workspace'),
    );
    expect(run.error).toBeUndefined();

    const contract = readContract(await read('contract.odcs.yaml'));
    expect(contract.valid).toBe(true);
    expect(contract.contract?.slaProperties?.map(p => p.property)).toEqual([
      'freshness',
      'completeness',
      'accuracy',
      'availability',
      'retention',
    ]);
    expect(parse(await read('catalog-info.yaml')).spec.dataProduct).toEqual({
      kind: 'source-aligned',
      inputPorts: [
        { name: 'orders-events', type: 'kafka-topic', location: 'orders.v1' },
      ],
    });

    const readme = await read('README.md');
    for (const section of ['## Purpose', '## Schema', '## SLA', '## Changelog'])
      expect(readme).toContain(section);
    expect(readme).toContain(
      '| `customer_email` | string (`varchar`) | E-mail given at checkout. | personal data (contact, encrypted) |',
    );
    expect(readme).toContain(
      '| Freshness (age of the newest row) | at most 24 h |',
    );
    expect(readme).toContain('- `orders-events`: kafka-topic `orders.v1`');
    expect(readme).toContain(
      '### 1.0.0\n\n- Created with the *Source-aligned data product* template.',
    );

    // the log names the files it wrote, never a name still to be rendered
    expect(run.logger.text()).not.toContain('${{');
    expect(run.logger.text()).toContain('web_orders.py');

    const sql = await read('pipeline/dbt/models/web_orders.sql');
    expect(sql).toContain('    cast(null as varchar) as order_id,\n');
    expect(sql).toContain('    cast(null as timestamp) as ordered_at\n');
    expect(sql).toContain("from {{ source('orders_events', 'orders_v1') }}");
    const schema = parse(await read('pipeline/dbt/models/schema.yml'));
    expect(schema.models[0]).toMatchObject({
      name: 'web_orders',
      config: { contract: { enforced: true } },
    });
    expect(schema.models[0].columns[0]).toEqual({
      name: 'order_id',
      data_type: 'varchar',
      description: 'Order identifier.',
      data_tests: ['not_null', 'unique'],
    });
    expect(
      parse(await read('pipeline/dbt/models/sources.yml')).sources,
    ).toEqual([
      {
        name: 'orders_events',
        description: 'kafka-topic orders.v1',
        tables: [{ name: 'orders_v1' }],
      },
    ]);
    expect(parse(await read('pipeline/dbt/dbt_project.yml'))).toMatchObject({
      name: 'web_orders',
      version: '1.0.0',
    });
    const dag = await read('pipeline/airflow/dags/web_orders.py');
    expect(dag).toContain('PRODUCT = "component:default/web-orders"');
    expect(dag).toContain('schedule="0 2 * * *"');

    const repo = path.join(publishDir(), 'web-orders');
    expect(await git(repo, ['ls-files'])).toContain(
      'pipeline/airflow/dags/web_orders.py',
    );
    expect(await git(repo, ['log', '--format=%an'])).toBe('Sam Sales');
    expect(run.outputs.register.entityRef).toBe('component:default/web-orders');
  });

  it('source-aligned: a blocked product stops at the governance step, lists every violation and publishes nothing', async () => {
    const t = await template('source-aligned-data-product.yaml');
    const fields = [
      typed.fields[0],
      { name: 'customer_email', type: 'string', pii: true },
    ];
    const run = await runTemplate(
      t,
      formOf(t, { ...typed, fields, auditLogging: false }),
      actions(),
      dir.resolve('workspace'),
    );
    expect(run.failedStep).toBe('governance');
    for (const id of [
      'pii-encryption',
      'pii-audit-logging',
      'pii-category',
      'field-descriptions',
    ]) {
      expect(run.error?.message).toMatch(
        new RegExp(`✖ ${id} \\(error\\): .*\\n    How to fix: `),
      );
    }
    await expect(fs.readdir(publishDir())).rejects.toThrow(/ENOENT/);
  });

  it('aggregate: reads the picked products', async () => {
    const t = await template('aggregate-data-product.yaml');
    const parameters = formOf(t, {
      ...typed,
      name: 'customer-revenue',
      inputPorts: [
        'component:default/sales-orders',
        'component:default/customer-segments',
      ],
    });
    const run = await runTemplate(
      t,
      parameters,
      actions('customer-revenue'),
      dir.resolve('workspace'),
    );
    expect(run.error).toBeUndefined();
    expect(parse(await read('catalog-info.yaml')).spec.dataProduct).toEqual({
      kind: 'aggregate',
      inputPorts: [
        { name: 'sales-orders', product: 'component:default/sales-orders' },
        {
          name: 'customer-segments',
          product: 'component:default/customer-segments',
        },
      ],
    });
    expect(
      parse(await read('pipeline/dbt/models/sources.yml')).sources,
    ).toEqual([
      {
        name: 'sales_orders',
        description: 'Data product component:default/sales-orders',
        tables: [{ name: 'sales_orders' }],
      },
      {
        name: 'customer_segments',
        description: 'Data product component:default/customer-segments',
        tables: [{ name: 'customer_segments' }],
      },
    ]);
    expect(await read('pipeline/dbt/models/customer_revenue.sql')).toContain(
      "from {{ source('sales_orders', 'sales_orders') }}",
    );
    expect(await read('README.md')).toContain(
      '- `sales-orders`: data product component:default/sales-orders',
    );
    expect(run.outputs.register.entityRef).toBe(
      'component:default/customer-revenue',
    );
  });

  it('consumer-aligned: says who the product is for', async () => {
    const t = await template('consumer-aligned-data-product.yaml');
    const parameters = formOf(t, {
      ...typed,
      name: 'web-report',
      inputPorts: ['component:default/sales-orders'],
    });
    const run = await runTemplate(
      t,
      parameters,
      actions('web-report'),
      dir.resolve('workspace'),
    );
    expect(run.error).toBeUndefined();
    expect(
      readContract(await read('contract.odcs.yaml')).contract?.description
        ?.usage,
    ).toBe(typed.usage);
    expect(await read('README.md')).toContain(
      `**How to use it.** ${typed.usage}`,
    );
    expect(parse(await read('catalog-info.yaml')).spec.dataProduct.kind).toBe(
      'consumer-aligned',
    );
  });

  describe('new contract version', () => {
    const change = {
      product: 'component:default/sales-orders',
      summary: 'Totals move to the invoices product.',
      addFields: [
        {
          name: 'channel',
          type: 'string',
          description: 'Where the order came from.',
        },
      ],
      removeFields: ['total_amount'],
      deprecationNotice: '2025-06-01',
      migrationGuide: 'https://wiki.example.com/sales-orders/2.0',
    };

    it('proposes a breaking change with a major version on a branch, naming the consumers', async () => {
      const t = await template('new-contract-version.yaml');
      const run = await runTemplate(
        t,
        formOf(t, { ...change, version: '2.0.0' }),
        actions(),
        dir.resolve('workspace'),
      );
      expect(run.error).toBeUndefined();
      expect(run.outputs.diff).toMatchObject({
        requiredBump: 'major',
        versionOk: true,
        breaking: true,
      });
      const readme = await read('README.md');
      expect(readme).toContain(
        '### 2.0.0 (proposed; replaces 1.4.0)\n\nTotals move to the invoices product.',
      );
      expect(readme).toContain('Needs a **major** version.');
      expect(readme).toContain(
        '| `channel` | string (`varchar`) | Where the order came from. |  |',
      );
      expect(readme).not.toContain('total_amount` |');
      expect(
        parse(
          await read('pipeline/dbt/models/schema.yml'),
        ).models[0].columns.map((c: any) => c.name),
      ).toEqual(['order_id', 'customer_email', 'ordered_at', 'channel']);
      const repo = path.join(publishDir(), 'sales-orders');
      expect(await git(repo, ['branch', '--show-current'])).toBe('main');
      const proposed = readContract(
        await git(repo, ['show', 'contract-v2.0.0:contract.odcs.yaml']),
      );
      expect(run.outputs.diff.consumers).toEqual([
        'component:default/revenue-metrics',
        'component:default/customer-360',
      ]);
      expect(proposed.contract?.version).toBe('2.0.0');
      expect(
        await git(repo, ['log', '-1', '--format=%s', 'contract-v2.0.0']),
      ).toBe('Contract 2.0.0: Totals move to the invoices product.');
    });

    it('stops a breaking change with a minor version at the diff, naming the consumers it would hit', async () => {
      const t = await template('new-contract-version.yaml');
      const run = await runTemplate(
        t,
        formOf(t, { ...change, version: '1.5.0' }),
        actions(),
        dir.resolve('workspace'),
      );
      expect(run.failedStep).toBe('diff');
      expect(run.error?.message).toContain(
        '1.4.0 → 1.5.0 is a minor bump, but the changes need a major bump',
      );
      expect(run.error?.message).toContain(
        'It would hit 2 consumer(s): component:default/revenue-metrics',
      );
      await expect(fs.readdir(publishDir())).rejects.toThrow(/ENOENT/);
    });
  });
});
