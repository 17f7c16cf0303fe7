import type { LoggerService } from '@backstage/backend-plugin-api';
import type { SloEngine } from '@backstage-data-mesh/plugin-data-mesh-node';
import type { ServerSettings } from './serverSettings';

/** The line the backend logs at start when no SLO engine is installed. */
export const PUSH_ONLY_MESSAGE =
  'No SLO engine is installed, so SLOs are push-only: pipelines push results to /api/data-mesh/results; to measure SLOs on the data, add @backstage-data-mesh/plugin-data-mesh-backend-module-duckdb (files) or -module-postgres (PostgreSQL)';

/**
 * Says at start how SLOs are measured: one line when no engine is installed (push-only),
 * else the engines and a warning for each configured server none of them evaluates.
 */
export function announceEngines(
  logger: LoggerService,
  engines: readonly SloEngine[],
  settings: Map<string, ServerSettings>,
): void {
  if (engines.length === 0) {
    logger.info(PUSH_ONLY_MESSAGE);
    return;
  }
  const evaluated = [...settings.values()].filter(s => s.engine);
  logger.info(
    `SLO engines: ${engines.map(e => e.id).join(', ')}; ${
      evaluated.length
    } configured server(s) evaluated${
      evaluated.length
        ? ` (${evaluated.map(s => `${s.name}: ${s.engine!.id}`).join(', ')})`
        : ''
    }`,
  );
  for (const server of settings.values())
    if (!server.engine) logger.warn(server.unavailable);
}
