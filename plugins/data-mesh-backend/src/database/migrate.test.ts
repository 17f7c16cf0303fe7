import path from 'node:path';
import { TestDatabases } from '@backstage/backend-test-utils';
import type { Knex } from 'knex';

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

const directory = path.resolve(__dirname, '../../migrations');
const TABLES = [
  'dm_access_audit',
  'dm_access_grants',
  'dm_access_requests',
  'dm_alert_outbox',
  'dm_contract_versions',
  'dm_lineage_datasets',
  'dm_lineage_edges',
  'dm_lineage_events',
  'dm_observation_hours',
  'dm_observations',
  'dm_runs',
  'dm_slo_states',
  'dm_version_acknowledgements',
];

async function tables(knex: Knex): Promise<string[]> {
  const present = await Promise.all(
    TABLES.map(async name => ((await knex.schema.hasTable(name)) ? name : '')),
  );
  return present.filter(Boolean);
}

/** Expects the insert to be refused as a duplicate key (checked by message: errors of the SQLite driver may come from another realm). */
async function expectDuplicate(insert: Promise<unknown>) {
  const error = await insert.then(
    () => undefined,
    e => e,
  );
  expect(String(error?.message)).toMatch(
    /UNIQUE constraint failed|duplicate key/,
  );
}

const run = (entityRef: string, runId: string, receivedAt: number) => ({
  run_id: runId,
  entity_ref: entityRef,
  source: 'push',
  finished_at: receivedAt,
  observations: 0,
  received_at: receivedAt,
});

describe.each(databases.eachSupportedId())('migrations on %p', databaseId => {
  let knex: Knex;

  beforeAll(async () => {
    knex = await databases.init(databaseId);
  });

  it('migrate to the latest schema, all the way down, and up again', async () => {
    await knex.migrate.latest({ directory });
    expect(await tables(knex)).toEqual(TABLES);
    const [, applied] = await knex.migrate.list({ directory });
    expect(applied).toEqual([]);

    await knex.migrate.rollback({ directory }, true);
    expect(await tables(knex)).toEqual([]);
    const [done, pending] = await knex.migrate.list({ directory });
    expect(done).toEqual([]);
    expect(pending.length).toBeGreaterThanOrEqual(4);

    await knex.migrate.latest({ directory });
    expect(await tables(knex)).toEqual(TABLES);
    // the schema works after the round trip: runs are keyed per product
    await knex('dm_runs').insert(run('component:default/a', 'r1', 1));
    await knex('dm_runs').insert(run('component:default/b', 'r1', 2));
    await expectDuplicate(
      knex('dm_runs').insert(run('component:default/a', 'r1', 3)),
    );
  });

  it('keeps the access audit trail append-only: its rows can be neither changed nor deleted', async () => {
    await knex.migrate.latest({ directory });
    await knex('dm_access_audit').insert({
      entity_ref: 'component:default/invoices',
      at: Date.now(),
      actor: 'user:default/pat',
      action: 'requested',
    });
    const [{ n: before }] = await knex('dm_access_audit').count({ n: '*' });
    expect(Number(before)).toBe(1);
    // The driver's error is read by its text: on SQLite it may come from another test
    // file's realm, which `toThrow` does not recognise as an Error.
    const refused = async (statement: string) => {
      try {
        await knex.raw(statement);
        return 'done';
      } catch (error) {
        return String(error);
      }
    };
    expect(
      await refused("UPDATE dm_access_audit SET actor = 'someone'"),
    ).toMatch(/append-only/);
    expect(await refused('DELETE FROM dm_access_audit')).toMatch(/append-only/);
    const [{ n }] = await knex('dm_access_audit').count({ n: '*' });
    expect(Number(n)).toBe(1);
  });

  it('going back to global run ids keeps the first run of a run id shared by products', async () => {
    await knex.migrate.latest({ directory });
    await knex('dm_runs').insert(run('component:default/c', 'shared', 20));
    await knex('dm_runs').insert(run('component:default/d', 'shared', 10));
    // back to before the migration that made run ids per product
    while (
      Number(await knex.migrate.currentVersion({ directory })) >= 20250604000000
    ) {
      await knex.migrate.down({ directory });
    }
    expect(
      await knex('dm_runs').where({ run_id: 'shared' }).select('entity_ref'),
    ).toEqual([{ entity_ref: 'component:default/d' }]);
    await expectDuplicate(
      knex('dm_runs').insert(run('component:default/e', 'shared', 30)),
    );
    await knex.migrate.latest({ directory });
    await knex('dm_runs').insert(run('component:default/e', 'shared', 30));
  });
});
