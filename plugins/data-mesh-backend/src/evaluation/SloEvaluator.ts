/**
 * Evaluates every data product's SLOs: on the schedule from `dataMesh.slo.schedule`, or
 * when asked. Products are evaluated one at a time; one product's failure never stops the
 * others. A request for a product (or for the whole mesh) that is already being evaluated
 * joins that evaluation rather than starting another.
 */
import { randomUUID } from 'node:crypto';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { DataProduct, ProductCatalog } from '../products/DataProduct';
import {
  DEFAULT_PRODUCT_LIMITS,
  type ProductLimits,
  evaluateProduct,
} from './evaluateProduct';
import type { ServerRegistry } from './ServerRegistry';
import type { SloRecorder } from './SloRecorder';

/** What one evaluation round did. */
export interface EvaluationSummary {
  products: number;
  evaluated: number;
  observations: number;
  /** `<entity ref>: <what went wrong>`, in words safe to show (never an engine's text). */
  failures: string[];
}

/** What evaluating one product did. */
interface ProductOutcome {
  evaluated: boolean;
  observations: number;
  failure?: string;
}

export class SloEvaluator {
  private running?: Promise<EvaluationSummary>;
  private readonly inFlight = new Map<string, Promise<ProductOutcome>>();
  private readonly limits: ProductLimits;

  constructor(
    private readonly products: ProductCatalog,
    private readonly servers: ServerRegistry,
    private readonly recorder: SloRecorder,
    private readonly logger: LoggerService,
    limits: Partial<ProductLimits> = {},
  ) {
    this.limits = { ...DEFAULT_PRODUCT_LIMITS, ...limits };
  }

  /**
   * Evaluates every product; a round already running is joined, not doubled. `signal`
   * (the scheduler's) stops the round between checks and interrupts the running query.
   * Given an entity ref (the older form), evaluates that product only.
   */
  evaluateAll(
    options: { signal?: AbortSignal } | string = {},
  ): Promise<EvaluationSummary> {
    if (typeof options === 'string') return this.evaluateProduct(options);
    if (this.running) return this.running;
    const round = this.round(options.signal);
    this.running = round;
    round
      .finally(() => {
        if (this.running === round) this.running = undefined;
      })
      .catch(() => {});
    return round;
  }

  /** Evaluates one product; an evaluation of it already running is joined, not doubled. */
  async evaluateProduct(entityRef: string): Promise<EvaluationSummary> {
    const product = await this.products.getProduct(entityRef);
    const summary = emptySummary(product ? 1 : 0);
    if (product) add(summary, product, await this.evaluate(product));
    return summary;
  }

  private async round(signal?: AbortSignal): Promise<EvaluationSummary> {
    const products = await this.products.listProducts();
    const summary = emptySummary(products.length);
    for (const product of products) {
      if (signal?.aborted) break;
      add(summary, product, await this.evaluate(product, signal));
    }
    this.logger.info(
      `SLO evaluation: ${summary.evaluated} of ${
        summary.products
      } product(s) evaluated, ${summary.observations} observation(s)${
        signal?.aborted ? '; the round was aborted' : ''
      }`,
    );
    return summary;
  }

  private evaluate(
    product: DataProduct,
    signal?: AbortSignal,
  ): Promise<ProductOutcome> {
    const running = this.inFlight.get(product.entityRef);
    if (running) return running;
    const evaluation = this.evaluateOnce(product, signal);
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
    signal?: AbortSignal,
  ): Promise<ProductOutcome> {
    try {
      const evaluation = await evaluateProduct(product, this.servers, {
        ...this.limits,
        signal,
        logger: this.logger,
      });
      if (!evaluation || evaluation.observations.length === 0)
        return { evaluated: false, observations: 0 };
      await this.recorder.record(product, {
        runId: `scheduler:${randomUUID()}`,
        entityRef: product.entityRef,
        source: 'scheduler',
        server: evaluation.server,
        startedAt: evaluation.startedAt,
        finishedAt: evaluation.finishedAt,
        observations: evaluation.observations,
      });
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
