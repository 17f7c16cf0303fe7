/**
 * Evaluates data products' SLOs when they are due, on every backend replica at once: each
 * replica claims due products from the shared schedule (see EvaluationSchedule) and
 * evaluates up to `concurrency` of them at a time, since checks mostly wait on the engine
 * that holds the data. A product is evaluated once per due time across replicas, at the
 * cadence its SLOs ask for; one product's failure never stops the others. A request for a
 * product that is already being evaluated here joins that evaluation.
 */
import os from 'node:os';
import { randomUUID } from 'node:crypto';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { EvaluationCadence } from '@backstage-data-mesh/plugin-data-mesh-common';
import type { DataProduct, ProductCatalog } from '../products/DataProduct';
import type {
  ClaimedEvaluation,
  EvaluationSchedule,
} from '../database/EvaluationSchedule';
import {
  DEFAULT_PRODUCT_LIMITS,
  type ProductLimits,
  evaluateProduct,
} from './evaluateProduct';
import type { ServerRegistry } from './ServerRegistry';
import type { SloRecorder } from './SloRecorder';

/** What an evaluation round did. */
export interface EvaluationSummary {
  products: number;
  evaluated: number;
  observations: number;
  /** `<entity ref>: <what went wrong>`, in words safe to show (never an engine's text). */
  failures: string[];
}

/** How a replica takes part in evaluation. */
export interface EvaluatorSettings {
  /** This replica's name in the schedule's claims. */
  replica: string;
  /** Products evaluated at once on this replica (default 8). */
  concurrency: number;
  /** How long a claim holds before another replica may take the product over. */
  claimMs: number;
  cadence: EvaluationCadence;
}

/** What evaluating one product did. */
interface ProductOutcome {
  evaluated: boolean;
  observations: number;
  failure?: string;
}

/** The evaluator's settings unless `dataMesh.slo` says otherwise. */
export function defaultEvaluatorSettings(
  limits: ProductLimits = DEFAULT_PRODUCT_LIMITS,
): EvaluatorSettings {
  return {
    replica: `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    concurrency: 8,
    // The evaluation's own time budget, and time to record it.
    claimMs: limits.productTimeBudgetMs + 60_000,
    cadence: new EvaluationCadence(),
  };
}

export class SloEvaluator {
  private running?: Promise<EvaluationSummary>;
  private readonly inFlight = new Map<string, Promise<ProductOutcome>>();
  private readonly limits: ProductLimits;
  private readonly settings: EvaluatorSettings;
  private planned?: readonly DataProduct[];
  /** Aborted when this replica stops: nothing more is taken, nothing half-done recorded. */
  private readonly stopping = new AbortController();

  constructor(
    private readonly products: ProductCatalog,
    private readonly servers: ServerRegistry,
    private readonly recorder: SloRecorder,
    private readonly logger: LoggerService,
    private readonly schedule: EvaluationSchedule,
    limits: Partial<ProductLimits> = {},
    settings: Partial<EvaluatorSettings> = {},
  ) {
    this.limits = { ...DEFAULT_PRODUCT_LIMITS, ...limits };
    this.settings = { ...defaultEvaluatorSettings(this.limits), ...settings };
  }

  /** This replica's name in the schedule. */
  get replica(): string {
    return this.settings.replica;
  }

  /**
   * Brings the schedule up to date with the products: new ones due now, cadences from their
   * SLOs, products gone forgotten. Cheap when the listing did not change.
   */
  async plan(now = Date.now()): Promise<void> {
    const products = await this.products.listProducts();
    if (this.planned === products) return;
    await this.schedule.sync(
      products.map(p => ({
        entityRef: p.entityRef,
        cadenceMs: this.settings.cadence.of(p.slos),
      })),
      now,
    );
    this.planned = products;
  }

  /**
   * Evaluates the products that are due until none is left, `concurrency` at a time; several
   * replicas share the work. `signal` (the scheduler's) stops taking new products and
   * interrupts the running checks. A round already running here is joined.
   */
  runDue(options: { signal?: AbortSignal } = {}): Promise<EvaluationSummary> {
    if (this.running) return this.running;
    const signal = options.signal
      ? AbortSignal.any([options.signal, this.stopping.signal])
      : this.stopping.signal;
    const round = this.round(signal);
    this.running = round;
    round
      .finally(() => {
        if (this.running === round) this.running = undefined;
      })
      .catch(() => {});
    return round;
  }

  /**
   * Evaluates the whole mesh now: every product not evaluated in the last minute becomes
   * due, and this replica evaluates them with any other replica that is running its round.
   * Asked of several replicas at once, the mesh is evaluated once.
   */
  async evaluateAll(
    options: { signal?: AbortSignal } = {},
  ): Promise<EvaluationSummary> {
    await this.plan();
    const now = Date.now();
    await this.schedule.dueNow(now, { unlessFinishedSince: now - 60_000 });
    return this.runDue(options);
  }

  /** Evaluates one product now; an evaluation of it already running here is joined. */
  async evaluateProduct(entityRef: string): Promise<EvaluationSummary> {
    const product = await this.products.getProduct(entityRef);
    const summary = emptySummary(product ? 1 : 0);
    if (product)
      add(
        summary,
        product,
        await this.evaluate(product, `scheduler:${randomUUID()}`),
      );
    return summary;
  }

  /**
   * Stops this replica's evaluations (at shutdown): the running ones are interrupted and not
   * recorded, and its claims given back, so another replica evaluates those products at once.
   */
  async stop(): Promise<void> {
    this.stopping.abort();
    await Promise.allSettled([...this.inFlight.values()]);
    if (this.running) await this.running.catch(() => {});
    await this.schedule.release(this.settings.replica);
  }

  private async round(signal?: AbortSignal): Promise<EvaluationSummary> {
    await this.plan();
    const summary = emptySummary(0);
    const worker = async () => {
      while (!signal?.aborted) {
        const [claim] = await this.schedule.claim({
          replica: this.settings.replica,
          limit: 1,
          claimMs: this.settings.claimMs,
          now: Date.now(),
        });
        if (!claim) return;
        summary.products += 1;
        const product = await this.products.getProduct(claim.entityRef);
        if (product) {
          add(
            summary,
            product,
            await this.evaluateClaim(product, claim, signal),
          );
        }
        if (signal?.aborted) {
          await this.schedule.unclaim(claim, this.settings.replica);
        } else {
          await this.schedule.finished(
            claim,
            this.settings.replica,
            Date.now(),
          );
        }
      }
    };
    await Promise.all(
      Array.from({ length: this.settings.concurrency }, () => worker()),
    );
    if (summary.products > 0 || signal?.aborted) {
      this.logger.info(
        `SLO evaluation: ${summary.evaluated} of ${
          summary.products
        } due product(s) evaluated on this replica, ${
          summary.observations
        } observation(s)${signal?.aborted ? '; the round was aborted' : ''}`,
      );
    }
    return summary;
  }

  /**
   * A claimed due evaluation. Its run id names the due time, so if two replicas ever
   * evaluated the same due time (a claim lapsed while its replica was still at work), the
   * second result is recognised as a duplicate and not recorded.
   */
  private evaluateClaim(
    product: DataProduct,
    claim: ClaimedEvaluation,
    signal?: AbortSignal,
  ): Promise<ProductOutcome> {
    return this.evaluate(product, `scheduler:due:${claim.dueAt}`, signal);
  }

  private evaluate(
    product: DataProduct,
    runId: string,
    signal?: AbortSignal,
  ): Promise<ProductOutcome> {
    const running = this.inFlight.get(product.entityRef);
    if (running) return running;
    const evaluation = this.evaluateOnce(product, runId, signal);
    this.inFlight.set(product.entityRef, evaluation);
    evaluation
      .finally(() => {
        if (this.inFlight.get(product.entityRef) === evaluation)
          this.inFlight.delete(product.entityRef);
      })
      .catch(() => {});
    return evaluation;
  }

  private async evaluateOnce(
    product: DataProduct,
    runId: string,
    signal?: AbortSignal,
  ): Promise<ProductOutcome> {
    try {
      const evaluation = await evaluateProduct(product, this.servers, {
        ...this.limits,
        signal,
        logger: this.logger,
        countsOf: (sloId, since) =>
          this.recorder.series(product.entityRef, sloId, since),
      });
      if (!evaluation || evaluation.observations.length === 0) {
        // Nothing measured here (pushed results only): its budgets still age.
        if (!signal?.aborted) await this.recorder.reassess(product);
        return { evaluated: false, observations: 0 };
      }
      // Part of an evaluation is not recorded: the product is evaluated again, whole.
      if (evaluation.aborted || signal?.aborted)
        return { evaluated: false, observations: 0 };
      const recorded = await this.recorder.record(product, {
        runId,
        entityRef: product.entityRef,
        source: 'scheduler',
        server: evaluation.server,
        startedAt: evaluation.startedAt,
        finishedAt: evaluation.finishedAt,
        observations: evaluation.observations,
      });
      if (recorded.duplicate) return { evaluated: false, observations: 0 };
      return {
        evaluated: true,
        observations: evaluation.observations.length,
      };
    } catch (error) {
      this.logger.error(
        `SLO evaluation of ${product.entityRef} failed: ${error}`,
      );
      return {
        evaluated: false,
        observations: 0,
        failure: 'the evaluation failed; the backend log says why',
      };
    }
  }
}

function emptySummary(products: number): EvaluationSummary {
  return { products, evaluated: 0, observations: 0, failures: [] };
}

function add(
  summary: EvaluationSummary,
  product: DataProduct,
  outcome: ProductOutcome,
) {
  if (outcome.evaluated) summary.evaluated += 1;
  summary.observations += outcome.observations;
  if (outcome.failure)
    summary.failures.push(`${product.entityRef}: ${outcome.failure}`);
}
