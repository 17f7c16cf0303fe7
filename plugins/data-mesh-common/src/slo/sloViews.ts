/**
 * What a product's SLOs look like from what is stored of their observations: the SLOs tab's
 * report over a window (attainment, error budget and condition of each SLO, the product's
 * health, each output port's roll-up), the history chart's points, and the last schema drift
 * check. The storage reads; everything decided about the views is decided here.
 */
import type {
  DriftFinding,
  SchemaDriftResponse,
  SloHistoryPoint,
  SloHistoryResponse,
  SloResponse,
  SloView,
  SloWindow,
} from '../api';
import type { OdcsContract } from '../odcs/model';
import { SCHEMA_DRIFT_SLO } from './driftSlo';
import {
  type ObservationCounts,
  summarizeWindow,
  windowMillis,
} from './errorBudget';
import { PUSHED_CHECK_PREFIX, productSloHealth, sloCondition } from './health';
import {
  type PortObservation,
  outputPortNames,
  rollUpPorts,
} from './portRollup';
import type { SloState } from './transitions';
import type { SloDefinition } from './types';

/** At most this many history points per SLO; older data is bucketed. */
const HISTORY_POINTS = 720;
const MINUTE = 60_000;
/** The objective of a pushed check the contract does not declare. */
const PUSHED_CHECK_OBJECTIVE = 0.99;
const NO_OBSERVATIONS: ObservationCounts = { pass: 0, fail: 0, error: 0 };

type StoredState = SloState & { sloId: string; details?: unknown };

/** The SLO's condition (its status with its error budget) and its assessment. */
function withCondition(view: SloView, state: StoredState | undefined) {
  const { condition, reason } = sloCondition(state ?? { status: 'unknown' });
  view.condition = condition;
  if (reason && (condition === 'at-risk' || condition === 'breached'))
    view.conditionReason = reason;
  if (state?.assessment) view.assessment = state.assessment;
  return view;
}

/**
 * The SLO views of one product, from what is stored of its SLOs' observations. `stored`
 * reads the storage (the backend's observation store); each view reads what it needs of it.
 * @public
 */
export class ProductSloViews {
  constructor(
    private readonly stored: {
      /** Observation counts per SLO id and outcome from `since` (ms) to now. */
      windowCounts(
        entityRef: string,
        since: number,
      ): Promise<ReadonlyMap<string, ObservationCounts>>;
      /** The stored state of each SLO of the product that has one. */
      states(
        entityRef: string,
      ): Promise<
        ReadonlyArray<SloState & { sloId: string; details?: unknown }>
      >;
      /** When the product's last run finished (ms), if any. */
      lastRunAt(entityRef: string): Promise<number | undefined>;
      /** The latest check of each SLO on each output port since `since` (ms). */
      latestPerPort(
        entityRef: string,
        since: number,
      ): Promise<readonly PortObservation[]>;
      /** The product's history points per SLO from `since` (ms), in buckets of `bucketMs`. */
      history(
        entityRef: string,
        since: number,
        bucketMs: number,
      ): Promise<SloHistoryPoint[]>;
    },
    private readonly product: {
      entityRef: string;
      contract?: OdcsContract;
      /** The SLOs the product's contract declares. */
      slos: readonly SloDefinition[];
    },
  ) {}

  /**
   * The SLOs of the product over `window` ending `now`: each with its target, status,
   * attainment, error budget and condition, the product's health and, with several output
   * ports, each port's roll-up; and checks pushed for SLOs its contract does not declare
   * (each held to a 99 % objective). `notMeasuredBecause` says why an SLO without a state is
   * not measured, if it says anything.
   */
  async report(
    window: SloWindow,
    options: {
      now?: number;
      notMeasuredBecause?: (slo: SloDefinition) => string | undefined;
    } = {},
  ): Promise<SloResponse> {
    const now = options.now ?? Date.now();
    const since = now - windowMillis(window);
    const { entityRef, contract } = this.product;
    const [counts, states, lastRun, perPort] = await Promise.all([
      this.stored.windowCounts(entityRef, since),
      this.stored.states(entityRef),
      this.stored.lastRunAt(entityRef),
      outputPortNames(contract).length > 1
        ? this.stored.latestPerPort(entityRef, since)
        : Promise.resolve([]),
    ]);
    const stateOf = new Map(states.map(s => [s.sloId, s]));
    const slos: SloView[] = this.product.slos.map(slo => {
      const state = stateOf.get(slo.id);
      const summary = summarizeWindow(
        counts.get(slo.id) ?? NO_OBSERVATIONS,
        slo.target.objective,
      );
      const view: SloView = {
        id: slo.id,
        name: slo.name,
        kind: slo.kind,
        target: slo.target,
        status: state?.status ?? 'unknown',
        attainment: summary.attainment,
        observations: summary.observations,
        errorBudget: summary.errorBudget,
        source: slo.measure.type === 'pushed' ? 'push' : 'scheduler',
      };
      if (slo.alert)
        view.alert = {
          severity: slo.alert.severity,
          ...(slo.alert.text ? { text: slo.alert.text } : {}),
        };
      if (!state) {
        const reason = options.notMeasuredBecause?.(slo);
        if (reason) view.notMeasuredBecause = reason;
      }
      if (state) {
        view.since = state.since;
        if (state.lastValue !== undefined) view.lastValue = state.lastValue;
        if (state.lastObservedAt) view.lastObservedAt = state.lastObservedAt;
        if (state.lastError) view.lastError = state.lastError;
      }
      return withCondition(view, state);
    });
    // Checks pushed for SLOs the contract does not declare (datacontract-cli's own checks).
    for (const state of states) {
      if (!state.sloId.startsWith(PUSHED_CHECK_PREFIX)) continue;
      const summary = summarizeWindow(
        counts.get(state.sloId) ?? NO_OBSERVATIONS,
        PUSHED_CHECK_OBJECTIVE,
      );
      slos.push(
        withCondition(
          {
            id: state.sloId,
            name: state.sloId.slice(PUSHED_CHECK_PREFIX.length),
            kind: 'quality',
            target: {
              text: 'the pushed check passes',
              operator: '=',
              value: 1,
              objective: PUSHED_CHECK_OBJECTIVE,
            },
            status: state.status,
            since: state.since,
            lastObservedAt: state.lastObservedAt,
            lastValue: state.lastValue,
            lastError: state.lastError,
            attainment: summary.attainment,
            observations: summary.observations,
            errorBudget: summary.errorBudget,
            source: 'push',
          },
          state,
        ),
      );
    }
    const body: SloResponse = {
      window,
      health: productSloHealth(this.product.slos, states),
      slos,
    };
    if (lastRun !== undefined)
      body.evaluatedAt = new Date(lastRun).toISOString();
    // the owners' metric series are kept, not promised: a port stands by its SLOs
    const ports = rollUpPorts(
      contract,
      slos.filter(s => s.kind !== 'metric'),
      perPort,
    );
    if (ports) body.ports = ports;
    return body;
  }

  /**
   * The history chart of the product over `window` ending `now`: each SLO's observations,
   * bucketed so that an SLO has at most 720 points (buckets of whole minutes).
   */
  async history(
    window: SloWindow,
    now: number = Date.now(),
  ): Promise<SloHistoryResponse> {
    const span = windowMillis(window);
    const bucket = Math.max(
      MINUTE,
      Math.ceil(span / HISTORY_POINTS / MINUTE) * MINUTE,
    );
    const points = await this.stored.history(
      this.product.entityRef,
      now - span,
      bucket,
    );
    return { window, points };
  }

  /**
   * The last schema drift check of the product: its status, when it ran, what departed
   * from the contract, and why it could not run when it errored.
   */
  async drift(): Promise<SchemaDriftResponse> {
    const state = (await this.stored.states(this.product.entityRef)).find(
      s => s.sloId === SCHEMA_DRIFT_SLO,
    );
    const body: SchemaDriftResponse = {
      status: state?.status ?? 'unknown',
      findings: [],
    };
    if (state?.lastObservedAt) body.observedAt = state.lastObservedAt;
    const details = state?.details as { findings?: unknown } | undefined;
    if (Array.isArray(details?.findings))
      body.findings = details!.findings as DriftFinding[];
    if (state?.status === 'error' && state.lastError)
      body.error = state.lastError;
    return body;
  }
}
