/**
 * `dataMesh.servers` as app-config would hold them, read with the DuckDB and PostgreSQL
 * engines installed, as in the example portal.
 */
import { ConfigReader } from '@backstage/config';
import { duckDbEngine } from '@backstage-data-mesh/plugin-data-mesh-backend-module-duckdb';
import { postgresEngine } from '@backstage-data-mesh/plugin-data-mesh-backend-module-postgres';
import type { SloEngine } from '@backstage-data-mesh/plugin-data-mesh-node';
import { ServerRegistry, readServerSettings } from '../ServerRegistry';

/** The engines of the example portal. */
export const ENGINES: SloEngine[] = [duckDbEngine, postgresEngine];

/** The settings of `dataMesh.servers: servers`. */
export function serverSettings(
  servers: object,
  engines: readonly SloEngine[] = ENGINES,
) {
  return readServerSettings(
    new ConfigReader({ dataMesh: { servers } }),
    engines,
  );
}

/** A registry of `dataMesh.servers: servers` whose queries may run `timeoutMillis`. */
export function registryOf(
  servers: object,
  timeoutMillis: number,
  engines: readonly SloEngine[] = ENGINES,
): ServerRegistry {
  return new ServerRegistry(serverSettings(servers, engines), {
    timeoutMillis,
  });
}
