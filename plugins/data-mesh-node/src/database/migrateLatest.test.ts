import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TestDatabases } from '@backstage/backend-test-utils';
import { migrateLatest } from './migrateLatest';

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

/** A migration that creates the table `name`. */
function writeMigration(directory: string, file: string, name: string) {
  fs.writeFileSync(
    path.join(directory, file),
    `exports.up = knex => knex.schema.createTable('${name}', t => t.string('id'));
exports.down = knex => knex.schema.dropTable('${name}');
`,
  );
}

describe.each(databases.eachSupportedId())('migrateLatest on %p', id => {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'dm-migrate-'));
  afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

  it('waits while another replica holds the migration lock, then migrates what is left', async () => {
    const knex = await databases.init(id);
    writeMigration(directory, '20250101000000_first.js', 'first');
    await migrateLatest(knex, { directory });

    // another replica has taken knex's lock and is migrating
    writeMigration(directory, '20250102000000_second.js', 'second');
    await knex('knex_migrations_lock').update({ is_locked: 1 });
    let done = false;
    const migrating = migrateLatest(knex, { directory }).then(() => {
      done = true;
    });
    await new Promise(resolve => setTimeout(resolve, 1_000));
    expect(done).toBe(false);
    expect(await knex.schema.hasTable('second')).toBe(false);

    // it finishes (its migrations are the same files) and lets go of the lock
    await knex('knex_migrations_lock').update({ is_locked: 0 });
    await migrating;
    expect(await knex.schema.hasTable('second')).toBe(true);
  }, 30_000);
});
