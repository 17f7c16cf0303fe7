import {
  ChangeLog,
  changePath,
  sameContractValue,
  describeValue,
} from './changeLog';
import { compareProperties, compareRelationships } from './compareProperties';
import { compareQuality } from './compareQuality';
import type { OdcsPropertyBase, OdcsSchemaObject } from '../odcs/model';
import type { Partly } from './types';
import { matchElements } from './match';

/** Physical types of a schema object consumers query as a relation, with SQL. */
const QUERIED_TYPES = new Set([
  'table',
  'view',
  'materialized view',
  'materialized_view',
]);

/** Whether a schema object of this physical type is queried as a relation (a table or view). */
function isQueried(physicalType: unknown): boolean {
  return (
    typeof physicalType === 'string' &&
    QUERIED_TYPES.has(physicalType.trim().toLocaleLowerCase('en-US'))
  );
}

function nameOf(object: Partly<OdcsSchemaObject>): string | undefined {
  return typeof object.name === 'string' ? object.name : undefined;
}

/** The top-level columns flagged by `flag`, ordered by their position (then list order). */
function keyColumns(
  object: Partly<OdcsSchemaObject>,
  flag: 'primaryKey' | 'partitioned',
  position: 'primaryKeyPosition' | 'partitionKeyPosition',
): string[] {
  const props = Array.isArray(object.properties) ? object.properties : [];
  return props
    .map((p: Partly<OdcsPropertyBase>, i) => ({ p, i }))
    .filter(({ p }) => p?.[flag] === true)
    .sort((a, b) => rank(a.p[position]) - rank(b.p[position]) || a.i - b.i)
    .map(({ p }) => p.id ?? p.name ?? '(unnamed)');
}

function rank(position: unknown): number {
  return typeof position === 'number' && position > 0
    ? position
    : Number.MAX_SAFE_INTEGER;
}

/**
 * Compares the schema objects (tables, topics, files) of two contracts, and within each its
 * properties, keys, relationships and quality rules.
 */
export function compareSchema(
  log: ChangeLog,
  before: readonly Partly<OdcsSchemaObject>[] | undefined,
  after: readonly Partly<OdcsSchemaObject>[] | undefined,
) {
  for (const { before: was, after: now, renamed } of matchElements(
    before,
    after,
    nameOf,
  )) {
    const name = nameOf(now ?? was!) ?? '(unnamed)';
    const at = changePath('schema', name);
    if (!now) {
      log.breaking(
        'object-removed',
        changePath('schema', nameOf(was!) ?? '(unnamed)'),
        `Schema object ${name} was removed: every consumer reading it breaks.`,
      );
      continue;
    }
    if (!was) {
      log.info(
        'object-added',
        at,
        `Schema object ${name} was added: existing consumers stay safe.`,
        'minor',
      );
      continue;
    }
    if (renamed) {
      log.breaking(
        'object-renamed',
        at,
        `Schema object ${describeValue(
          was.name,
        )} was renamed to ${describeValue(now.name)} (same id ${describeValue(
          now.id,
        )}): consumers using the old name break.`,
        was.name,
        now.name,
      );
    }
    compareObject(log, at, name, was, now);
  }
}

function compareObject(
  log: ChangeLog,
  at: string,
  name: string,
  was: Partly<OdcsSchemaObject>,
  now: Partly<OdcsSchemaObject>,
) {
  const label = `Schema object ${name}`;
  if (!sameContractValue(was.physicalName, now.physicalName)) {
    if (was.physicalName !== undefined && now.physicalName !== undefined) {
      log.breaking(
        'physical-name-changed',
        changePath(at, 'physicalName'),
        `${label} changed its physical name from ${describeValue(
          was.physicalName,
        )} to ${describeValue(
          now.physicalName,
        )}: queries on the old table break.`,
        was.physicalName,
        now.physicalName,
      );
    } else {
      log.info(
        'physical-name-changed',
        changePath(at, 'physicalName'),
        `${label} changed its physical name from ${describeValue(
          was.physicalName,
        )} to ${describeValue(now.physicalName)}.`,
        'patch',
        was.physicalName,
        now.physicalName,
      );
    }
  }
  if (
    !sameContractValue(was.physicalType, now.physicalType) &&
    was.physicalType !== undefined &&
    now.physicalType !== undefined
  ) {
    if (isQueried(was.physicalType) && !isQueried(now.physicalType)) {
      log.breaking(
        'type-changed',
        changePath(at, 'physicalType'),
        `${label} changed from a ${describeValue(
          was.physicalType,
        )} to a ${describeValue(
          now.physicalType,
        )}: consumers that query it as a relation (SQL) no longer can.`,
        was.physicalType,
        now.physicalType,
      );
    } else {
      log.warning(
        'type-changed',
        changePath(at, 'physicalType'),
        `${label} changed from a ${describeValue(
          was.physicalType,
        )} to a ${describeValue(
          now.physicalType,
        )}: check how consumers access it.`,
        was.physicalType,
        now.physicalType,
      );
    }
  }
  comparePrimaryKey(log, at, label, was, now);
  const [p0, p1] = [
    keyColumns(was, 'partitioned', 'partitionKeyPosition'),
    keyColumns(now, 'partitioned', 'partitionKeyPosition'),
  ];
  if (!sameContractValue(p0, p1)) {
    log.warning(
      'partitioning-changed',
      changePath(at, 'partitioning'),
      `${label} changed its partitioning from ${describeValue(
        p0,
      )} to ${describeValue(
        p1,
      )}: queries that prune by partition may slow down or need changes.`,
      p0,
      p1,
    );
  }
  compareProperties(log, at, name, was.properties, now.properties);
  compareRelationships(log, at, label, was.relationships, now.relationships);
  compareQuality(log, at, label, was.quality, now.quality);
  const docs = (
    [
      'description',
      'businessName',
      'tags',
      'dataGranularityDescription',
      'customProperties',
    ] as const
  ).filter(key => !sameContractValue(was[key], now[key]));
  if (docs.length)
    log.info(
      'description-changed',
      at,
      `${label} changed its ${docs.join(', ')}.`,
      'patch',
    );
}

/**
 * A primary key promises which columns identify a row. Consumers that merge or deduplicate by
 * the key break when it grows or changes; when it shrinks, the old key still identifies rows,
 * but the grain of the data changed.
 */
function comparePrimaryKey(
  log: ChangeLog,
  at: string,
  label: string,
  was: Partly<OdcsSchemaObject>,
  now: Partly<OdcsSchemaObject>,
) {
  const [k0, k1] = [
    keyColumns(was, 'primaryKey', 'primaryKeyPosition'),
    keyColumns(now, 'primaryKey', 'primaryKeyPosition'),
  ];
  if (sameContractValue(k0, k1)) return;
  const names = (keys: string[], object: Partly<OdcsSchemaObject>) =>
    keys.map(
      k => object.properties?.find(p => (p.id ?? p.name) === k)?.name ?? k,
    );
  const [n0, n1] = [names(k0, was), names(k1, now)];
  const path = changePath(at, 'primaryKey');
  if (k1.length === 0) {
    log.breaking(
      'primary-key-changed',
      path,
      `${label} no longer has a primary key (was ${describeValue(
        n0,
      )}): consumers merging or deduplicating by it break.`,
      n0,
      n1,
    );
  } else if (k0.length === 0) {
    log.info(
      'primary-key-changed',
      path,
      `${label} now declares the primary key ${describeValue(
        n1,
      )}: a stronger promise, consumers stay safe.`,
      'minor',
      n0,
      n1,
    );
  } else if (k1.every(k => k0.includes(k)) && k1.length < k0.length) {
    log.warning(
      'primary-key-changed',
      path,
      `${label} narrowed its primary key from ${describeValue(
        n0,
      )} to ${describeValue(
        n1,
      )}: the old key still identifies rows, but the grain changed.`,
      n0,
      n1,
    );
  } else if (k1.length === k0.length && k1.every(k => k0.includes(k))) {
    log.warning(
      'primary-key-changed',
      path,
      `${label} reordered its primary key from ${describeValue(
        n0,
      )} to ${describeValue(n1)}.`,
      n0,
      n1,
    );
  } else {
    log.breaking(
      'primary-key-changed',
      path,
      `${label} changed its primary key from ${describeValue(
        n0,
      )} to ${describeValue(
        n1,
      )}: consumers merging or deduplicating by the old key break.`,
      n0,
      n1,
    );
  }
}
