import path from 'node:path';
import { TestDatabases } from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import { AccessStore } from './AccessStore';
import { AlertOutbox } from './AlertOutbox';

const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

const directory = path.resolve(__dirname, '../../migrations');
const PRODUCT = 'component:default/invoices';
const PAT = 'user:default/pat';
const NOW = 1_750_000_000_000;

const notice = (key: string) => [
  {
    entityRef: PRODUCT,
    sloId: `access:${key}`,
    kind: 'access' as const,
    notification: {
      recipients: { type: 'entity' as const, entityRef: PAT },
      payload: { title: key },
    },
  },
];

describe.each(databases.eachSupportedId())('AccessStore on %p', databaseId => {
  let knex: Knex;

  beforeAll(async () => {
    knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory });
  });

  it('decides, revokes and expires once however many replicas try at the same time', async () => {
    const replicas = [new AccessStore(knex), new AccessStore(knex)];
    const { request } = await replicas[0].createRequest(
      { entityRef: PRODUCT, requester: PAT, principal: PAT, purpose: 'Audit' },
      { now: NOW, alerts: () => notice('asked') },
    );
    const decided = await Promise.all(
      replicas.map((store, i) =>
        store.decide(
          request.id,
          { decision: 'approve', expiresAt: NOW + 1000 + i },
          {
            by: `user:default/owner-${i}`,
            now: NOW,
            alerts: () => notice('decided'),
          },
        ),
      ),
    );
    expect(decided.filter(Boolean)).toHaveLength(1);
    const grant = decided.find(Boolean)!.grant!;
    expect(await replicas[1].activeGrants(NOW + 999)).toHaveLength(1);
    expect(await replicas[1].dueGrants(NOW + 999)).toHaveLength(0);
    expect((await replicas[1].dueGrants(NOW + 2000)).map(g => g.id)).toEqual([
      grant.id,
    ]);

    const ended = await Promise.all(
      replicas.map(store =>
        store.endGrant(grant.id, {
          state: 'expired',
          by: 'system',
          now: NOW + 2000,
          alerts: () => notice('expired'),
        }),
      ),
    );
    expect(ended.filter(Boolean)).toHaveLength(1);
    expect(await replicas[0].activeGrants(NOW)).toHaveLength(0);
    const trail = await replicas[0].auditTrail(PRODUCT);
    expect(trail.map(e => e.action)).toEqual([
      'expired',
      'approved',
      'requested',
    ]);
    const told = (await new AlertOutbox(knex).alerts(PRODUCT)).map(
      a => a.notification.payload.title,
    );
    expect(told).toEqual(['asked', 'decided', 'expired']);
  });

  it('keeps what platforms did with a grant, and finds the failed ones to apply again', async () => {
    const store = new AccessStore(knex);
    const { grant } = await store.createRequest(
      { entityRef: PRODUCT, requester: PAT, principal: PAT, purpose: 'x' },
      {
        now: NOW,
        auto: { expiresAt: NOW + 5000, reason: 'auto' },
        alerts: () => [],
      },
    );
    await store.setPlatforms(grant!.id, [
      {
        platform: 'postgres:warehouse',
        account: 'pat',
        state: 'failed',
        error: 'no such role',
      },
    ]);
    expect((await store.grantsToRetry(NOW)).map(g => g.id)).toEqual([
      grant!.id,
    ]);
    await store.setPlatforms(grant!.id, [
      { platform: 'postgres:warehouse', account: 'pat', state: 'applied' },
    ]);
    expect(await store.grantsToRetry(NOW)).toEqual([]);
  });
});
