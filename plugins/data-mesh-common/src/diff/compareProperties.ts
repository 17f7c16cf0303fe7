import {
  ChangeLog,
  changePath,
  sameContractValue,
  describeValue,
} from './changeLog';
import { compareConstraints } from './compareConstraints';
import { compareAllowedValues } from './compareValueLists';
import { compareQuality } from './compareQuality';
import { compareSensitivity } from './compareSensitivity';
import { compareLogicalType, comparePhysicalType } from './compareTypes';
import type {
  OdcsPropertyBase,
  OdcsPropertyRelationship,
  OdcsSchemaRelationship,
} from '../odcs/model';
import type { Partly } from './types';
import { matchElements } from './match';

const DOC_KEYS = [
  'description',
  'businessName',
  'tags',
  'examples',
  'criticalDataElement',
  'transformLogic',
  'transformDescription',
  'transformSourceObjects',
  'authoritativeDefinitions',
] as const;

function nameOf(property: Partly<OdcsPropertyBase>): string | undefined {
  return typeof property.name === 'string' ? property.name : undefined;
}

/**
 * Compares two versions of a list of properties (the columns of a schema object, or the
 * nested properties of an object-typed property).
 */
export function compareProperties(
  log: ChangeLog,
  path: string,
  label: string,
  before: readonly Partly<OdcsPropertyBase>[] | undefined,
  after: readonly Partly<OdcsPropertyBase>[] | undefined,
) {
  for (const { before: was, after: now, renamed } of matchElements(
    before,
    after,
    nameOf,
  )) {
    const name = nameOf(now ?? was!) ?? '(unnamed)';
    const at = changePath(path, 'properties', name);
    const field = label ? `${label}.${name}` : name;
    if (!now) {
      log.breaking(
        'property-removed',
        changePath(path, 'properties', nameOf(was!) ?? '(unnamed)'),
        `Field ${field} was removed: consumers reading it break.`,
      );
    } else if (!was) {
      const extra = now.required
        ? ' It is required, so producers must fill it from the first release.'
        : '';
      log.info(
        'property-added',
        at,
        `Field ${field} was added: consumers that ignore unknown fields stay safe.${extra}`,
        'minor',
      );
    } else {
      if (renamed) {
        log.breaking(
          'property-renamed',
          at,
          `Field ${label ? `${label}.` : ''}${describeValue(
            was.name,
          )} was renamed to ${describeValue(now.name)} (same id ${describeValue(
            now.id,
          )}): consumers selecting the old name break.`,
          was.name,
          now.name,
        );
      }
      compareProperty(log, at, `Field ${field}`, was, now);
    }
  }
}

/** Compares two versions of one property, rule by rule. */
export function compareProperty(
  log: ChangeLog,
  at: string,
  label: string,
  was: Partly<OdcsPropertyBase>,
  now: Partly<OdcsPropertyBase>,
) {
  if (!sameContractValue(was.physicalName, now.physicalName)) {
    if (now.physicalName === undefined) {
      log.warning(
        'physical-name-changed',
        changePath(at, 'physicalName'),
        `${label} no longer states its physical name (was ${describeValue(
          was.physicalName,
        )}).`,
        was.physicalName,
        now.physicalName,
      );
    } else if (was.physicalName === undefined) {
      log.info(
        'physical-name-changed',
        changePath(at, 'physicalName'),
        `${label} now states its physical name ${describeValue(
          now.physicalName,
        )}.`,
        'patch',
        was.physicalName,
        now.physicalName,
      );
    } else {
      log.breaking(
        'physical-name-changed',
        changePath(at, 'physicalName'),
        `${label} changed its physical name from ${describeValue(
          was.physicalName,
        )} to ${describeValue(
          now.physicalName,
        )}: queries on the old column break.`,
        was.physicalName,
        now.physicalName,
      );
    }
  }
  compareLogicalType(
    log,
    changePath(at, 'logicalType'),
    label,
    was.logicalType,
    now.logicalType,
  );
  comparePhysicalType(
    log,
    changePath(at, 'physicalType'),
    label,
    was.physicalType,
    now.physicalType,
  );

  if (Boolean(was.required) !== Boolean(now.required)) {
    if (now.required) {
      log.info(
        'required-changed',
        changePath(at, 'required'),
        `${label} is now required: a stronger promise, consumers stay safe (the producer must never send nulls).`,
        'minor',
        was.required,
        now.required,
      );
    } else {
      log.breaking(
        'required-changed',
        changePath(at, 'required'),
        `${label} is no longer required: consumers may now receive nulls.`,
        was.required,
        now.required,
      );
    }
  }
  if (Boolean(was.unique) !== Boolean(now.unique)) {
    if (now.unique) {
      log.info(
        'unique-changed',
        changePath(at, 'unique'),
        `${label} is now unique: a stronger promise, consumers stay safe.`,
        'minor',
        was.unique,
        now.unique,
      );
    } else {
      log.breaking(
        'unique-changed',
        changePath(at, 'unique'),
        `${label} is no longer unique: consumers may now receive duplicates.`,
        was.unique,
        now.unique,
      );
    }
  }
  compareConstraints(
    log,
    at,
    label,
    was.logicalTypeOptions,
    now.logicalTypeOptions,
  );
  compareAllowedValues(log, changePath(at, 'enum'), label, was.enum, now.enum);
  compareSensitivity(log, at, label, was, now);
  compareEncryption(log, at, label, was, now);
  compareRelationships(log, at, label, was.relationships, now.relationships);
  compareQuality(log, at, label, was.quality, now.quality);

  const fieldName = label.replace(/^Field /, '');
  if (was.properties || now.properties) {
    compareProperties(log, at, fieldName, was.properties, now.properties);
  }
  if (was.items || now.items) {
    if (!now.items) {
      log.breaking(
        'type-changed',
        changePath(at, 'items'),
        `${label} no longer describes its array items: consumers lose the promise of what the items hold.`,
      );
    } else if (!was.items) {
      log.info(
        'type-changed',
        changePath(at, 'items'),
        `${label} now describes its array items.`,
        'minor',
      );
    } else {
      compareProperty(
        log,
        changePath(at, 'items'),
        `${label} (items)`,
        was.items,
        now.items,
      );
    }
  }

  for (const side of ['key', 'value'] as const) {
    const [a, b] = [was.map?.[side], now.map?.[side]];
    if (a && b)
      compareProperty(
        log,
        changePath(at, 'map', side),
        `${label} (map ${side}s)`,
        a,
        b,
      );
    else if (a)
      log.breaking(
        'type-changed',
        changePath(at, 'map', side),
        `${label} no longer describes its map ${side}s.`,
      );
    else if (b)
      log.info(
        'type-changed',
        changePath(at, 'map', side),
        `${label} now describes its map ${side}s.`,
        'minor',
      );
  }
  if (Boolean(was.deprecated) !== Boolean(now.deprecated)) {
    if (now.deprecated) {
      log.warning(
        'status-changed',
        changePath(at, 'deprecated'),
        `${label} is now deprecated: consumers should stop using it before it is removed.`,
        was.deprecated,
        now.deprecated,
      );
    } else {
      log.info(
        'status-changed',
        changePath(at, 'deprecated'),
        `${label} is no longer deprecated.`,
        'patch',
        was.deprecated,
        now.deprecated,
      );
    }
  }
  const docs = DOC_KEYS.filter(
    key =>
      !sameContractValue(
        was[key as keyof Partly<OdcsPropertyBase>],
        now[key as keyof Partly<OdcsPropertyBase>],
      ),
  );
  if (docs.length) {
    log.info(
      'description-changed',
      at,
      `${label} changed its ${docs.join(', ')}.`,
      'patch',
    );
  }
}

function compareEncryption(
  log: ChangeLog,
  at: string,
  label: string,
  was: Partly<OdcsPropertyBase>,
  now: Partly<OdcsPropertyBase>,
) {
  const [e0, e1] = [was.encryptedName, now.encryptedName];
  if (e0 === e1) return;
  const path = changePath(at, 'encryptedName');
  if (!e1) {
    log.breaking(
      'physical-name-changed',
      path,
      `${label} no longer names its encrypted column ${describeValue(
        e0,
      )}: consumers reading the encrypted value break.`,
      e0,
      e1,
    );
  } else if (!e0) {
    log.info(
      'physical-name-changed',
      path,
      `${label} now names its encrypted column ${describeValue(e1)}.`,
      'minor',
      e0,
      e1,
    );
  } else {
    log.breaking(
      'physical-name-changed',
      path,
      `${label} renamed its encrypted column from ${describeValue(
        e0,
      )} to ${describeValue(e1)}: consumers reading the encrypted value break.`,
      e0,
      e1,
    );
  }
}

function relationshipKey(
  r: Partly<OdcsPropertyRelationship | OdcsSchemaRelationship>,
): string {
  const side = (v: unknown) =>
    Array.isArray(v) ? v.join(',') : String(v ?? '');
  return `${r.type ?? 'foreignKey'}:${side(
    'from' in r ? r.from : undefined,
  )}->${side(r.to)}`;
}

/**
 * Compares relationships (foreign keys). A removed relationship withdraws the promise that a
 * join holds; a new one adds a promise.
 */
export function compareRelationships(
  log: ChangeLog,
  at: string,
  label: string,
  before:
    | readonly Partly<OdcsPropertyRelationship | OdcsSchemaRelationship>[]
    | undefined,
  after:
    | readonly Partly<OdcsPropertyRelationship | OdcsSchemaRelationship>[]
    | undefined,
) {
  const olds = new Map(
    (Array.isArray(before) ? before : []).map(r => [relationshipKey(r), r]),
  );
  const news = new Map(
    (Array.isArray(after) ? after : []).map(r => [relationshipKey(r), r]),
  );
  for (const [key, r] of olds) {
    if (!news.has(key)) {
      log.breaking(
        'relationship-changed',
        changePath(at, 'relationships', key),
        `${label} no longer promises the relationship ${describeValue(
          r.to,
        )}: consumers joining on it lose the guarantee.`,
      );
    }
  }
  for (const [key, r] of news) {
    if (!olds.has(key)) {
      log.info(
        'relationship-changed',
        changePath(at, 'relationships', key),
        `${label} now promises the relationship ${describeValue(r.to)}.`,
        'minor',
      );
    }
  }
}
