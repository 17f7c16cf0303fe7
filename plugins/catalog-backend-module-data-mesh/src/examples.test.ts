import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  GovernanceVerdict,
  summarizeVerdict,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import request from 'supertest';
import { parse } from 'yaml';
import { waitFor } from './__testUtils__/waitFor';
import catalogModuleDataMesh from './index';

// SQLite always; PostgreSQL when a cluster is up and
// BACKSTAGE_TEST_DATABASE_POSTGRES<major>_CONNECTION_STRING is exported (scripts/test.sh does).
const databases = TestDatabases.create({
  ids: [
    'POSTGRES_18',
    'POSTGRES_17',
    'POSTGRES_16',
    'POSTGRES_15',
    'POSTGRES_14',
    'POSTGRES_13',
    'SQLITE_3',
  ],
  disableDocker: true,
});

const repo = path.resolve(__dirname, '../../..');
const examples = path.join(repo, 'examples/all.yaml');

/**
 * The example portal's governance configuration (app-config.yaml), its paths made absolute
 * from the backend's directory, as the portal resolves them.
 */
function exampleGovernance() {
  const { governance } = parse(
    fs.readFileSync(path.join(repo, 'app-config.yaml'), 'utf8'),
  ).dataMesh;
  const backend = path.join(repo, 'packages/backend');
  const absolute = (files: string[]) =>
    files.map(file => path.resolve(backend, file));
  return {
    policies: absolute(governance.policies),
    domains: Object.fromEntries(
      Object.entries(governance.domains as Record<string, string[]>).map(
        ([domain, files]) => [domain, absolute(files)],
      ),
    ),
  };
}

/** Every product's catalog-info.yaml, the broken demo included. */
function productFiles(): string[] {
  const products = path.join(repo, 'examples/products');
  return [
    ...fs
      .readdirSync(products)
      .sort()
      .map(name => path.join(products, name, 'catalog-info.yaml')),
    path.join(repo, 'examples/broken/catalog-info.yaml'),
  ];
}

interface CheckedResult {
  file: string;
  blocked: boolean;
  policies: Array<{
    id: string;
    outcome: GovernanceVerdict['results'][0]['outcome'];
  }>;
}

/**
 * Runs the `data-mesh check` executable over every example product with the same policy
 * files (each domain file names its domain, so --policies applies it to that domain only),
 * and gives each product's verdict in the catalog's words: health and summary.
 */
async function checkedByCli(): Promise<
  Record<string, { health: string; summary: string }>
> {
  const governance = exampleGovernance();
  const files = [
    ...governance.policies,
    ...Object.values(governance.domains).flat(),
  ];
  const bin = path.join(
    path.dirname(
      require.resolve(
        '@backstage-data-mesh/plugin-data-mesh-node/package.json',
      ),
    ),
    'bin/data-mesh',
  );
  const stdout = await new Promise<string>((resolve, reject) =>
    execFile(
      process.execPath,
      [
        bin,
        'check',
        '--format',
        'json',
        ...files.flatMap(file => ['--policies', file]),
        ...productFiles(),
      ],
      { cwd: repo, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
      (error, out, err) =>
        // exit 1 means "a product is blocked": the report is still on stdout
        error && error.code !== 1
          ? reject(new Error(`${error}\n${err}`))
          : resolve(out),
    ),
  );
  const verdicts: Record<string, { health: string; summary: string }> = {};
  for (const result of JSON.parse(stdout).results as CheckedResult[]) {
    const name = parse(fs.readFileSync(result.file, 'utf8')).metadata.name;
    const summary = { pass: 0, warn: 0, block: 0, info: 0, draft: 0 };
    for (const policy of result.policies) summary[policy.outcome] += 1;
    const verdict = {
      blocked: result.blocked,
      results: result.policies,
      summary,
    } as unknown as GovernanceVerdict;
    let health = 'pass';
    if (result.blocked) health = 'block';
    else if (summary.warn > 0) health = 'warn';
    verdicts[name] = { health, summary: summarizeVerdict(verdict) };
  }
  return verdicts;
}

/** The verdicts examples/README.md explains. */
const DOCUMENTED_VERDICTS = {
  'accounts-receivable': 'block',
  'broken-contract-demo': 'block',
  'campaign-performance': 'warn',
  'customer-interactions': 'pass',
  'customer-segments': 'block',
  'feature-usage': 'pass',
  'financial-metrics': 'pass',
  'general-ledger': 'pass',
  'lead-attribution': 'pass',
  'product-events': 'warn',
  'revenue-metrics': 'pass',
  'sales-orders': 'pass',
  'user-engagement': 'warn',
};

describe('the example mesh in a real catalog', () => {
  let cli: Record<string, { health: string; summary: string }>;
  beforeAll(async () => {
    cli = await checkedByCli();
  }, 60_000);

  it.each(databases.eachSupportedId())(
    'ingests the products, their lineage both ways and the broken demo on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { server } = await startTestBackend({
        features: [
          catalogPlugin,
          catalogModuleDataMesh,
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: {
              catalog: {
                rules: [
                  {
                    allow: [
                      'Domain',
                      'System',
                      'Group',
                      'User',
                      'Location',
                      'Component',
                    ],
                  },
                ],
                processingInterval: { seconds: 2 },
                locations: [{ type: 'file', target: examples }],
              },
              dataMesh: { governance: exampleGovernance() },
            },
          }),
        ],
      });
      const query = async (filter: string) => {
        const res = await request(server)
          .get(`/api/catalog/entities/by-query?${filter}&limit=100`)
          .set('Authorization', mockCredentials.user.header());
        expect(res.status).toBe(200);
        return res.body.items as any[];
      };
      const names = (items: any[]) => items.map(e => e.metadata.name).sort();
      const related = (entity: any, type: string) =>
        entity.relations
          .filter((r: any) => r.type === type)
          .map((r: any) => r.targetRef)
          .sort();

      // Lineage through contract ids settles once the upstream products are in the catalog.
      const products = await waitFor(
        () => query('filter=kind=component,spec.type=data-product'),
        items => {
          const engagement = items.find(
            e => e.metadata.name === 'user-engagement',
          );
          const ledger = items.find(e => e.metadata.name === 'general-ledger');
          const revenue = items.find(
            e => e.metadata.name === 'revenue-metrics',
          );
          return (
            items.length === 13 &&
            !!engagement &&
            related(engagement, 'consumesDataFrom').length === 2 &&
            !!ledger &&
            related(ledger, 'consumesDataFrom').length === 2 &&
            !!revenue &&
            related(revenue, 'consumesDataFrom').length === 2
          );
        },
        60_000,
      );
      const byName = Object.fromEntries(
        products.map(e => [e.metadata.name, e]),
      );

      // Twelve products with contracts, of the three kinds and four formats (one through ODPS),
      // and the broken demo. Two break governance rules on purpose (they show as blocked).
      const withContract = products.filter(
        e => e.metadata.annotations['data-mesh/contract-status'] !== 'invalid',
      );
      expect(withContract).toHaveLength(12);
      const status = (name: string) =>
        byName[name].metadata.annotations['data-mesh/contract-status'];
      expect(
        products.filter(e => status(e.metadata.name) === 'valid').length,
      ).toBe(10);
      expect(status('customer-segments')).toBe('blocked');
      expect(status('accounts-receivable')).toBe('blocked');
      expect(
        byName['accounts-receivable'].status.items[0].error.message,
      ).toContain('governance policy "pii-encryption"');
      expect(new Set(withContract.map(e => e.spec.dataProduct.kind))).toEqual(
        new Set(['source-aligned', 'aggregate', 'consumer-aligned']),
      );
      // The contract's outline is on the entities every user may discover; the restricted
      // products (by their entity or by one of their fields) keep it to the data-mesh API.
      const summarised = withContract.filter(
        e => e.spec.dataProduct.contractSummary,
      );
      expect(
        withContract
          .filter(e => !e.spec.dataProduct.contractSummary)
          .map(e => e.metadata.name)
          .sort(),
      ).toEqual([
        'accounts-receivable',
        'customer-segments',
        'general-ledger',
        'user-engagement',
      ]);
      expect(
        new Set(summarised.map(e => e.spec.dataProduct.contractSummary.format)),
      ).toEqual(new Set(['odcs', 'dcs', 'datamesh-v1', 'data-product-yaml']));
      expect(
        byName['user-engagement'].metadata.annotations[
          'data-mesh/contract-source'
        ],
      ).toMatch(/user-engagement\.odcs\.yaml$/);

      // Lineage, both ways, across domains: orders → revenue metrics → general ledger.
      expect(related(byName['revenue-metrics'], 'consumesDataFrom')).toEqual([
        'component:default/customer-interactions',
        'component:default/sales-orders',
      ]);
      // The broken demonstration product reads from no product: it is nobody's consumer.
      expect(related(byName['sales-orders'], 'providesDataTo')).toEqual([
        'component:default/customer-segments',
        'component:default/lead-attribution',
        'component:default/revenue-metrics',
      ]);
      expect(related(byName['general-ledger'], 'consumesDataFrom')).toEqual([
        'component:default/accounts-receivable',
        'component:default/revenue-metrics',
      ]);
      expect(related(byName['revenue-metrics'], 'providesDataTo')).toEqual([
        'component:default/financial-metrics',
        'component:default/general-ledger',
      ]);
      expect(related(byName['user-engagement'], 'consumesDataFrom')).toEqual([
        'component:default/customer-segments',
        'component:default/feature-usage',
      ]);
      expect(related(byName['customer-segments'], 'providesDataTo')).toEqual([
        'component:default/user-engagement',
      ]);

      // Owner, system and domain.
      expect(related(byName['general-ledger'], 'ownedBy')).toEqual([
        'group:default/finance-analytics',
      ]);
      expect(related(byName['general-ledger'], 'partOf')).toEqual([
        'domain:default/finance',
        'system:default/finance-data',
      ]);

      // The broken demo: on the catalog, marked invalid, its errors with file, line and path.
      const broken = byName['broken-contract-demo'];
      expect(broken.metadata.annotations['data-mesh/contract-status']).toBe(
        'invalid',
      );
      const messages = broken.status.items.map((i: any) => i.error.message);
      expect(messages).toEqual(
        expect.arrayContaining([
          expect.stringMatching(
            /broken-contract-demo\.odcs\.yaml:\d+:\d+ error \[enum\] .*found `text` \(at \/schema\/0\/properties\/1\/logicalType\)/,
          ),
          expect.stringMatching(
            /broken-contract-demo\.odcs\.yaml:\d+:\d+ error \[type\] .*\(at \/schema\/0\/properties\/2\/required\)/,
          ),
        ]),
      );

      // Governance with the example policies: the verdicts the README explains, each the
      // one `data-mesh check` gives in CI, down to which policies block, warn or are drafts.
      const recorded: Record<string, { health: string; summary: string }> =
        Object.fromEntries(
          products.map(e => [
            e.metadata.name,
            {
              health: e.metadata.annotations['data-mesh/governance'],
              summary: e.metadata.annotations['data-mesh/governance-summary'],
            },
          ]),
        );
      expect(recorded).toEqual(cli);
      expect(
        Object.fromEntries(
          Object.entries(recorded).map(([name, v]) => [name, v.health]),
        ),
      ).toEqual(DOCUMENTED_VERDICTS);

      // The catalog's filters: by type, owner, system and domain.
      expect(
        names(
          await query(
            'filter=kind=component,spec.type=data-product,spec.owner=group:finance-analytics',
          ),
        ),
      ).toEqual(['accounts-receivable', 'financial-metrics', 'general-ledger']);
      expect(
        names(
          await query(
            'filter=kind=component,spec.type=data-product,spec.system=marketing-data',
          ),
        ),
      ).toEqual([
        'campaign-performance',
        'customer-segments',
        'lead-attribution',
      ]);
      expect(
        names(
          await query(
            'filter=kind=component,relations.partof=domain:default/product',
          ),
        ),
      ).toEqual(['feature-usage', 'product-events', 'user-engagement']);
    },
    120_000,
  );
});
