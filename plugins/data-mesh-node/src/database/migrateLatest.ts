/**
 * Migrating a plugin's database when several backend replicas start together.
 */
import type { Knex } from 'knex';

/**
 * Migrates `client` to the latest schema of `directory`. Replicas that start at once race to
 * create knex's own migration tables; the loser finds them made and migrates behind knex's
 * lock on its next try (at most three).
 * @public
 */
export async function migrateLatest(
  client: Knex,
  options: { directory: string; tableName?: string },
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await client.migrate.latest(options);
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
      await new Promise(resolve => setTimeout(resolve, 200 * attempt));
    }
  }
}
