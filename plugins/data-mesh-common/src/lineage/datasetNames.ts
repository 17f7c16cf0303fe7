/**
 * Matching OpenLineage datasets to data products through the servers of their contracts,
 * following OpenLineage's dataset naming (`postgres://host:port` + `database.schema.table`,
 * `s3://bucket` + `path`, `kafka://host:port` + `topic`, `file` + absolute path...).
 */
import type { OdcsServer } from '../odcs/model';
import type { DatasetId } from './openLineage';

/**
 * A pattern an OpenLineage dataset of a product matches: the namespace exactly (after
 * normalisation) and the name exactly or as a dotted/path suffix.
 * @public
 */
export interface DatasetPattern {
  namespace: string;
  name: string;
}

const SCHEME_ALIASES: Record<string, string> = {
  postgresql: 'postgres',
  'file:': 'file',
};

/** Lower-case, `postgresql://` as `postgres://`, no trailing slash, `file://` as `file`. */
export function normalizeNamespace(namespace: string): string {
  let ns = namespace.trim().toLowerCase().replace(/\/+$/, '');
  const scheme = /^([a-z0-9+.-]+):\/\//.exec(ns);
  if (scheme && SCHEME_ALIASES[scheme[1]]) {
    ns = `${SCHEME_ALIASES[scheme[1]]}://${ns.slice(scheme[0].length)}`;
  }
  if (ns === 'file://' || ns === 'file:' || ns === 'file://localhost')
    ns = 'file';
  return ns;
}

function normalizeName(name: string): string {
  return name.trim().toLowerCase().replace(/^\/+/, '/');
}

function field(server: OdcsServer, name: string): string | undefined {
  const value = (server as unknown as Record<string, unknown>)[name];
  return typeof value === 'string' || typeof value === 'number'
    ? String(value)
    : undefined;
}

/**
 * The dataset patterns of a server for the given schema objects (physical names).
 * `resolvePath` turns a contract-relative file path into an absolute one (for `local`
 * servers); without it relative paths are kept as written.
 * @public
 */
export function datasetPatterns(
  server: OdcsServer,
  objects: string[],
  resolvePath: (path: string) => string = p => p,
): DatasetPattern[] {
  const host = field(server, 'host');
  const port = field(server, 'port');
  const database = field(server, 'database');
  const schema = field(server, 'schema');
  const qualified = (table: string) =>
    [database, schema, table].filter(Boolean).join('.');
  let hostPort: string | undefined;
  if (host) hostPort = port ? `${host}:${port}` : host;
  const out: DatasetPattern[] = [];
  switch (server.type) {
    case 'postgres':
    case 'postgresql':
    case 'mysql':
    case 'sqlserver':
    case 'oracle':
    case 'redshift':
    case 'trino':
    case 'clickhouse':
      if (hostPort) {
        const scheme = server.type === 'postgresql' ? 'postgres' : server.type;
        for (const o of objects)
          out.push({
            namespace: `${scheme}://${hostPort}`,
            name: qualified(o),
          });
      }
      break;
    case 'snowflake': {
      const account = field(server, 'account');
      if (account)
        for (const o of objects)
          out.push({ namespace: `snowflake://${account}`, name: qualified(o) });
      break;
    }
    case 'bigquery': {
      const project = field(server, 'project');
      const dataset = field(server, 'dataset');
      for (const o of objects)
        out.push({
          namespace: 'bigquery',
          name: [project, dataset, o].filter(Boolean).join('.'),
        });
      break;
    }
    case 'kafka':
      if (host)
        for (const o of objects)
          out.push({ namespace: `kafka://${host}`, name: o });
      break;
    case 's3':
    case 'azure':
    case 'sftp': {
      const location = field(server, 'location');
      const m = location
        ? /^([a-z0-9+.-]+:\/\/[^/]+)\/?(.*)$/i.exec(location)
        : null;
      if (m)
        for (const o of objects)
          out.push({
            namespace: m[1],
            name: filePath(m[2], o).replace(/\/?\*.*$/, ''),
          });
      break;
    }
    case 'local': {
      const path = field(server, 'path');
      if (path)
        for (const o of objects)
          out.push({ namespace: 'file', name: resolvePath(filePath(path, o)) });
      break;
    }
    case 'duckdb': {
      const db = field(server, 'database');
      if (db)
        for (const o of objects)
          out.push({
            namespace: `duckdb://${resolvePath(db)}`,
            name: [schema ?? 'main', o].join('.'),
          });
      break;
    }
    default:
      break;
  }
  return out.map(p => ({
    namespace: normalizeNamespace(p.namespace),
    name: normalizeName(p.name),
  }));
}

/**
 * A file path with the object's name in place of `{model}` or `{object}`.
 * @public
 */
export function filePath(path: string, object: string): string {
  return path.replace(/\{(model|object)\}/g, object);
}

/** Every `.`- or `/`-separated tail of a name, longest first (`a.b.c` → `b.c`, `c`). */
function tails(name: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < name.length; i++) {
    const c = name.charAt(i);
    if ((c === '.' || c === '/') && i + 1 < name.length)
      out.push(name.slice(i + 1));
  }
  return out;
}

/** Every `/`-separated head of a path (`a/b/c` → `a/b`, `a`), for folders holding a file. */
function folders(name: string): string[] {
  const out: string[] = [];
  for (let i = name.length - 1; i > 0; i--)
    if (name.charAt(i) === '/') out.push(name.slice(0, i));
  return out;
}

interface Candidate {
  length: number;
  entityRef: string;
}

/**
 * Finds the data product of an OpenLineage dataset among the patterns of every product.
 * Lookups are by hash on the name and its tails and folders, so matching costs the
 * dataset name's length, not the number of products.
 * @public
 */
export class DatasetMatcher {
  /** namespace → pattern name → longest-named product. */
  private readonly exact = new Map<string, Map<string, Candidate>>();
  /** namespace → tail of a pattern name → product with the longest such pattern. */
  private readonly byTail = new Map<string, Map<string, Candidate>>();

  /** Adds a product's patterns. */
  add(entityRef: string, patterns: DatasetPattern[]): this {
    for (const p of patterns) {
      const candidate = { length: p.name.length, entityRef };
      keep(lookup(this.exact, p.namespace), p.name, candidate);
      const tailMap = lookup(this.byTail, p.namespace);
      for (const tail of tails(p.name)) keep(tailMap, tail, candidate);
    }
    return this;
  }

  /**
   * The product whose pattern names the dataset: same namespace, and the same name or one of
   * them a dotted or path suffix of the other (`public.orders` matches `shop.public.orders`),
   * or the pattern a folder holding the dataset. The longest matching pattern wins.
   */
  match(dataset: DatasetId): string | undefined {
    const namespace = normalizeNamespace(dataset.namespace);
    const exact = this.exact.get(namespace);
    if (!exact) return undefined;
    const name = normalizeName(dataset.name);
    let best: Candidate | undefined = exact.get(name);
    const better = (c: Candidate | undefined) => {
      if (c && (!best || c.length > best.length)) best = c;
    };
    // a pattern that ends with the dataset's name (the dataset named without its database)
    better(this.byTail.get(namespace)?.get(name));
    // a pattern that is a tail of the dataset's name, or a folder holding it
    for (const tail of tails(name)) better(exact.get(tail));
    for (const folder of folders(name)) better(exact.get(folder));
    return best?.entityRef;
  }
}

function lookup(
  maps: Map<string, Map<string, Candidate>>,
  key: string,
): Map<string, Candidate> {
  let map = maps.get(key);
  if (!map) {
    map = new Map();
    maps.set(key, map);
  }
  return map;
}

function keep(map: Map<string, Candidate>, key: string, candidate: Candidate) {
  const known = map.get(key);
  if (!known || candidate.length > known.length) map.set(key, candidate);
}

/**
 * The node id of a dataset no product claims: `dataset:<namespace>/<name>`.
 * @public
 */
export function datasetRef(dataset: DatasetId): string {
  return `dataset:${dataset.namespace}/${dataset.name}`;
}
