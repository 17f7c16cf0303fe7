import { type BreakingChangeGate, gateFacts } from '../consumers/gate';
import { customProperty, isTruthyFlag } from '../diff/sensitivity';
import { readSlaValue, slaKey } from '../product/slaValue';
import { ContractDiff } from '../diff/types';
import { ContractIssue } from '../issues';
import { isPersonalData } from '../pii';
import { plainData, setOwn } from './plainData';
import type { NeighbourFacts } from './neighbours';
import { describeProduct, GovernedEntity, ProductFacts } from './productFacts';

/**
 * One property of the contract, flattened (nested properties and array items included), with
 * the facts policies ask about most.
 *
 * @public
 */
export interface FieldFacts {
  /** `object.field.nested`, e.g. `orders.customer.email`. */
  path: string;
  /** The schema object the field belongs to. */
  object: string;
  name: string;
  id: string | null;
  logicalType: string | null;
  physicalType: string | null;
  description: string | null;
  required: boolean;
  unique: boolean;
  primaryKey: boolean;
  classification: string | null;
  /** Personal data, by the suite's rule (`pii` tag, `pii` custom property, sensitive classification). */
  pii: boolean;
  /** Custom property `piiCategory` (or `pii_category`), else a tag `pii:<category>`; null when none. */
  piiCategory: string | null;
  /** `encryptedName` is set, or the custom property `encrypted` is true, or `encryption` names a method. */
  encrypted: boolean;
  /**
   * Where the field's object keeps its full schema when the contract only references it
   * (the object's custom property `schemaRef`, e.g. an Avro file), else null: then the
   * field's type and description live there, not in the contract.
   */
  schemaRef: string | null;
  tags: string[];
  /** The quality rules declared on the field. */
  quality: unknown[];
  /** The property as written in the contract. */
  property: Record<string, unknown>;
}

/** A quality rule with where it is declared. */
export interface QualityFacts {
  object: string;
  /** The field path, or null for a rule on the whole object. */
  field: string | null;
  name: string | null;
  dimension: string | null;
  metric: string | null;
  type: string;
  rule: Record<string, unknown>;
}

/** An SLA property with its value read as a duration and as a percentage when it is one. */
export interface SlaFacts {
  property: string;
  value: unknown;
  unit: string | null;
  element: string | null;
  /** The value as a duration in seconds, or null. */
  seconds: number | null;
  /** The value as a percentage (0..100), or null. */
  percent: number | null;
}

/**
 * What a policy condition sees. See the README's "CEL activation" table.
 *
 * @public
 */
export interface PolicyInput {
  /** The Backstage entity of the product, when there is one. */
  entity?: GovernedEntity | null;
  /** The normalised ODCS contract, when there is one. */
  contract?: Record<string, any> | null;
  /** The previous version of the contract, when there is one. */
  previous?: Record<string, any> | null;
  /** The classified changes from `previous` to `contract`; computed when absent. */
  diff?: ContractDiff | null;
  /** The time of evaluation (for grace periods and time-based conditions); defaults to now. */
  now?: Date;
  /** The latest results of the product's quality checks, when the caller has them. */
  checks?: QualityCheckResult[] | null;
  /** The problems the contract's validation found (`validateOdcs`), when the caller has them. */
  contractIssues?: ContractIssue[] | null;
  /**
   * The domain of the product's System, when the caller knows the System (the catalog and the
   * backend do): it decides the product's domain (see `productDomain`).
   */
  systemDomain?: string | null;
  /**
   * The products this product reads from, when the caller knows the lineage (the data-mesh
   * backend does; the catalog and the CLI do not): policies over lineage read them as
   * `upstream`, an empty list when unknown.
   */
  upstream?: NeighbourFacts[] | null;
  /** The products reading from this product, when the caller knows them (`downstream`). */
  downstream?: NeighbourFacts[] | null;
  /**
   * The breaking-change gate of the version being checked (`contract`), when it is known.
   * Policies read who it hits and who acknowledged as `gate`: null when the version breaks
   * nobody or its gate is unknown.
   */
  gate?: BreakingChangeGate | null;
}

/** The breaking-change gate as a policy reads it (`gate`). */
export interface PolicyGateFacts {
  /** `waiting` until every hit consumer acknowledged or the deprecation period ran out, then `open`. */
  state: 'not-breaking' | 'waiting' | 'open';
  /** The version the gate is for. */
  version: string | null;
  /** Hit consumers that have not acknowledged. */
  pending: string[];
  /** Hit consumers that acknowledged. */
  acknowledged: string[];
  /** When the deprecation period ends (ISO 8601). */
  deprecationEndsAt: string;
}

/**
 * The latest result of one quality check of a product, as pipelines report them.
 *
 * @public
 */
export interface QualityCheckResult {
  name: string;
  passed: boolean;
  /** e.g. `info`, `warning`, `error`, `critical`. */
  severity?: string;
}

const text = (value: unknown): string | null =>
  typeof value === 'string' ? value : null;

function piiCategoryOf(property: Record<string, any>): string | null {
  const category =
    customProperty(property.customProperties, 'piiCategory') ??
    customProperty(property.customProperties, 'pii_category');
  if (typeof category === 'string' && category.trim()) return category.trim();
  for (const tag of Array.isArray(property.tags) ? property.tags : []) {
    const match =
      typeof tag === 'string' ? /^pii:(.+)$/i.exec(tag.trim()) : null;
    if (match) return match[1];
  }
  return null;
}

function isEncrypted(property: Record<string, any>): boolean {
  if (text(property.encryptedName)) return true;
  if (isTruthyFlag(customProperty(property.customProperties, 'encrypted')))
    return true;
  const method = customProperty(property.customProperties, 'encryption');
  return (
    typeof method === 'string' &&
    method.trim() !== '' &&
    !['none', 'false', 'no'].includes(method.trim().toLowerCase())
  );
}

function collectFields(
  out: FieldFacts[],
  quality: QualityFacts[],
  object: { name: string; schemaRef: string | null },
  prefix: string,
  properties: unknown,
) {
  if (!Array.isArray(properties)) return;
  for (const raw of properties) {
    if (!raw || typeof raw !== 'object') continue;
    const p = raw as Record<string, any>;
    const name = text(p.name) ?? '(unnamed)';
    const path = `${prefix}.${name}`;
    const rules = Array.isArray(p.quality) ? p.quality : [];
    out.push({
      path,
      object: object.name,
      name,
      id: text(p.id),
      logicalType: text(p.logicalType),
      physicalType: text(p.physicalType),
      description: text(p.description),
      required: p.required === true,
      unique: p.unique === true,
      primaryKey: p.primaryKey === true,
      classification: text(p.classification),
      pii: isPersonalData(p),
      piiCategory: piiCategoryOf(p),
      encrypted: isEncrypted(p),
      schemaRef: object.schemaRef,
      tags: Array.isArray(p.tags)
        ? p.tags.filter((t: unknown) => typeof t === 'string')
        : [],
      quality: rules,
      property: p,
    });
    for (const rule of rules)
      quality.push(qualityFacts(object.name, path, rule));
    collectFields(out, quality, object, path, p.properties);
    if (p.items && typeof p.items === 'object')
      collectFields(out, quality, object, path, p.items.properties);
  }
}

function qualityFacts(
  object: string,
  field: string | null,
  rule: any,
): QualityFacts {
  const r = rule && typeof rule === 'object' ? rule : {};
  return {
    object,
    field,
    name: text(r.name),
    dimension: text(r.dimension),
    metric: text(r.metric) ?? text(r.rule),
    type: text(r.type) ?? 'library',
    rule: r,
  };
}

/** The derived values of a contract: fields, objects, quality rules and SLAs. */
export function contractFacts(contract: Record<string, any>) {
  const fields: FieldFacts[] = [];
  const quality: QualityFacts[] = [];
  const objects: Record<string, unknown>[] = [];
  for (const raw of Array.isArray(contract.schema) ? contract.schema : []) {
    if (!raw || typeof raw !== 'object') continue;
    const name = text(raw.name) ?? '(unnamed)';
    const ref = customProperty(raw.customProperties, 'schemaRef');
    const schemaRef = typeof ref === 'string' && ref.trim() ? ref.trim() : null;
    const before = fields.length;
    for (const rule of Array.isArray(raw.quality) ? raw.quality : [])
      quality.push(qualityFacts(name, null, rule));
    collectFields(fields, quality, { name, schemaRef }, name, raw.properties);
    const own = fields
      .slice(before)
      .filter(f => f.path.split('.').length === 2);
    objects.push({
      name,
      physicalName: text(raw.physicalName),
      description: text(raw.description),
      fields: own.map(f => f.name),
      primaryKey: own.filter(f => f.primaryKey).map(f => f.name),
      schemaRef,
      quality: Array.isArray(raw.quality) ? raw.quality : [],
      object: raw,
    });
  }
  const sla: Record<string, SlaFacts> = {};
  for (const raw of Array.isArray(contract.slaProperties)
    ? contract.slaProperties
    : []) {
    const key = slaKey(raw?.property);
    if (!key || sla[key]) continue;
    const reading = readSlaValue(raw.value, raw.unit);
    const seconds = reading.duration?.seconds;
    const percent = seconds === undefined ? reading.percent : undefined;
    sla[key] = {
      property: String(raw.property),
      value: raw.value ?? null,
      unit: text(raw.unit),
      element: text(raw.element),
      seconds: seconds ?? null,
      percent: percent ?? null,
    };
  }
  return { fields, quality, objects, sla };
}

/** CEL has no `undefined`: absent facts are `null`, so `product.domain == null` works. */
function withNulls<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value))
    out[key] = v === undefined ? null : v;
  return out as T;
}

function normaliseEntity(
  entity: GovernedEntity | null | undefined,
): GovernedEntity {
  const e = entity ?? {};
  return {
    ...e,
    apiVersion: e.apiVersion ?? '',
    kind: e.kind ?? '',
    metadata: {
      annotations: {},
      labels: {},
      tags: [],
      name: '',
      ...(e.metadata ?? {}),
    },
    spec: e.spec ?? {},
  };
}

/** The gate of the version being checked as policies read it; null when it breaks nobody. */
function policyGate(input: PolicyInput): PolicyGateFacts | null {
  const gate = input.gate;
  if (!gate || gate.state === 'not-breaking') return null;
  const version = input.contract?.version;
  return gateFacts(gate, version === undefined ? undefined : String(version));
}

/**
 * Builds the variables a policy's CEL expressions read (its activation): `entity`, `contract`, `previous`, `diff`,
 * `now`, and the derived `product`, `fields`, `objects`, `quality` and `sla`. The caller's
 * data is copied to plain values first ({@link plainData}), so a condition never depends on
 * which realm or class made the objects it reads.
 */
export function policyVariables(
  input: PolicyInput,
  diff: ContractDiff | null,
): Record<string, unknown> & { product: ProductFacts & { hasPii: boolean } } {
  const entity = plainData(input.entity ?? null) as GovernedEntity | null;
  const contract = (plainData(input.contract ?? null) ?? {}) as Record<
    string,
    any
  >;
  const facts = contractFacts(contract);
  const product = describeProduct(entity, contract, input.systemDomain);
  const custom: Record<string, unknown> = {};
  for (const entry of Array.isArray(contract.customProperties)
    ? contract.customProperties
    : []) {
    if (
      typeof entry?.property === 'string' &&
      !Object.hasOwn(custom, entry.property)
    )
      setOwn(custom, entry.property, entry.value ?? null);
  }
  return {
    entity: normaliseEntity(entity),
    contract,
    previous: plainData(input.previous ?? null),
    diff: plainData(diff),
    // a timestamp of this realm: CEL knows `Date` by its constructor too
    now: new Date(input.now ? input.now.getTime() : Date.now()),
    product: { ...withNulls(product), hasPii: facts.fields.some(f => f.pii) },
    fields: facts.fields,
    objects: facts.objects,
    quality: facts.quality,
    sla: facts.sla,
    custom,
    checks: plainData(input.checks ?? null),
    upstream: plainData(input.upstream ?? []),
    downstream: plainData(input.downstream ?? []),
    gate: plainData(policyGate(input)),
    issues: (input.contractIssues ?? []).map(i => ({
      severity: i.severity,
      path: i.path,
      message: i.message,
      rule: i.rule ?? null,
    })),
  };
}
