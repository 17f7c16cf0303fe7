import type { OdcsCustomProperty } from '../odcs/model';
import type { PathSegment } from '../issues';
import type { ConversionTrace } from './conversionTrace';
import { keepUnmapped } from './keptFields';
import { odcsServerFields } from './odcsServers';
import { PORT_TYPE_PROPERTY } from './ports';
import { isRecord, scalarText } from '../parsedValues';

/**
 * Converts the output ports of an in-house format to ODCS servers. The ports name no
 * connection details ODCS requires of a typed server (a Kafka host, an API URL), so each
 * becomes a `custom` server: `name` (or the port type) → `server`, the port `type` → the
 * custom property `portType`, `location`/`path`/`catalog`/... → the custom server's fields
 * of the same name, anything else → `customProperties`.
 */
export function convertOutputPorts(
  ports: readonly unknown[],
  source: readonly PathSegment[],
  firstIndex: number,
  trace: ConversionTrace,
): Record<string, unknown>[] {
  const taken = new Map<string, number>();
  return ports.map((port, index) => {
    const at = [...source, index];
    trace.link(['servers', firstIndex + index], at);
    const entry = isRecord(port) ? port : { name: port };
    const base =
      scalarText(entry.name) ?? scalarText(entry.type) ?? `output-${index + 1}`;
    const count = (taken.get(base) ?? 0) + 1;
    taken.set(base, count);
    const out: Record<string, unknown> = {
      server: count === 1 ? base : `${base}-${count}`,
      type: 'custom',
    };
    const mapped = new Set(['name', 'type']);
    for (const key of odcsServerFields('custom')) {
      if (entry[key] !== undefined) {
        out[key] = entry[key];
        mapped.add(key);
        trace.link(['servers', firstIndex + index, key], [...at, key]);
      }
    }
    if (typeof entry.description === 'string') {
      out.description = entry.description;
      mapped.add('description');
    }
    const kept: OdcsCustomProperty[] = [];
    if (entry.type !== undefined)
      kept.push({ property: PORT_TYPE_PROPERTY, value: entry.type });
    if (entry.name !== undefined && scalarText(entry.name) === undefined)
      mapped.delete('name');
    kept.push(...keepUnmapped(entry, mapped));
    out.customProperties = kept;
    return out;
  });
}
