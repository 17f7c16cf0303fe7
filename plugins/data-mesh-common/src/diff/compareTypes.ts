import { ChangeLog, describeValue } from './changeLog';

interface PhysicalType {
  base: string;
  params: number[];
}

function parsePhysicalType(text: string): PhysicalType | undefined {
  const match = /^\s*([A-Za-z][\w ]*?)\s*(?:\(\s*([\d\s,]+)\s*\))?\s*$/.exec(
    text,
  );
  if (!match) return undefined;
  const params = match[2] ? match[2].split(',').map(p => Number(p.trim())) : [];
  if (params.some(p => !Number.isFinite(p))) return undefined;
  return { base: match[1].toLowerCase().replace(/\s+/g, ' '), params };
}

/**
 * Compares the logical type of a property. Any change of logical type breaks the readers that
 * decode the value; stating a type where there was none is a stronger promise.
 */
export function compareLogicalType(
  log: ChangeLog,
  at: string,
  label: string,
  was: unknown,
  now: unknown,
) {
  if (was === now) return;
  if (now === undefined || now === null) {
    log.warning(
      'type-changed',
      at,
      `${label} no longer states its logical type (was ${describeValue(
        was,
      )}): consumers lose the promise of what they will decode.`,
      was,
      now,
    );
  } else if (was === undefined || was === null) {
    log.info(
      'type-changed',
      at,
      `${label} now states its logical type ${describeValue(
        now,
      )}: a stronger promise, consumers stay safe.`,
      'minor',
      was,
      now,
    );
  } else {
    log.breaking(
      'type-changed',
      at,
      `${label} changed its logical type from ${describeValue(
        was,
      )} to ${describeValue(now)}: consumers decoding ${describeValue(
        was,
      )} values break.`,
      was,
      now,
    );
  }
}

/**
 * Compares the physical type of a property. Within one base type, larger parameters (a longer
 * VARCHAR, a wider DECIMAL) are a weaker promise and smaller ones a stronger promise; a change of
 * base type breaks readers of the old type.
 */
export function comparePhysicalType(
  log: ChangeLog,
  at: string,
  label: string,
  was: unknown,
  now: unknown,
) {
  if (typeof was === 'string' && typeof now === 'string') {
    if (was.trim().toLowerCase() === now.trim().toLowerCase()) return;
    const [a, b] = [parsePhysicalType(was), parsePhysicalType(now)];
    if (
      a &&
      b &&
      a.base === b.base &&
      a.params.length === b.params.length &&
      a.params.length
    ) {
      const wider = b.params.some((p, i) => p > a.params[i]);
      const narrower = b.params.some((p, i) => p < a.params[i]);
      if (wider) {
        log.breaking(
          'type-changed',
          at,
          `${label} widened its physical type from ${describeValue(
            was,
          )} to ${describeValue(
            now,
          )}: longer or larger values may now arrive and overflow consumers' columns.`,
          was,
          now,
        );
      } else if (narrower) {
        log.info(
          'type-changed',
          at,
          `${label} narrowed its physical type from ${describeValue(
            was,
          )} to ${describeValue(
            now,
          )}: every new value fits the old type, consumers stay safe.`,
          'minor',
          was,
          now,
        );
      }
      return;
    }
    log.breaking(
      'type-changed',
      at,
      `${label} changed its physical type from ${describeValue(
        was,
      )} to ${describeValue(now)}: consumers reading ${describeValue(
        was,
      )} can break.`,
      was,
      now,
    );
    return;
  }
  if (was === now) return;
  if (now === undefined || now === null) {
    log.warning(
      'type-changed',
      at,
      `${label} no longer states its physical type (was ${describeValue(
        was,
      )}).`,
      was,
      now,
    );
  } else if (was === undefined || was === null) {
    log.info(
      'type-changed',
      at,
      `${label} now states its physical type ${describeValue(now)}.`,
      'minor',
      was,
      now,
    );
  } else {
    log.breaking(
      'type-changed',
      at,
      `${label} changed its physical type from ${describeValue(
        was,
      )} to ${describeValue(now)}.`,
      was,
      now,
    );
  }
}
