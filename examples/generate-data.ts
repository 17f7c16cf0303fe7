/*
 * The example products' data: small, deterministic datasets that the portal's scheduler
 * evaluates against each product's contract.
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs examples/generate-data.ts \
 *     [--now 2025-06-01T12:00:00Z] [--out examples] [--every 300]
 *
 * For every product under examples/products whose contract has a `local` server, it writes
 * that server's file (CSV, Parquet or JSON) under --out, shaped by the contract: one column
 * per property, values of its logical type, required values present, keys unique, enum-like
 * patterns and valid values respected, enough rows for the rowCount rules, and the newest
 * rows a few minutes before --now, so the freshness SLOs hold. The exceptions are on purpose:
 * STALE_PRODUCT's newest row is three days old, so it breaches its freshness SLO;
 * DRIFTED_PRODUCT's data names a column otherwise than its contract (DRIFTED_COLUMNS), so its
 * schema drift SLO fails; SHRUNK_PRODUCT's data has fewer than half its usual rows
 * (usualRowCounts), so its volume SLO fails against the usual count.
 *
 * The same --now gives the same bytes (seeded random numbers). The files checked in under
 * examples/data are made with the default --now; the example portal's backend re-runs it with
 * the current time into .data/example-data every five minutes (packages/backend/src/
 * examplePipelines.ts), standing in for the pipelines that would keep real products fresh.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { DuckDBInstance } from '@duckdb/node-api';
import {
  type OdcsContract,
  type OdcsSchemaObject,
  type OdcsSchemaProperty,
  readContract,
} from '@backstage-data-mesh/plugin-data-mesh-common';

/** The product whose pipeline "stopped" three days before --now. */
export const STALE_PRODUCT = 'feature-usage';
const STALE_LAG_MS = 3 * 86_400_000;
/** The product whose data renamed a column, and not its contract. */
export const DRIFTED_PRODUCT = 'customer-interactions';
/** The columns DRIFTED_PRODUCT's data names otherwise: contract name → name in the data. */
export const DRIFTED_COLUMNS: Readonly<Record<string, string>> = {
  outcome: 'result',
};
/** The product whose volume fell: its data has this share of its usual rows. */
export const SHRUNK_PRODUCT = 'lead-attribution';
const SHRUNK_SHARE = 0.4;
const FRESH_LAG_MS = 2 * 60_000;
const DEFAULT_NOW = '2025-06-01T12:00:00Z';

/** mulberry32, seeded from text: the same numbers for the same text, every run. */
export function seededRandom(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Value = string | number | boolean | null;

/** The rows a rowCount rule asks for (with a margin), at least 200. */
function rowCountFor(object: OdcsSchemaObject): number {
  let rows = 200;
  for (const rule of object.quality ?? []) {
    if ((rule.metric ?? rule.rule) !== 'rowCount') continue;
    const floor =
      rule.mustBeGreaterThan ??
      rule.mustBeGreaterOrEqualTo ??
      rule.mustBeBetween?.[0] ??
      0;
    rows = Math.max(rows, Math.ceil(Number(floor) * 1.2) + 1);
  }
  return Math.min(rows, 5000);
}

/** Alternatives of an enum-like pattern such as `^(web|mobile|field-sales)$`. */
function patternChoices(pattern: unknown): string[] | undefined {
  if (typeof pattern !== 'string') return undefined;
  const m = /^\^\(([^()]+)\)\$$/.exec(pattern);
  return m ? m[1].split('|') : undefined;
}

function validValues(property: OdcsSchemaProperty): string[] | undefined {
  for (const rule of property.quality ?? []) {
    const values = rule.arguments?.validValues;
    if (Array.isArray(values))
      return values.filter(
        (v): v is string => typeof v === 'string' && v !== '',
      );
  }
  const enumValues = (property as any).enum;
  if (Array.isArray(enumValues))
    return enumValues.map((e: any) => String(e?.value ?? e));
  return patternChoices((property.logicalTypeOptions as any)?.pattern);
}

const SQL_TYPES: Record<string, string> = {
  integer: 'BIGINT',
  number: 'DOUBLE',
  boolean: 'BOOLEAN',
  date: 'DATE',
  timestamp: 'TIMESTAMP',
};

function sqlType(property: OdcsSchemaProperty): string {
  return SQL_TYPES[property.logicalType ?? ''] ?? 'VARCHAR';
}

function uuid(next: () => number): string {
  const hex = Array.from({ length: 32 }, () =>
    Math.floor(next() * 16).toString(16),
  ).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(
    13,
    16,
  )}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

/** The value of `property` in row `i` of `rows` (row 0 is the newest). */
function valueOf(
  property: OdcsSchemaProperty,
  i: number,
  rows: number,
  newest: number,
  next: () => number,
): Value {
  const name = property.name.toLowerCase();
  const type = property.logicalType;
  const unique = property.unique || property.primaryKey;
  const choices = validValues(property);
  const physical = String(property.physicalType ?? '').toLowerCase();
  if (type === 'timestamp') {
    return new Date(
      newest -
        Math.floor((i * 86_400_000 * 30) / rows) -
        (i === 0 ? 0 : Math.floor(next() * 60_000)),
    )
      .toISOString()
      .replace('T', ' ')
      .replace('Z', '');
  }
  if (type === 'date') {
    const days = unique ? i : Math.floor((i * 60) / rows);
    return new Date(newest - days * 86_400_000).toISOString().slice(0, 10);
  }
  if (type === 'boolean') return next() < 0.5;
  if (type === 'integer') return unique ? i + 1 : Math.floor(next() * 1000);
  if (type === 'number') {
    if (/rate|ratio|share|pct|percent/.test(name))
      return Math.round(next() * 10000) / 10000;
    return Math.round((5 + next() * 995) * 100) / 100;
  }
  if (choices && choices.length)
    return choices[Math.floor(next() * choices.length)];
  if (name.includes('email'))
    return `customer${Math.floor(next() * 5000)}@example.com`;
  if (name.includes('currency') || physical === 'char(3)')
    return ['EUR', 'USD', 'GBP'][Math.floor(next() * 3)];
  if (name.includes('country'))
    return ['DE', 'FR', 'NL', 'US', 'GB'][Math.floor(next() * 5)];
  if (unique && /varchar\((3[2-9]|[4-9]\d)\)|uuid/.test(physical))
    return uuid(next);
  if (unique)
    return `${name.replace(/_id$/, '')}-${String(i + 1).padStart(6, '0')}`;
  if (name.endsWith('_id'))
    return `${name.replace(/_id$/, '')}-${String(
      1 + Math.floor(next() * Math.max(10, rows / 4)),
    ).padStart(5, '0')}`;
  return `${name}-${Math.floor(next() * 50)}`;
}

/** Columns and rows of one schema object. */
export function objectRows(
  product: string,
  object: OdcsSchemaObject,
  now: number,
) {
  const next = seededRandom(`${product}/${object.name}`);
  const properties = (object.properties ?? []).filter(
    p => p && typeof p.name === 'string' && !p.properties && !p.items,
  );
  const usual = rowCountFor(object);
  const rows =
    product === SHRUNK_PRODUCT ? Math.round(usual * SHRUNK_SHARE) : usual;
  const renamed = product === DRIFTED_PRODUCT ? DRIFTED_COLUMNS : {};
  const newest =
    now - (product === STALE_PRODUCT ? STALE_LAG_MS : FRESH_LAG_MS);
  const data: Value[][] = [];
  for (let i = 0; i < rows; i++)
    data.push(properties.map(p => valueOf(p, i, rows, newest, next)));
  balanceEntries(properties, data);
  return {
    columns: properties.map(p => {
      const name = p.physicalName || p.name;
      return { name: renamed[name] ?? name, type: sqlType(p) };
    }),
    rows: data,
  };
}

/** Ledger-like objects (an entry id and an amount): each second line reverses the first, so entries balance. */
function balanceEntries(properties: OdcsSchemaProperty[], data: Value[][]) {
  const entry = properties.findIndex(p => p.name === 'entry_id');
  const amount = properties.findIndex(
    p => /^amount/.test(p.name) && p.logicalType === 'number',
  );
  if (entry < 0 || amount < 0) return;
  for (let i = 0; i < data.length; i++) {
    data[i][entry] = `entry-${String(Math.floor(i / 2) + 1).padStart(6, '0')}`;
    if (i % 2 === 1) data[i][amount] = -(data[i - 1][amount] as number);
  }
  if (data.length % 2 === 1) data.pop();
}

const csvCell = (v: Value) =>
  v === null
    ? ''
    : typeof v === 'string' && /[",\n]/.test(v)
    ? `"${v.replace(/"/g, '""')}"`
    : String(v);

/** Writes one product's files; returns the paths written. */
async function writeProduct(
  name: string,
  contract: OdcsContract,
  out: string,
  now: number,
): Promise<string[]> {
  const server = (contract.servers ?? []).find(s => s?.type === 'local') as any;
  if (!server?.path) return [];
  const written: string[] = [];
  const format = String(
    server.format ?? path.extname(server.path).slice(1),
  ).toLowerCase();
  for (const object of contract.schema ?? []) {
    if (!object?.name) continue;
    const objectName = object.physicalName || object.name;
    const file = path.join(
      out,
      String(server.path).replace(/\{(model|object)\}/g, objectName),
    );
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const { columns, rows } = objectRows(name, object, now);
    const csv = `${[
      columns.map(c => c.name).join(','),
      ...rows.map(r => r.map(csvCell).join(',')),
    ].join('\n')}\n`;
    if (format === 'csv') {
      fs.writeFileSync(file, csv);
    } else {
      const staging = `${file}.staging.csv`;
      fs.writeFileSync(staging, csv);
      const db = await DuckDBInstance.create(':memory:');
      const c = await db.connect();
      const types = columns
        .map(col => `'${col.name.replace(/'/g, "''")}': '${col.type}'`)
        .join(', ');
      const target =
        format === 'parquet' ? '(FORMAT parquet)' : '(FORMAT json)';
      await c.run(
        `COPY (SELECT * FROM read_csv('${staging}', header = true, columns = {${types}})) TO '${file}' ${target}`,
      );
      c.closeSync();
      db.closeSync();
      fs.rmSync(staging);
    }
    written.push(file);
  }
  return written;
}

/** Every example product with a contract: its name and its contract, read and normalised. */
export function exampleContracts(
  examples: string,
): Array<{ name: string; contract: OdcsContract }> {
  const products = path.join(examples, 'products');
  const found: Array<{ name: string; contract: OdcsContract }> = [];
  for (const name of fs.readdirSync(products).sort()) {
    const catalogFile = path.join(products, name, 'catalog-info.yaml');
    if (!fs.existsSync(catalogFile)) continue;
    const entity = parse(fs.readFileSync(catalogFile, 'utf8'));
    // The contract the entity names, or (for products described by an ODPS file) the ODCS file beside it.
    const contractRef =
      entity?.metadata?.annotations?.['data-mesh/contract'] ??
      fs
        .readdirSync(path.dirname(catalogFile))
        .find(f => f.endsWith('.odcs.yaml'));
    if (typeof contractRef !== 'string') continue;
    const contractFile = path.resolve(path.dirname(catalogFile), contractRef);
    const { contract } = readContract(fs.readFileSync(contractFile, 'utf8'), {
      fileName: contractFile,
    });
    if (contract) found.push({ name: entity.metadata.name, contract });
  }
  return found;
}

/**
 * The rows each example product's objects usually have (before SHRUNK_PRODUCT's fall): by
 * product name, then by the object's physical name.
 */
export function usualRowCounts(
  examples: string,
): Map<string, Map<string, number>> {
  const counts = new Map<string, Map<string, number>>();
  for (const { name, contract } of exampleContracts(examples)) {
    const objects = new Map<string, number>();
    for (const object of contract.schema ?? []) {
      if (!object?.name) continue;
      objects.set(object.physicalName || object.name, rowCountFor(object));
    }
    counts.set(name, objects);
  }
  return counts;
}

/**
 * The file of a product's schema object on its `local` server, under `out`; undefined for a
 * product without one.
 */
export function localFile(
  contract: OdcsContract,
  out: string,
  object?: string,
): string | undefined {
  const server = (contract.servers ?? []).find(s => s?.type === 'local') as any;
  if (!server?.path) return undefined;
  const first = (contract.schema ?? []).find(o => o?.name);
  const objectName = object ?? (first && (first.physicalName || first.name));
  if (!objectName) return undefined;
  return path.join(
    out,
    String(server.path).replace(/\{(model|object)\}/g, objectName),
  );
}

/** Generates every example product's data under `out`, as of `now`. */
export async function generateExampleData(options: {
  examples: string;
  out: string;
  now: number;
}): Promise<string[]> {
  const written: string[] = [];
  for (const { name, contract } of exampleContracts(options.examples)) {
    written.push(
      ...(await writeProduct(name, contract, options.out, options.now)),
    );
  }
  return written;
}

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
}

async function main() {
  const examples = __dirname;
  const out = path.resolve(argument('out') ?? examples);
  const every = Number(argument('every') ?? 0);
  const run = async () => {
    const nowText =
      argument('now') ?? (every ? new Date().toISOString() : DEFAULT_NOW);
    const files = await generateExampleData({
      examples,
      out,
      now: Date.parse(nowText),
    });
    console.log(
      `example data: ${files.length} file(s) under ${out} as of ${nowText}`,
    );
  };
  await run();
  if (every > 0)
    setInterval(
      () => run().catch(e => console.error(`example data: ${e}`)),
      every * 1000,
    );
}

if (require.main === module) {
  main().catch(error => {
    console.error(error);
    process.exit(1);
  });
}
