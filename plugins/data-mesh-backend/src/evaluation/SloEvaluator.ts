/**
 * Evaluates every data product's SLOs: on the schedule from `dataMesh.slo.schedule`, or
 * when asked. Products are evaluated one at a time; one product's failure never stops the
 * others.
 */
import { randomUUID } from 'node:crypto';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { ProductSource } from '../products/DataProduct';
import { evaluateProduct } from './evaluateProduct';
import type { ServerRegistry } from './ServerRegistry';
import type { SloRecorder } from './SloRecorder';

/** What one evaluation round did. */
export interface EvaluationSummary {
  products: number;
  evaluated: number;
  observations: number;
  failures: string[];
}

export class SloEvaluator {
  private running?: Promise<EvaluationSummary>;

  constructor(
    private readonly products: ProductSource,
    private readonly servers: ServerRegistry,
    private readonly recorder: SloRecorder,
    private readonly logger: LoggerService,
  ) {}

  /** Evaluates all products (or the given one); a round already running is joined, not doubled. */
  evaluateAll(entityRef?: string): Promise<EvaluationSummary> {
    if (!entityRef && this.running) return this.running;
    const round = this.round(entityRef);
    if (!entityRef) {
      this.running = round;
      round
        .finally(() => {
          if (this.running === round) this.running = undefined;
        })
        .catch(() => {});
    }
    return round;
  }

  private async round(entityRef?: string): Promise<EvaluationSummary> {
    const all = await this.products.listProducts();
    const products = entityRef
      ? all.filter(p => p.entityRef === entityRef)
      : all;
    const summary: EvaluationSummary = {
      products: products.length,
      evaluated: 0,
      observations: 0,
      failures: [],
    };
    for (const product of products) {
      try {
        const evaluation = await evaluateProduct(product, this.servers);
        if (!evaluation || evaluation.observations.length === 0) continue;
        await this.recorder.record(product, {
          runId: `scheduler:${randomUUID()}`,
          entityRef: product.entityRef,
          source: 'scheduler',
          server: evaluation.server,
          startedAt: evaluation.startedAt,
          finishedAt: evaluation.finishedAt,
          observations: evaluation.observations,
        });
        summary.evaluated += 1;
        summary.observations += evaluation.observations.length;
      } catch (error) {
        summary.failures.push(`${product.entityRef}: ${error}`);
        this.logger.error(
          `SLO evaluation of ${product.entityRef} failed: ${error}`,
        );
      }
    }
    this.logger.info(
      `SLO evaluation: ${summary.evaluated} of ${summary.products} product(s) evaluated, ${summary.observations} observation(s)`,
    );
    return summary;
  }
}
