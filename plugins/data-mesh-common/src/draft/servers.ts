import type { OdcsServer } from '../odcs/model';
import { text } from './names';
import type { DraftOutputPort } from './types';

/** The keys each server type is described by; what the form gives beyond them is left out. */
const KEYS_BY_TYPE: Record<string, (keyof DraftOutputPort)[]> = {
  postgres: ['host', 'port', 'database', 'schema'],
  postgresql: ['host', 'port', 'database', 'schema'],
  mysql: ['host', 'port', 'database'],
  snowflake: ['account', 'database', 'schema', 'warehouse'],
  databricks: ['host', 'catalog', 'schema'],
  bigquery: ['project', 'dataset'],
  s3: ['location', 'format'],
  azure: ['location', 'format'],
  gcs: ['location', 'format'],
  local: ['path', 'format'],
  duckdb: ['database', 'schema'],
  kafka: ['host', 'format'],
};

/**
 * The ODCS server of the product's output port. Ports are kept as numbers when they are
 * numeric; a `local` server takes `location` as its `path` when `path` is not given.
 */
export function serverOf(
  port: DraftOutputPort | undefined,
): OdcsServer | undefined {
  const type = text(port?.type)?.toLowerCase();
  if (!port || !type) return undefined;
  const server: Record<string, unknown> = {
    server: text(port.name) ?? 'production',
    type,
  };
  const environment = text(port.environment);
  if (environment) server.environment = environment;
  for (const key of KEYS_BY_TYPE[type] ?? [
    'host',
    'port',
    'database',
    'schema',
    'location',
    'format',
  ]) {
    const value = key === 'path' ? port.path ?? port.location : port[key];
    if (
      key === 'port' &&
      value !== undefined &&
      value !== '' &&
      /^\d+$/.test(String(value))
    ) {
      server.port = Number(value);
      continue;
    }
    const written = text(value);
    if (written) server[key] = written;
  }
  if (type === 'kafka' && text(port.topic)) {
    server.description = `Topic ${text(port.topic)}.`;
  }
  return server as unknown as OdcsServer;
}
