/**
 * The products the backend serves carry the facts data-mesh-common decides once: their
 * reference (`productRef`) and their domain (`productDomain`), the same as the catalog's
 * relations and governance's choice of domain policy sets.
 */
import fs from 'node:fs';
import path from 'node:path';
import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { stringify } from 'yaml';
import {
  OWNER,
  startMesh,
  writeCatalog,
  writeMesh,
} from '../__testUtils__/testMesh';

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15'],
  disableDocker: true,
});

function contract(id: string, domain?: string) {
  return stringify({
    apiVersion: 'v3.1.0',
    kind: 'DataContract',
    id,
    version: '1.0.0',
    status: 'active',
    ...(domain ? { domain } : {}),
    schema: [{ name: 'rows', properties: [{ name: 'id' }] }],
  });
}

function policySet(name: string, domain: string) {
  return stringify({
    apiVersion: 'data-mesh/v1',
    kind: 'PolicySet',
    metadata: { name, domain },
    policies: [
      {
        id: `${domain}-marker`,
        description: `Applies to the ${domain} domain.`,
        severity: 'info',
        condition: 'true',
      },
    ],
  });
}

function entity(name: string, annotations: object, spec: object = {}) {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, annotations },
    spec: {
      type: 'data-product',
      lifecycle: 'production',
      owner: OWNER,
      ...spec,
    },
  };
}

describe.each(databases.eachSupportedId())(
  'products read from the catalog, on %p',
  databaseId => {
    it('are named by one reference and belong to one domain everywhere', async () => {
      const dir = writeMesh();
      fs.writeFileSync(
        path.join(dir, 'ledger.odcs.yaml'),
        contract('urn:t:ledger'),
      );
      // a product of the sales System whose contract names another domain
      fs.writeFileSync(
        path.join(dir, 'leads.odcs.yaml'),
        contract('urn:t:leads', 'marketing'),
      );
      for (const domain of ['sales', 'marketing', 'finance'])
        fs.writeFileSync(
          path.join(dir, `${domain}.yaml`),
          policySet(domain, domain),
        );
      writeCatalog(dir, [
        // a name with capitals and no System: its annotation names the domain
        entity('Ledger-Daily', {
          'data-mesh/contract': './ledger.odcs.yaml',
          'data-mesh/domain': 'Finance',
        }),
        entity(
          'leads',
          { 'data-mesh/contract': './leads.odcs.yaml' },
          { system: 'sales-data' },
        ),
      ]);
      const mesh = await startMesh(await databases.init(databaseId), dir, {
        governance: {
          domains: Object.fromEntries(
            ['sales', 'marketing', 'finance'].map(d => [
              d,
              [path.join(dir, `${d}.yaml`)],
            ]),
          ),
        },
      });
      const as = mockCredentials.user.header(OWNER);
      try {
        const list = await request(mesh.server)
          .get('/api/data-mesh/products')
          .set('Authorization', as);
        const byName = new Map<string, any>(
          list.body.items.map((p: any) => [p.name, p]),
        );
        expect(byName.get('Ledger-Daily')).toMatchObject({
          entityRef: 'component:default/ledger-daily',
          domain: 'domain:default/finance',
        });
        expect(byName.get('leads').domain).toBe('domain:default/sales');

        // found whichever case the reference is written in
        for (const written of ['Ledger-Daily', 'ledger-daily']) {
          const one = await request(mesh.server)
            .get(`/api/data-mesh/products/default/${written}`)
            .set('Authorization', as);
          expect(one.status).toBe(200);
        }
        const push = await request(mesh.server)
          .post('/api/data-mesh/results')
          .set('Authorization', as)
          .send({
            runId: 'r1',
            entityRef: 'Component:Default/Ledger-Daily',
            observations: [{ sloId: 'datacontract:x', status: 'pass' }],
          });
        expect(push.status).toBe(200);

        // governance picks the domain policies of the domain the list shows
        const governance = await request(mesh.server)
          .get('/api/data-mesh/products/default/leads/governance')
          .set('Authorization', as);
        const ids = governance.body.results.map((r: any) => r.id);
        expect(ids).toContain('sales-marker');
        expect(ids).not.toContain('marketing-marker');

        // and the catalog relates the product to the same domain (once it knows the System,
        // which it may read after the product: processing the product again settles it; a
        // System found missing is asked for again after a few seconds)
        const refresh = () =>
          request(mesh.server)
            .post('/api/catalog/refresh')
            .set('Authorization', mockCredentials.service.header())
            .send({ entityRef: 'component:default/leads' });
        const partOf = async () => {
          const leads = await request(mesh.server)
            .get('/api/catalog/entities/by-name/component/default/leads')
            .set('Authorization', mockCredentials.service.header());
          return leads.body.relations
            .filter((r: any) => r.type === 'partOf')
            .map((r: any) => r.targetRef)
            .sort();
        };
        const deadline = Date.now() + 30_000;
        while (
          !(await partOf()).includes('domain:default/sales') &&
          Date.now() < deadline
        ) {
          await refresh();
          await new Promise(r => setTimeout(r, 1000));
        }
        expect(await partOf()).toEqual([
          'domain:default/sales',
          'system:default/sales-data',
        ]);
      } finally {
        await mesh.server.stop?.();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }, 90_000);
  },
);
