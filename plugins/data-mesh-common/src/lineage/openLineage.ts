/**
 * Reading OpenLineage 2-0-2 events (RunEvent, DatasetEvent, JobEvent) as the HTTP transport
 * sends them, and the dataset and column edges they report.
 *
 * Time rule: an `eventTime` without a timezone (the spec asks for one, but some clients send
 * local date-times such as `2021-11-03T10:53:52.427343`) is read as UTC. Digits beyond
 * milliseconds are dropped.
 */
import type { ContractIssue } from '../issues';
import type { ColumnEdge } from '../api';
import { isRecord } from '../parsedValues';

/**
 * A dataset as OpenLineage names it.
 * @public
 */
export interface DatasetId {
  namespace: string;
  name: string;
}

/**
 * Data flows from dataset `from` to dataset `to`; `columns` pairs `from` columns with `to`
 * columns (`from: 'id'` feeds `to: 'customer_id'`).
 * @public
 */
export interface DatasetEdge {
  from: DatasetId;
  to: DatasetId;
  columns: ColumnEdge[];
}

/**
 * What an event says, reduced to what the portal keeps.
 * @public
 */
export interface OpenLineageSummary {
  kind: 'RunEvent' | 'DatasetEvent' | 'JobEvent';
  /** `START`, `COMPLETE`... for RunEvents. */
  eventType?: string;
  /** Milliseconds since the epoch (UTC). */
  eventTime: number;
  runId?: string;
  job?: { namespace: string; name: string };
  /** Every dataset the event names. */
  datasets: DatasetId[];
  edges: DatasetEdge[];
}

type Json = Record<string, unknown>;

const RUN_EVENT_TYPES = [
  'START',
  'RUNNING',
  'COMPLETE',
  'ABORT',
  'FAIL',
  'OTHER',
];
const ISO_DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Milliseconds since the epoch of an OpenLineage `eventTime`, reading a time without a
 * timezone as UTC; undefined when it is not an ISO 8601 date-time.
 * @public
 */
export function parseEventTime(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const match = ISO_DATE_TIME.exec(text.trim());
  if (!match) return undefined;
  const [, date, time, fraction = '', zone] = match;
  const millis = fraction ? fraction.slice(0, 4).padEnd(4, '0') : '';
  let offset = zone ? zone.toUpperCase() : 'Z';
  if (/^[+-]\d{4}$/.test(offset))
    offset = `${offset.slice(0, 3)}:${offset.slice(3)}`;
  const value = Date.parse(
    `${date}T${time.length === 5 ? `${time}:00` : time}${millis}${offset}`,
  );
  return Number.isNaN(value) ? undefined : value;
}

function datasetId(value: unknown): DatasetId | undefined {
  if (!isRecord(value)) return undefined;
  const { namespace, name } = value;
  if (
    typeof namespace !== 'string' ||
    typeof name !== 'string' ||
    !namespace ||
    !name
  ) {
    return undefined;
  }
  return { namespace, name };
}

const key = (d: DatasetId) => `${d.namespace}\u0000${d.name}`;

class EdgeSet {
  private readonly edges = new Map<string, DatasetEdge>();
  private readonly columnKeys = new Set<string>();

  add(from: DatasetId, to: DatasetId, column?: ColumnEdge) {
    const k = `${key(from)}\u0001${key(to)}`;
    let edge = this.edges.get(k);
    if (!edge) {
      edge = { from, to, columns: [] };
      this.edges.set(k, edge);
    }
    if (column) {
      const ck = `${k}\u0001${column.from}\u0000${column.to}`;
      if (!this.columnKeys.has(ck)) {
        this.columnKeys.add(ck);
        edge.columns.push(column);
      }
    }
  }

  list(): DatasetEdge[] {
    return [...this.edges.values()].filter(
      e => key(e.from) !== key(e.to) || e.columns.length,
    );
  }
}

/** Edges from the `columnLineage` (1-x) and `lineage` dataset facets of `target`. */
function facetEdges(target: DatasetId, facets: unknown, into: EdgeSet) {
  if (!isRecord(facets)) return;
  const columnLineage = facets.columnLineage;
  if (isRecord(columnLineage) && isRecord(columnLineage.fields)) {
    for (const [field, entry] of Object.entries(columnLineage.fields)) {
      if (!isRecord(entry) || !Array.isArray(entry.inputFields)) continue;
      for (const input of entry.inputFields) {
        const source = datasetId(input);
        if (source && isRecord(input) && typeof input.field === 'string') {
          into.add(source, target, { from: input.field, to: field });
        }
      }
    }
    if (Array.isArray(columnLineage.dataset)) {
      for (const input of columnLineage.dataset) {
        const source = datasetId(input);
        if (source) into.add(source, target);
      }
    }
  }
  const lineage = facets.lineage;
  if (isRecord(lineage)) {
    for (const input of Array.isArray(lineage.inputs) ? lineage.inputs : []) {
      const source =
        isRecord(input) && input.type !== 'JOB' ? datasetId(input) : undefined;
      if (source) into.add(source, target);
    }
    if (isRecord(lineage.fields)) {
      for (const [field, entry] of Object.entries(lineage.fields)) {
        if (!isRecord(entry) || !Array.isArray(entry.inputs)) continue;
        for (const input of entry.inputs) {
          if (!isRecord(input) || input.type === 'JOB') continue;
          const source = datasetId(input);
          if (!source) continue;
          if (typeof input.field === 'string')
            into.add(source, target, { from: input.field, to: field });
          else into.add(source, target);
        }
      }
    }
  }
}

function issue(path: string, message: string): ContractIssue {
  return { severity: 'error', path, message, rule: 'openlineage' };
}

function datasetList(
  event: Json,
  side: 'inputs' | 'outputs',
  issues: ContractIssue[],
): DatasetId[] {
  const value = event[side];
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    issues.push(issue(`/${side}`, `"${side}" must be an array of datasets.`));
    return [];
  }
  const out: DatasetId[] = [];
  value.forEach((item, i) => {
    const id = datasetId(item);
    if (id) out.push(id);
    else
      issues.push(
        issue(
          `/${side}/${i}`,
          `Dataset ${i} of "${side}" needs a non-empty "namespace" and "name".`,
        ),
      );
  });
  return out;
}

/**
 * How much one OpenLineage event may name: datasets (inputs, outputs and those its facets
 * name) and dataset edges (a run links every input to every output).
 */
interface OpenLineageLimits {
  maxDatasets: number;
  maxEdges: number;
}

/**
 * 100 datasets and 1,000 edges per event: far more than a job reads and writes, far less
 * than what would make storing one event expensive.
 * @public
 */
export const DEFAULT_OPENLINEAGE_LIMITS: OpenLineageLimits = Object.freeze({
  maxDatasets: 100,
  maxEdges: 1000,
});

/**
 * Reads an OpenLineage event: checks the fields the portal relies on (what the spec
 * requires of each event kind) and extracts its datasets and edges. A RunEvent or JobEvent
 * links every input to every output; column edges come from the `columnLineage` facet of
 * the outputs and from the `lineage` facet of any dataset. A DatasetEvent contributes the
 * edges of its dataset's facets. An event past the limits is refused as a whole, with an
 * issue that says by how much, before its edges are built. `limits` say how much one event
 * may name: datasets (inputs, outputs and those its facets name) and dataset edges (a run
 * links every input to every output); `DEFAULT_OPENLINEAGE_LIMITS` by default.
 * @public
 */
export function readOpenLineageEvent(
  body: unknown,
  limits: {
    maxDatasets: number;
    maxEdges: number;
  } = DEFAULT_OPENLINEAGE_LIMITS,
): {
  event?: OpenLineageSummary;
  issues: ContractIssue[];
} {
  const issues: ContractIssue[] = [];
  if (!isRecord(body)) {
    return {
      issues: [
        issue('', 'The body must be one OpenLineage event, a JSON object.'),
      ],
    };
  }
  const eventTime = parseEventTime(body.eventTime);
  if (eventTime === undefined) {
    issues.push(
      issue(
        '/eventTime',
        `"eventTime" must be an ISO 8601 date-time (found ${JSON.stringify(
          body.eventTime ?? null,
        )}).`,
      ),
    );
  }
  if (typeof body.producer !== 'string' || !body.producer) {
    issues.push(
      issue('/producer', '"producer" (a URI naming the producer) is required.'),
    );
  }
  if (typeof body.schemaURL !== 'string' || !body.schemaURL) {
    issues.push(
      issue(
        '/schemaURL',
        '"schemaURL" (the spec version the event follows) is required.',
      ),
    );
  }
  const edges = new EdgeSet();
  const datasets = new Map<string, DatasetId>();
  const remember = (d: DatasetId) => datasets.set(key(d), d);

  let kind: OpenLineageSummary['kind'];
  let job: OpenLineageSummary['job'];
  let runId: string | undefined;
  let eventType: string | undefined;
  if (body.dataset !== undefined) {
    kind = 'DatasetEvent';
    if (body.run !== undefined || body.job !== undefined) {
      issues.push(
        issue('/dataset', 'A DatasetEvent carries no "run" or "job".'),
      );
    }
    const dataset = datasetId(body.dataset);
    if (!dataset)
      issues.push(
        issue(
          '/dataset',
          '"dataset" needs a non-empty "namespace" and "name".',
        ),
      );
    else {
      remember(dataset);
      facetEdges(dataset, (body.dataset as Json).facets, edges);
    }
  } else {
    if (
      !isRecord(body.job) ||
      typeof body.job.namespace !== 'string' ||
      typeof body.job.name !== 'string'
    ) {
      issues.push(
        issue(
          '/job',
          'A RunEvent or JobEvent needs "job" with "namespace" and "name"; a DatasetEvent needs "dataset".',
        ),
      );
    } else {
      job = { namespace: body.job.namespace, name: body.job.name };
    }
    if (body.run !== undefined) {
      kind = 'RunEvent';
      if (
        !isRecord(body.run) ||
        typeof body.run.runId !== 'string' ||
        !body.run.runId
      ) {
        issues.push(issue('/run/runId', '"run.runId" (a UUID) is required.'));
      } else runId = body.run.runId;
      if (body.eventType !== undefined) {
        if (
          typeof body.eventType !== 'string' ||
          !RUN_EVENT_TYPES.includes(body.eventType)
        ) {
          issues.push(
            issue(
              '/eventType',
              `"eventType" must be one of ${RUN_EVENT_TYPES.join(', ')}.`,
            ),
          );
        } else eventType = body.eventType;
      }
    } else kind = 'JobEvent';
    const inputs = datasetList(body, 'inputs', issues);
    const outputs = datasetList(body, 'outputs', issues);
    if (inputs.length + outputs.length > limits.maxDatasets) {
      issues.push(
        issue(
          '',
          `The event names ${inputs.length} inputs and ${outputs.length} outputs, more than the ${limits.maxDatasets} datasets one event may name: send one event per job step.`,
        ),
      );
      return { issues };
    }
    if (inputs.length * outputs.length > limits.maxEdges) {
      issues.push(
        issue(
          '',
          `The event links ${inputs.length} inputs to ${
            outputs.length
          } outputs, ${inputs.length * outputs.length} edges, more than the ${
            limits.maxEdges
          } one event may make: send one event per job step.`,
        ),
      );
      return { issues };
    }
    inputs.forEach(remember);
    outputs.forEach(remember);
    for (const output of outputs)
      for (const input of inputs) edges.add(input, output);
    const all = [
      ...((body.inputs as unknown[]) ?? []),
      ...((body.outputs as unknown[]) ?? []),
    ];
    for (const item of all) {
      const target = datasetId(item);
      if (target && isRecord(item)) facetEdges(target, item.facets, edges);
    }
  }
  if (issues.length > 0) return { issues };
  const list = edges.list();
  if (list.length > limits.maxEdges || datasets.size > limits.maxDatasets) {
    return {
      issues: [
        issue(
          '',
          `The event's facets make ${list.length} edges between ${datasets.size} datasets, more than the ${limits.maxEdges} edges and ${limits.maxDatasets} datasets one event may make: send one event per job step.`,
        ),
      ],
    };
  }
  for (const edge of list) {
    remember(edge.from);
    remember(edge.to);
  }
  const event: OpenLineageSummary = {
    kind,
    eventTime: eventTime!,
    datasets: [...datasets.values()],
    edges: list,
  };
  if (eventType) event.eventType = eventType;
  if (runId) event.runId = runId;
  if (job) event.job = job;
  return { event, issues };
}
