import fs from 'node:fs';
import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import searchPlugin from '@backstage/plugin-search-backend';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import request from 'supertest';
import searchModuleDataMesh from '@backstage-data-mesh/plugin-search-backend-module-data-mesh';
import { OTHER, OWNER, startMesh } from './__testUtils__/testMesh';

const databases = TestDatabases.create({
  ids: ['SQLITE_3'],
  disableDocker: true,
});

async function search(server: any, term: string, who: string) {
  const res = await request(server)
    .get(
      `/api/search/query?term=${encodeURIComponent(
        term,
      )}&types[0]=data-product`,
    )
    .set('Authorization', mockCredentials.user.header(who));
  return res.status === 200 ? (res.body.results as any[]) : [];
}

describe('search over data products (with plugin-search-backend-module-data-mesh)', () => {
  it('finds a data product by a field of its contract, for the users who may discover it only', async () => {
    const mesh = await startMesh(
      await databases.init('SQLITE_3'),
      undefined,
      {},
      undefined,
      [searchPlugin, searchModuleDataMesh, schedulerServiceFactory],
      {
        search: {
          collators: {
            dataMesh: {
              schedule: {
                frequency: { seconds: 2 },
                timeout: { seconds: 60 },
                initialDelay: { seconds: 1 },
              },
            },
          },
        },
      },
    );
    try {
      const deadline = Date.now() + 45_000;
      let found: any[] = [];
      while (Date.now() < deadline) {
        found = await search(mesh.server, 'amount', OWNER);
        if (found.length > 0) break;
        await new Promise(r => setTimeout(r, 500));
      }
      // `revenue` is restricted: its owner finds it by its field `amount`…
      expect(found.map(r => r.document.title)).toEqual(['Revenue']);
      expect(found[0]).toMatchObject({
        type: 'data-product',
        document: {
          location: '/catalog/default/component/revenue/contract',
          entityRef: 'component:default/revenue',
        },
      });
      // …nobody else does, while everyone finds the internal `orders` by its fields.
      expect(await search(mesh.server, 'amount', OTHER)).toEqual([]);
      expect(
        (await search(mesh.server, 'customer_id', OTHER)).map(
          r => r.document.title,
        ),
      ).toEqual(['Orders']);
    } finally {
      fs.rmSync(mesh.dir, { recursive: true, force: true });
    }
  }, 90_000);
});
