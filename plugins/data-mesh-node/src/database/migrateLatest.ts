/**
 * Migrating a plugin's database when several backend replicas start together.
 */
import type { Knex } from 'knex';

/** How long a replica waits for another that holds knex's migration lock. */
const LOCK_WAIT_MILLIS = 120_000;

/**
 * Migrates `client` to the latest schema of `directory`. Replicas that start at once race to
 * create knex's own migration tables; the loser finds them made and migrates behind knex's
 * lock on its next try (at most three). A replica that finds the lock taken waits while the
 * other migrates, however long its migrations take (up to two minutes), then migrates what
 * is left, usually nothing.
 * @public
 */
export async function migrateLatest(
  client: Knex,
  options: { directory: string; tableName?: string },
): Promise<void> {
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      await client.migrate.latest(options);
      return;
    } catch (error) {
      const locked = (error as Error)?.name === 'MigrationLocked';
      if (locked ? Date.now() - started >= LOCK_WAIT_MILLIS : attempt >= 3)
        throw error;
      await new Promise(resolve =>
        setTimeout(resolve, locked ? 250 : 200 * attempt),
      );
    }
  }
}
