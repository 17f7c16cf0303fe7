import {
  ChangeLog,
  changePath,
  sameContractValue,
  describeValue,
} from './changeLog';
import type { OdcsServer } from '../odcs/model';
import { type Partly, valueAt } from './types';
import { matchElements } from './match';

/** Server fields that do not say where or how to connect. */
const NOT_CONNECTION = new Set([
  'id',
  'server',
  'description',
  'environment',
  'roles',
  'customProperties',
]);

function serverName(server: Partly<OdcsServer>): string | undefined {
  return typeof server.server === 'string' ? server.server : undefined;
}

/**
 * Compares the servers of two contracts. A server or a location is where consumers connect:
 * removing one, or moving it (host, port, database, schema, path, location, format, topic...),
 * breaks the consumers that read from it.
 */
export function compareServers(
  log: ChangeLog,
  before: readonly Partly<OdcsServer>[] | undefined,
  after: readonly Partly<OdcsServer>[] | undefined,
) {
  for (const { before: was, after: now, renamed } of matchElements(
    before,
    after,
    serverName,
  )) {
    const name =
      serverName(now ?? was!) ?? String((now ?? was!).type ?? '(unnamed)');
    const at = changePath('servers', name);
    if (!now) {
      log.breaking(
        'server-removed',
        at,
        `Server ${name} was removed: consumers reading from it break.`,
      );
      continue;
    }
    if (!was) {
      log.info(
        'server-added',
        at,
        `Server ${name} was added: existing consumers stay safe.`,
        'minor',
      );
      continue;
    }
    if (renamed) {
      log.warning(
        'server-changed',
        at,
        `Server ${describeValue(was.server)} was renamed to ${describeValue(
          now.server,
        )}: tools that select servers by name must follow.`,
        was.server,
        now.server,
      );
    }
    const keys = new Set(
      [...Object.keys(was), ...Object.keys(now)].filter(
        k => !NOT_CONNECTION.has(k),
      ),
    );
    for (const key of keys) {
      if (sameContractValue(valueAt(was, key), valueAt(now, key))) continue;
      log.breaking(
        'server-changed',
        changePath(at, key),
        `Server ${name} changed its ${key} from ${describeValue(
          valueAt(was, key),
        )} to ${describeValue(
          valueAt(now, key),
        )}: consumers connecting to the old location break.`,
        valueAt(was, key),
        valueAt(now, key),
      );
    }
    if (!sameContractValue(was.environment, now.environment)) {
      log.warning(
        'server-changed',
        changePath(at, 'environment'),
        `Server ${name} changed its environment from ${describeValue(
          was.environment,
        )} to ${describeValue(now.environment)}.`,
        was.environment,
        now.environment,
      );
    }
    compareRoles(log, at, `Server ${name}`, was.roles, now.roles);
    if (
      !sameContractValue(was.description, now.description) ||
      !sameContractValue(was.customProperties, now.customProperties)
    ) {
      log.info(
        'server-changed',
        at,
        `Server ${name} changed its description or custom properties.`,
        'patch',
      );
    }
  }
}

/** Compares access roles: a removed role can cut consumers off; a new one grants access. */
export function compareRoles(
  log: ChangeLog,
  at: string,
  label: string,
  before: unknown,
  after: unknown,
) {
  const roleName = (r: unknown) =>
    typeof r === 'object' &&
    r !== null &&
    typeof (r as { role?: unknown }).role === 'string'
      ? (r as { role: string }).role
      : JSON.stringify(r);
  const olds = new Map(
    (Array.isArray(before) ? before : []).map(r => [roleName(r), r]),
  );
  const news = new Map(
    (Array.isArray(after) ? after : []).map(r => [roleName(r), r]),
  );
  for (const [name, role] of olds) {
    if (!news.has(name)) {
      log.warning(
        'metadata-changed',
        changePath(at, 'roles', name),
        `${label} no longer offers the access role ${describeValue(
          name,
        )}: consumers who use it lose access.`,
      );
    } else if (!sameContractValue(role, news.get(name))) {
      log.warning(
        'metadata-changed',
        changePath(at, 'roles', name),
        `${label} changed the access role ${describeValue(
          name,
        )}: check its access level and approvers.`,
      );
    }
  }
  for (const name of news.keys()) {
    if (!olds.has(name))
      log.info(
        'metadata-changed',
        changePath(at, 'roles', name),
        `${label} offers a new access role ${describeValue(name)}.`,
        'minor',
      );
  }
}
