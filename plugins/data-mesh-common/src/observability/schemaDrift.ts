/**
 * Schema drift: the schema the data really has (what the engine describes) compared with
 * the contract, through the same comparison the contract diff uses, as if the data were a
 * new version of the contract. What would break a consumer breaks the contract here too.
 */
import type { DriftFinding } from '../api';
import { diffContracts } from '../diff/diffContracts';
import { changePath } from '../diff/changeLog';
import type { OdcsContract, OdcsLogicalType } from '../odcs/model';
import { logicalTypeOf } from '../formats/logicalTypeOf';

/**
 * A column of the data as the engine describes it.
 * @public
 */
export interface ObservedColumn {
  name: string;
  /** The engine's type name, e.g. `VARCHAR`, `DECIMAL(12,2)`, `timestamp with time zone`. */
  type: string;
  /** Whether the column allows nulls, when the engine knows it. */
  nullable?: boolean;
}

/**
 * A table, view or file as the engine describes it.
 * @public
 */
export interface ObservedObject {
  /** The physical name the contract gives it. */
  object: string;
  columns: ObservedColumn[];
  /**
   * False when the format declares no types (CSV, JSON: the engine guesses them), so types
   * are not compared.
   */
  typed: boolean;
  /** False when the format declares no nullability (files), so `required` is not compared. */
  nullability: boolean;
}

/**
 * The logical type of an engine's type name (DuckDB and PostgreSQL), or undefined when
 * none fits (JSON, binary).
 * @public
 */
export function logicalTypeOfColumn(type: string): OdcsLogicalType | undefined {
  const t = type.trim().toLowerCase();
  if (t.endsWith('[]') || /^(array|list)\b/.test(t)) return 'array';
  if (/^(struct|map|union)\b/.test(t)) return 'object';
  if (/^timestamp|^datetime/.test(t)) return 'timestamp';
  if (/^time\b/.test(t) || t === 'timetz') return 'time';
  if (/^(character varying|character|bpchar|citext|name)\b/.test(t))
    return 'string';
  if (t === 'double precision' || /^float[48]?$/.test(t)) return 'number';
  if (
    /^(hugeint|uhugeint|ubigint|uinteger|usmallint|utinyint|int[248]|int(32|64|128))$/.test(
      t,
    )
  )
    return 'integer';
  const scale = /^(decimal|numeric)\s*\(\s*\d+\s*,\s*(\d+)\s*\)$/.exec(t);
  if (scale) return scale[2] === '0' ? 'integer' : 'number';
  if (/^(json|jsonb|blob|bytea|user-defined)$/.test(t)) return undefined;
  return logicalTypeOf(t);
}

interface Projected {
  name: string;
  logicalType?: string;
  required?: boolean;
}

const physical = (e: { name?: string; physicalName?: string }) =>
  e.physicalName || e.name || '';

/**
 * Compares the data's schema with the contract. Fields are matched by their physical name
 * (ignoring case when only case differs); types are compared by logical type where the
 * format declares them (an integer column fits a `number` field), and `required` where the
 * engine knows nullability (a primary key is required). Only the contract's objects the
 * engine described are compared; nested fields are not.
 * @public
 */
export function compareSchemaToData(
  contract: OdcsContract,
  observed: readonly ObservedObject[],
): DriftFinding[] {
  const findings: DriftFinding[] = [];
  const objects = (contract.schema ?? []).filter(
    o => o && typeof o.name === 'string',
  );
  for (const seen of observed) {
    const object = objects.find(o => physical(o) === seen.object);
    if (!object) continue;
    const properties = (object.properties ?? []).filter(
      p => p && typeof p.name === 'string',
    );
    const byPhysical = new Map(properties.map(p => [physical(p), p]));
    const byLower = new Map(
      properties.map(p => [physical(p).toLowerCase(), physical(p)]),
    );
    const declared: Projected[] = properties.map(p => {
      const entry: Projected = { name: physical(p) };
      if (seen.typed && p.logicalType) entry.logicalType = p.logicalType;
      if (seen.nullability)
        entry.required = Boolean(p.required || p.primaryKey);
      return entry;
    });
    const actualTypes = new Map<string, string>();
    const data: Projected[] = seen.columns.map(column => {
      const name = byPhysical.has(column.name)
        ? column.name
        : byLower.get(column.name.toLowerCase()) ?? column.name;
      actualTypes.set(name, column.type);
      const entry: Projected = { name };
      const wanted = byPhysical.get(name)?.logicalType;
      let logical = logicalTypeOfColumn(column.type);
      // every integer is a number: an integer column keeps a `number` promise
      if (logical === 'integer' && wanted === 'number') logical = 'number';
      if (seen.typed && wanted) entry.logicalType = logical ?? wanted;
      if (seen.nullability) entry.required = column.nullable === false;
      return entry;
    });
    const at = changePath('schema', seen.object);
    const diff = diffContracts(
      { schema: [{ name: seen.object, properties: declared }] } as any,
      { schema: [{ name: seen.object, properties: data }] } as any,
    );
    for (const change of diff.changes) {
      const field = fieldOf(change.path, at, [
        ...properties.map(physical),
        ...seen.columns.map(c => c.name),
      ]);
      if (!field) continue;
      const property = byPhysical.get(field.name);
      const contractName = property?.name ?? field.name;
      const label = `${object.name}.${contractName}`;
      if (change.kind === 'property-removed') {
        findings.push({
          kind: 'missing',
          severity: 'breaking',
          object: object.name,
          field: contractName,
          message: `${label} is in the contract but not in the data`,
        });
      } else if (change.kind === 'property-added') {
        findings.push({
          kind: 'unknown',
          severity: 'warning',
          object: object.name,
          field: field.name,
          actual: actualTypes.get(field.name),
          message: `${object.name}.${field.name} is in the data but not in the contract`,
        });
      } else if (
        change.kind === 'type-changed' &&
        field.rest === 'logicalType'
      ) {
        const engineType = actualTypes.get(field.name);
        findings.push({
          kind: 'type',
          severity: 'breaking',
          object: object.name,
          field: contractName,
          expected: String(change.before),
          actual: `${String(change.after)} (${engineType})`,
          message: `${label} holds ${engineType} values where the contract says ${String(
            change.before,
          )}`,
        });
      } else if (change.kind === 'required-changed' && change.before === true) {
        findings.push({
          kind: 'nullable',
          severity: 'breaking',
          object: object.name,
          field: contractName,
          expected: 'required',
          actual: 'nullable',
          message: `${label} is required by the contract but the data allows nulls`,
        });
      }
    }
  }
  return findings;
}

/** The field a change's path names below the object, and what about it changed. */
function fieldOf(
  path: string,
  objectPath: string,
  names: string[],
): { name: string; rest?: string } | undefined {
  for (const name of names) {
    const at = changePath(objectPath, 'properties', name);
    if (path === at) return { name };
    if (path.startsWith(`${at}.`))
      return { name, rest: path.slice(at.length + 1) };
  }
  return undefined;
}

/**
 * The objects of the contract the engine could not find at all, as findings.
 * @public
 */
export function missingObjects(
  contract: OdcsContract,
  missing: readonly string[],
): DriftFinding[] {
  return (contract.schema ?? [])
    .filter(o => o && missing.includes(physical(o)))
    .map(o => ({
      kind: 'missing-object' as const,
      severity: 'breaking' as const,
      object: o.name,
      message: `${o.name} is in the contract but not in the data`,
    }));
}

/**
 * One line about the findings, for an observation's message: the breaking ones first.
 * @public
 */
export function describeDrift(findings: readonly DriftFinding[]): string {
  if (findings.length === 0)
    return 'the data has the schema the contract describes';
  const ordered = [
    ...findings.filter(f => f.severity === 'breaking'),
    ...findings.filter(f => f.severity !== 'breaking'),
  ];
  const shown = ordered
    .slice(0, 5)
    .map(f =>
      f.severity === 'breaking' ? f.message : `${f.message} (warning)`,
    );
  const more = ordered.length - shown.length;
  return `${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
}

/**
 * Schema drift in one step: the objects of the contract the engine could not find, then what
 * departs from the contract in the objects it described (`compareSchemaToData`), and
 * one line about them for an observation's message (absent when the data has the contract's
 * schema).
 * @public
 */
export function schemaDrift(
  contract: OdcsContract,
  described: {
    /** The objects the engine found, with their columns. */
    observed: readonly ObservedObject[];
    /** The physical names of the objects the engine does not find at all. */
    missing: readonly string[];
  },
): { findings: DriftFinding[]; message?: string } {
  const findings = [
    ...missingObjects(contract, described.missing),
    ...compareSchemaToData(contract, described.observed),
  ];
  return findings.length > 0
    ? { findings, message: describeDrift(findings) }
    : { findings };
}
