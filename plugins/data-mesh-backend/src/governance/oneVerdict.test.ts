/**
 * A product has one governance verdict, computed by the backend from everything it knows of
 * the product, its latest quality results included: the explorer's list, the product card and
 * the Governance tab show that verdict and when it was evaluated. Someone who may discover the
 * product but not read its data sees it without the policies that read its quality results.
 */
import fs from 'node:fs';
import path from 'node:path';
import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { parseAllDocuments, stringify } from 'yaml';
import {
  OTHER,
  OWNER,
  startMesh,
  writeCatalog,
  writeMesh,
  writeOrders,
} from '../__testUtils__/testMesh';

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15'],
  disableDocker: true,
});

const POLICIES = stringify({
  apiVersion: 'data-mesh/v1',
  kind: 'PolicySet',
  metadata: { name: 'platform' },
  policies: [
    {
      id: 'has-owner',
      description: 'The product names its owner.',
      severity: 'warning',
      condition: 'product.owner != null',
    },
    {
      id: 'checks-pass',
      description: 'The latest quality checks pass.',
      severity: 'error',
      condition: 'checks == null || checks.all(c, c.passed)',
      message: 'Failing: ${checks.filter(c, !c.passed).map(c, c.name)}',
    },
  ],
});

/** Makes `orders` confidential: everyone discovers it, its owners read it. */
function confidentialOrders(dir: string) {
  const file = path.join(dir, 'catalog-info.yaml');
  const entities = parseAllDocuments(fs.readFileSync(file, 'utf8')).map(d =>
    d.toJS(),
  );
  const orders = entities.find(e => e.metadata.name === 'orders');
  orders.metadata.annotations['data-mesh/classification'] = 'confidential';
  fs.writeFileSync(file, entities.map(e => stringify(e)).join('---\n'));
}

describe.each(databases.eachSupportedId())(
  'the governance verdict of a product, on %p',
  databaseId => {
    it('is one verdict in the list, on the card and on the tab, shown as far as each caller may read', async () => {
      const dir = writeMesh();
      writeOrders(dir, { nullIds: 3 }); // a quality check fails
      fs.writeFileSync(path.join(dir, 'platform.yaml'), POLICIES);
      writeCatalog(dir);
      confidentialOrders(dir);
      const mesh = await startMesh(await databases.init(databaseId), dir, {
        governance: {
          builtIn: false,
          policies: [path.join(dir, 'platform.yaml')],
        },
      });
      try {
        await request(mesh.server)
          .post('/api/data-mesh/slo/evaluate?entity=component:default/orders')
          .set('Authorization', mockCredentials.service.header())
          .expect(200);
        const views = async (who: string) => {
          const as = mockCredentials.user.header(who);
          const list = await request(mesh.server)
            .get('/api/data-mesh/products')
            .set('Authorization', as);
          const card = await request(mesh.server)
            .get('/api/data-mesh/products/default/orders')
            .set('Authorization', as);
          const tab = await request(mesh.server)
            .get('/api/data-mesh/products/default/orders/governance')
            .set('Authorization', as);
          const item = list.body.items.find((p: any) => p.name === 'orders');
          return { item, card: card.body, tab: tab.body };
        };

        // its owner reads it: the verdict weighs the failing check
        const owner = await views(OWNER);
        expect(owner.tab).toMatchObject({ health: 'block', blocked: true });
        expect(owner.tab.withheld).toBeUndefined();
        expect(owner.tab.results.map((r: any) => [r.id, r.outcome])).toEqual([
          ['has-owner', 'pass'],
          ['checks-pass', 'block'],
        ]);
        for (const view of [owner.item, owner.card])
          expect(view).toMatchObject({
            governance: 'block',
            governanceEvaluatedAt: owner.tab.evaluatedAt,
          });

        // someone who may only discover it sees the same verdict without the failing check
        const other = await views(OTHER);
        expect(other.tab).toMatchObject({
          health: 'pass',
          blocked: false,
          withheld: 1,
          evaluatedAt: owner.tab.evaluatedAt,
        });
        expect(other.tab.results.map((r: any) => r.id)).toEqual(['has-owner']);
        expect(JSON.stringify(other)).not.toContain('nullValues');
        for (const view of [other.item, other.card])
          expect(view).toMatchObject({
            governance: 'pass',
            governanceEvaluatedAt: owner.tab.evaluatedAt,
            governanceWithheld: 1,
          });
      } finally {
        await mesh.server.stop?.();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }, 90_000);
  },
);
