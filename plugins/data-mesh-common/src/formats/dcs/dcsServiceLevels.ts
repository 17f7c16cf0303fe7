import type { OdcsCustomProperty, OdcsSlaProperty } from '../../odcs/model';
import type { ConversionTrace } from '../conversionTrace';
import { keepUnmapped } from '../keptFields';
import { toOdcsSlaValue } from '../slaValue';
import type { Converted } from '../types';
import { isRecord, ownEntry } from '../../parsedValues';

type SlaProperty = Converted<OdcsSlaProperty>;

/** What one DCS service level turned into. */
interface LevelConversion {
  sla: SlaProperty[];
  /** Keys of the DCS service level the SLA properties hold. */
  used: string[];
}

function slaProperty(
  property: string,
  raw: unknown,
  extra: SlaProperty = {},
): SlaProperty {
  const { value, unit } = toOdcsSlaValue(raw);
  const out: SlaProperty = { property, value };
  if (unit !== undefined) out.unit = unit;
  for (const [key, extraValue] of Object.entries(extra)) {
    if (extraValue !== undefined) out[key as keyof SlaProperty] = extraValue;
  }
  return out;
}

function described(level: Record<string, unknown>): SlaProperty {
  return typeof level.description === 'string'
    ? { description: level.description }
    : {};
}

/** A schedule: an interval word (`daily`) is the value; a cron expression the schedule. */
function scheduled(
  property: string,
  level: Record<string, unknown>,
): LevelConversion {
  const { interval, cron } = level;
  if (interval !== undefined) {
    const sla = slaProperty(property, interval, {
      ...(cron !== undefined ? { scheduler: 'cron', schedule: cron } : {}),
      ...described(level),
    });
    return { sla: [sla], used: ['interval', 'cron', 'description'] };
  }
  if (cron !== undefined) {
    return {
      sla: [
        slaProperty(property, cron, { scheduler: 'cron', ...described(level) }),
      ],
      used: ['cron', 'description'],
    };
  }
  return {
    sla: [slaProperty(property, null, described(level))],
    used: ['description'],
  };
}

const LEVELS: Readonly<
  Record<string, (level: Record<string, unknown>) => LevelConversion>
> = {
  availability: level => ({
    sla: [
      slaProperty('availability', level.percentage ?? null, described(level)),
    ],
    used: ['percentage', 'description'],
  }),
  retention: level => ({
    sla: [
      slaProperty('retention', level.period ?? null, {
        element: level.timestampField,
        ...described(level),
      }),
    ],
    used: ['period', 'timestampField', 'description'],
  }),
  latency: level => {
    const both =
      typeof level.sourceTimestampField === 'string' &&
      typeof level.processedTimestampField === 'string';
    return {
      sla: [
        slaProperty('latency', level.threshold ?? null, {
          element: both
            ? `${level.sourceTimestampField},${level.processedTimestampField}`
            : undefined,
          ...described(level),
        }),
      ],
      used: [
        'threshold',
        'description',
        ...(both ? ['sourceTimestampField', 'processedTimestampField'] : []),
      ],
    };
  },
  freshness: level => ({
    sla: [
      slaProperty('freshness', level.threshold ?? null, {
        element: level.timestampField,
        ...described(level),
      }),
    ],
    used: ['threshold', 'timestampField', 'description'],
  }),
  frequency: level => {
    const conversion = scheduled('frequency', level);
    if (
      level.interval === undefined &&
      level.cron === undefined &&
      level.type !== undefined
    ) {
      conversion.sla[0].value = level.type as string;
      conversion.used.push('type');
    }
    return conversion;
  },
  support: level => {
    const sla = [slaProperty('support', level.time ?? null, described(level))];
    if (level.responseTime !== undefined) {
      sla.push(slaProperty('supportResponseTime', level.responseTime));
    }
    return { sla, used: ['time', 'responseTime', 'description'] };
  },
  backup: level => {
    const conversion = scheduled('backup', level);
    if (level.recoveryTime !== undefined) {
      conversion.sla.push(
        slaProperty('backupRecoveryTime', level.recoveryTime),
      );
    }
    if (level.recoveryPoint !== undefined) {
      conversion.sla.push(
        slaProperty('backupRecoveryPoint', level.recoveryPoint),
      );
    }
    conversion.used.push('recoveryTime', 'recoveryPoint');
    return conversion;
  },
};

/** The attributes that hold a service level's target, in the known levels' words. */
const TARGETS = ['percentage', 'threshold', 'period'] as const;

/**
 * A service level DCS does not define (`completeness`, `accuracy`...), read by the
 * attribute names of the ones it does: `percentage` (as `availability`), `threshold` (as
 * `freshness`, with `timestampField` as the element) or `period` (as `retention`). One with
 * none of them is kept whole.
 */
function customLevel(
  kind: string,
  level: Record<string, unknown>,
): ((level: Record<string, unknown>) => LevelConversion) | undefined {
  const target = TARGETS.find(key => level[key] !== undefined);
  if (!target) return undefined;
  return () => ({
    sla: [
      slaProperty(kind, level[target], {
        element: level.timestampField,
        ...described(level),
      }),
    ],
    used: [target, 'timestampField', 'description'],
  });
}

/**
 * Converts DCS `servicelevels` to ODCS `slaProperties`. `availability` stays `availability`
 * (ODCS's `generalAvailability` is a date, not an uptime); `retention`, `latency`,
 * `freshness`, `frequency`, `support` and `backup` keep their names, with
 * `supportResponseTime`, `backupRecoveryTime` and `backupRecoveryPoint` for the extra
 * targets. Thresholds and periods are read into `value` + `unit` (`25h` → 25 `h`,
 * `P1Y` → 1 `y`, `99.9%` → 99.9 `percent`); timestamp fields become `element`; cron expressions `schedule`.
 * A service level DCS does not define but states like the others (`completeness:
 * { percentage: 99.5% }`) becomes the SLA property of its name (see {@link customLevel}).
 * Attributes with no ODCS place, and unknown service levels without a target, are returned
 * as contract-level custom properties named by their path (`servicelevels.retention.unlimited`).
 */
export function convertDcsServiceLevels(
  servicelevels: Record<string, unknown>,
  trace: ConversionTrace,
): { slaProperties: SlaProperty[]; kept: OdcsCustomProperty[] } {
  const slaProperties: SlaProperty[] = [];
  const kept: OdcsCustomProperty[] = [];
  for (const [kind, level] of Object.entries(servicelevels)) {
    const convert =
      ownEntry(LEVELS, kind) ??
      (isRecord(level) ? customLevel(kind, level) : undefined);
    if (!convert || !isRecord(level)) {
      kept.push({ property: `servicelevels.${kind}`, value: level });
      continue;
    }
    const { sla, used } = convert(level);
    for (const property of sla) {
      trace.link(
        ['slaProperties', slaProperties.length],
        ['servicelevels', kind],
      );
      slaProperties.push(property);
    }
    kept.push(...keepUnmapped(level, used, `servicelevels.${kind}`));
  }
  return { slaProperties, kept };
}
