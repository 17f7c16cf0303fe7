import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@backstage-data-mesh/plugin-data-mesh-backend',
  'migrations',
);

/**
 * The plugin's database client, migrated to the latest schema unless the deployment
 * manages migrations itself (`migrations.skip`).
 */
export async function migratedClient(database: DatabaseService): Promise<Knex> {
  const client = await database.getClient();
  if (!database.migrations?.skip) {
    await client.migrate.latest({ directory: migrationsDir });
  }
  return client;
}
