import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';
import { migrateLatest } from '@backstage-data-mesh/plugin-data-mesh-node';

const migrationsDir = resolvePackagePath(
  '@backstage-data-mesh/plugin-data-mesh-backend',
  'migrations',
);

/**
 * The plugin's database client, migrated to the latest schema unless the deployment
 * manages migrations itself (`migrations.skip`). Several replicas may start at once.
 */
export async function migratedClient(database: DatabaseService): Promise<Knex> {
  const client = await database.getClient();
  if (!database.migrations?.skip) {
    await migrateLatest(client, { directory: migrationsDir });
  }
  return client;
}
