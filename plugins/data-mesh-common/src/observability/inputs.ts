/**
 * Quality results other tools report, read as checks the backend matches to a product's
 * SLOs: OpenLineage's `dataQualityAssertions` and `dataQualityMetrics` dataset facets, and
 * the Data Product Portal's quality summary (`overall_status`, `dimensions`,
 * `technical_assets`, `details_url`). Everything read here is author input: it names
 * outcomes and values, never what the backend reads.
 */
import type { AlertSeverity } from './plan';
import { readAlertSeverity } from './plan';

/**
 * One reported check, before it is matched to an SLO: by `sloId` when the reader knows it
 * (a row count is the volume SLO's, a column's null rate its metric), else by `type` on
 * `model` and `field` as a pushed check.
 * @public
 */
export interface ReportedCheck {
  status: 'pass' | 'fail' | 'error';
  sloId?: string;
  type?: string;
  model?: string;
  field?: string;
  name?: string;
  value?: number;
  message?: string;
  severity?: AlertSeverity;
  /** The output port the result is for, when the report names one. */
  port?: string;
  /** JSON pointer of the check in what was reported. */
  path: string;
}

const MAX_TEXT = 500;
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown) =>
  typeof v === 'string' && v.trim() ? v.trim().slice(0, MAX_TEXT) : undefined;
const number = (v: unknown) => {
  const n = typeof v === 'string' && v.trim() ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
};

/** OpenLineage assertion names → the check types pushed results are matched by. */
const ASSERTION_TYPES: Record<string, string> = {
  not_null: 'field_not_null',
  no_null_values: 'field_not_null',
  unique: 'field_unique',
  accepted_values: 'field_enum',
  row_count: 'row_count',
  row_count_equal_to: 'row_count',
  freshness: 'freshness',
};

/** The table of a dataset name: `warehouse.sales.orders` → `orders`, `/data/orders.csv` → `orders`. */
function objectOf(datasetName: string): string {
  const last = datasetName.split(/[/.]/).filter(Boolean);
  const file = /\.(csv|parquet|json|jsonl|avro|orc)$/i.test(datasetName);
  return (file ? last[last.length - 2] : last[last.length - 1]) ?? datasetName;
}

/**
 * The checks of one OpenLineage dataset's quality facets (`dataQualityAssertions` in its
 * `facets` or `inputFacets`, `dataQualityMetrics` in its `inputFacets`). `object` is the
 * schema object the dataset is, when the caller matched it; else the dataset name's last
 * part. An assertion is a check of its type on the object and column (a failed one of
 * severity `warn` passes with a warning, as its producer meant); the metrics give the
 * object's row count (its volume SLO) and each column's null rate (its metric).
 * @public
 */
export function openLineageQualityChecks(
  dataset: unknown,
  object?: string,
): ReportedCheck[] {
  if (!isRecord(dataset)) return [];
  const model = object ?? objectOf(text(dataset.name) ?? '');
  const checks: ReportedCheck[] = [];
  for (const where of ['facets', 'inputFacets'] as const) {
    const facets = dataset[where];
    if (!isRecord(facets)) continue;
    const assertions = isRecord(facets.dataQualityAssertions)
      ? facets.dataQualityAssertions.assertions
      : undefined;
    (Array.isArray(assertions) ? assertions : []).forEach((a, i) => {
      if (!isRecord(a) || typeof a.success !== 'boolean') return;
      const assertion = text(a.assertion) ?? 'assertion';
      const severity = readAlertSeverity(a.severity);
      const warnOnly = !a.success && severity === 'warning';
      const field = text(a.column);
      const detail = [
        text(a.description) ?? text(a.name) ?? assertion,
        a.expected !== undefined ? `expected ${text(String(a.expected))}` : '',
        a.actual !== undefined ? `actual ${text(String(a.actual))}` : '',
      ]
        .filter(Boolean)
        .join(', ');
      const check: ReportedCheck = {
        status: a.success || warnOnly ? 'pass' : 'fail',
        type: ASSERTION_TYPES[assertion.toLowerCase()] ?? assertion,
        model,
        path: `/${where}/dataQualityAssertions/assertions/${i}`,
        message: warnOnly ? `warning: ${detail}` : detail,
      };
      if (field) check.field = field;
      const name = text(a.name);
      if (name) check.name = name;
      const actual = number(a.actual);
      if (actual !== undefined) check.value = actual;
      if (severity) check.severity = severity;
      checks.push(check);
    });
    const metrics = facets.dataQualityMetrics;
    if (!isRecord(metrics)) continue;
    const rows = number(metrics.rowCount);
    const base = `/${where}/dataQualityMetrics`;
    if (rows !== undefined)
      checks.push({
        status: 'pass',
        sloId: `volume:${model}`,
        value: rows,
        path: `${base}/rowCount`,
      });
    const columns = isRecord(metrics.columnMetrics)
      ? metrics.columnMetrics
      : {};
    for (const [column, m] of Object.entries(columns)) {
      if (!isRecord(m)) continue;
      const nulls = number(m.nullCount);
      const count = number(m.count) ?? rows;
      if (nulls === undefined || !count) continue;
      checks.push({
        status: 'pass',
        sloId: `metric:null_percentage:${model}.${column}`,
        value: (100 * nulls) / count,
        path: `${base}/columnMetrics/${column
          .replace(/~/g, '~0')
          .replace(/\//g, '~1')}`,
      });
    }
  }
  return checks;
}

/** A status word of the Data Product Portal (or any tool) as an outcome. */
function outcomeOf(
  status: unknown,
): { status: ReportedCheck['status']; warning?: boolean } | undefined {
  switch (typeof status === 'string' ? status.trim().toLowerCase() : '') {
    case 'success':
    case 'succeeded':
    case 'pass':
    case 'passed':
    case 'ok':
    case 'healthy':
      return { status: 'pass' };
    case 'warning':
    case 'warn':
      return { status: 'pass', warning: true };
    case 'failure':
    case 'failed':
    case 'fail':
    case 'unhealthy':
      return { status: 'fail' };
    case 'error':
      return { status: 'error' };
    default:
      return undefined;
  }
}

/**
 * A Data Product Portal quality summary as checks: each of its `dimensions` (a map of name
 * to a status, or to `{status, score}`, or a list of `{name|dimension, status}`) is a check
 * of that type; each `technical_assets` entry (`{name, status}`) a check on that object;
 * with neither, `overall_status` is one check. `details_url` is said in the messages;
 * `output_port` (or `port`) names the port the results are for. Entries whose status is not
 * a known word are left out.
 * @public
 */
export function portalSummaryChecks(summary: unknown): ReportedCheck[] {
  if (!isRecord(summary)) return [];
  const details = text(summary.details_url);
  const port = text(summary.output_port) ?? text(summary.port);
  const checks: ReportedCheck[] = [];
  const add = (
    raw: unknown,
    path: string,
    fields: Partial<ReportedCheck>,
    label: string,
  ) => {
    const entry = isRecord(raw) ? raw : { status: raw };
    const outcome = outcomeOf(entry.status);
    if (!outcome) return;
    const score = number(entry.score);
    const words = [
      `${label}: ${String(entry.status).toLowerCase()}`,
      score !== undefined ? `score ${score}` : '',
      details ? `details: ${details}` : '',
    ].filter(Boolean);
    const check: ReportedCheck = {
      status: outcome.status,
      path,
      message: `${outcome.warning ? 'warning: ' : ''}${words.join(', ')}`,
      ...fields,
    };
    if (score !== undefined) check.value = score;
    if (port) check.port = port;
    checks.push(check);
  };
  const dimensions = summary.dimensions;
  if (Array.isArray(dimensions)) {
    dimensions.forEach((d, i) => {
      const name = isRecord(d) ? text(d.name) ?? text(d.dimension) : undefined;
      if (name)
        add(d, `/dimensions/${i}`, { type: name.toLowerCase(), name }, name);
    });
  } else if (isRecord(dimensions)) {
    for (const [name, d] of Object.entries(dimensions))
      add(d, `/dimensions/${name}`, { type: name.toLowerCase(), name }, name);
  }
  const assets = summary.technical_assets;
  (Array.isArray(assets) ? assets : []).forEach((a, i) => {
    const name = isRecord(a) ? text(a.name) : undefined;
    if (name)
      add(
        a,
        `/technical_assets/${i}`,
        { type: 'asset', model: name, name },
        name,
      );
  });
  if (checks.length === 0)
    add(
      summary.overall_status,
      '/overall_status',
      { type: 'overall_status', name: 'overall status' },
      'overall status',
    );
  return checks;
}
