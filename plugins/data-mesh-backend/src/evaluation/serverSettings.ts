/**
 * `dataMesh.servers.<name>` in app-config: which products a server serves, and which SLO
 * engine evaluates it (`engine`, or the engine whose key the server has: `directory` for
 * DuckDB, `connection` for PostgreSQL), which reads the rest. Read once at start; a mistake
 * stops the backend with the key that is wrong. A server whose engine is not installed is
 * kept, not evaluated, with the reason.
 */
import path from 'node:path';
import type { Config } from '@backstage/config';
import {
  type ServerScope,
  type SloEngine,
  type SloEngineServer,
  readServerScope,
} from '@backstage-data-mesh/plugin-data-mesh-node';

export type { ServerScope };

/** A configured server: its engine and the engine's view of it, or why it has none. */
export type ServerSettings = ServerScope & { name: string } & (
    | { engine: SloEngine; server: SloEngineServer }
    | { engine?: undefined; unavailable: string }
  );

/** The settings every server has, whatever its engine. */
const COMMON_SETTINGS = ['engine', 'products', 'owners'];

const list = (engines: readonly SloEngine[]) =>
  engines.map(e => e.id).join(', ');

/** The engine of a server, or why there is none. */
function engineOf(
  server: Config,
  name: string,
  engines: readonly SloEngine[],
): SloEngine | { unavailable: string } {
  const named = server.getOptionalString('engine');
  if (named !== undefined) {
    const engine = engines.find(e => e.id === named);
    if (engine) return engine;
    return {
      unavailable: `server ${name} is evaluated by the SLO engine "${named}" (dataMesh.servers.${name}.engine), which is not installed${
        engines.length ? ` (installed: ${list(engines)})` : ''
      }`,
    };
  }
  const marked = engines.find(e => e.configKey && server.has(e.configKey));
  if (marked) return marked;
  return {
    unavailable: engines.length
      ? `no installed SLO engine evaluates server ${name}: name one in dataMesh.servers.${name}.engine (${list(
          engines,
        )}) or give ${engines
          .filter(e => e.configKey)
          .map(e => `"${e.configKey}" (${e.id})`)
          .join(' or ')}`
      : `server ${name} is not evaluated: no SLO engine is installed`,
  };
}

/**
 * Reads `dataMesh.servers`, each server configured by its engine among `engines`. Settings
 * that are neither common nor the engine's are refused, naming the key.
 */
export function readServerSettings(
  config: Config,
  engines: readonly SloEngine[],
): Map<string, ServerSettings> {
  const settings = new Map<string, ServerSettings>();
  const servers = config.getOptionalConfig('dataMesh.servers');
  for (const name of servers?.keys() ?? []) {
    const server = servers!.getConfig(name);
    const scope = readServerScope(server, name);
    const engine = engineOf(server, name, engines);
    if ('unavailable' in engine) {
      settings.set(name, { name, ...scope, unavailable: engine.unavailable });
      continue;
    }
    for (const key of server.keys()) {
      if (!COMMON_SETTINGS.includes(key) && !engine.settings.includes(key))
        throw new Error(
          `dataMesh.servers.${name}.${key} is not a setting of ${
            engine.id
          } servers; they take ${[...COMMON_SETTINGS, ...engine.settings].join(
            ', ',
          )}`,
        );
    }
    settings.set(name, {
      name,
      ...scope,
      engine,
      server: engine.configure({ name, config: server }),
    });
  }
  return settings;
}

/**
 * The directory of each server that names one (`dataMesh.servers.<name>.directory`), where
 * OpenLineage datasets of files are matched to products, whichever engine is installed.
 */
export function readServerDirectories(config: Config): Map<string, string> {
  const directories = new Map<string, string>();
  const servers = config.getOptionalConfig('dataMesh.servers');
  for (const name of servers?.keys() ?? []) {
    const directory = servers!.getConfig(name).getOptionalString('directory');
    if (directory) directories.set(name, path.resolve(directory));
  }
  return directories;
}
