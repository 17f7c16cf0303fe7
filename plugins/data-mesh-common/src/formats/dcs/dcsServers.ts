import type { OdcsCustomProperty, OdcsRole } from '../../odcs/model';
import type { ConversionTrace } from '../conversionTrace';
import { addKeptFields, keepUnmapped } from '../keptFields';
import { odcsServerFields, odcsServerType } from '../odcsServers';
import type { Converted } from '../types';
import { isRecord } from '../../parsedValues';

const COMMON_KEYS = ['description', 'environment'];

function convertRole(role: unknown): Converted<OdcsRole> {
  if (!isRecord(role)) return { role: String(role) };
  const out: Converted<OdcsRole> = {};
  if (role.name !== undefined) out.role = role.name;
  if (typeof role.description === 'string') out.description = role.description;
  addKeptFields(out, keepUnmapped(role, ['name', 'description']));
  return out;
}

/**
 * Converts the DCS `servers` mapping to the ODCS `servers` list: the key → `server`, `type`
 * → `type` (the ODCS type of the same name, or `custom` with the DCS type kept as the
 * custom property `type`), `description`, `environment`, `roles` (`name` → `role`), and the
 * connection fields the ODCS type defines (`location`, `host`, `port`, …). Connection fields
 * the ODCS type does not define (a Kafka `topic`, …) are kept in `customProperties`.
 */
export function convertDcsServers(
  servers: Record<string, unknown>,
  trace: ConversionTrace,
): Record<string, unknown>[] {
  return Object.entries(servers).map(([name, server], index) => {
    trace.link(['servers', index], ['servers', name]);
    const out: Record<string, unknown> = { server: name };
    if (!isRecord(server)) {
      trace.error(
        ['servers', name],
        'type',
        `server "${name}" must be a mapping with a "type"; write it as one or remove it.`,
      );
      return out;
    }
    const kept: OdcsCustomProperty[] = [];
    const dcsType = typeof server.type === 'string' ? server.type : undefined;
    const type = dcsType ? odcsServerType(dcsType) : undefined;
    if (type) out.type = type;
    if (dcsType && type !== dcsType)
      kept.push({ property: 'type', value: dcsType });
    const mapped = new Set(['type', 'roles']);
    for (const key of COMMON_KEYS) {
      if (server[key] !== undefined) {
        out[key] = server[key];
        mapped.add(key);
      }
    }
    for (const key of type ? odcsServerFields(type) : []) {
      if (server[key] !== undefined) {
        out[key] = server[key];
        mapped.add(key);
        trace.link(['servers', index, key], ['servers', name, key]);
      }
    }
    if (Array.isArray(server.roles)) out.roles = server.roles.map(convertRole);
    else if (server.roles !== undefined) mapped.delete('roles');
    kept.push(...keepUnmapped(server, mapped));
    addKeptFields(out, kept);
    return out;
  });
}
