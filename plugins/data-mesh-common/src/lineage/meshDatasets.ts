/**
 * The OpenLineage datasets of the mesh's data products: which product a dataset some event
 * names belongs to (through the servers and schema objects of the products' contracts), the
 * lineage node a dataset is, and what an event tells of each product it touches.
 */
import type { OdcsContract, OdcsServer } from '../odcs/model';
import {
  openLineageQualityChecks,
  type ReportedCheck,
} from '../observability/inputs';
import { isRecord } from '../parsedValues';
import { physicalName, schemaObjects } from '../product/schemaObjects';
import { DatasetMatcher, datasetPatterns, datasetRef } from './datasetNames';
import type { DatasetId, OpenLineageSummary } from './openLineage';

/** The datasets an event names with their facets: inputs, outputs, a DatasetEvent's dataset. */
function namedDatasets(body: unknown): Record<string, unknown>[] {
  if (!isRecord(body)) return [];
  const list = [
    ...(Array.isArray(body.inputs) ? body.inputs : []),
    ...(Array.isArray(body.outputs) ? body.outputs : []),
    ...(body.dataset ? [body.dataset] : []),
  ];
  return list.filter(
    (d): d is Record<string, unknown> =>
      isRecord(d) &&
      typeof d.namespace === 'string' &&
      typeof d.name === 'string',
  );
}

/**
 * The datasets of the mesh's data products. Each server of a product's contract names one
 * dataset per schema object (by its physical name), as OpenLineage names datasets (see
 * `datasetNames`); a dataset some event names belongs to the product with the longest
 * matching name. Lookups cost the dataset name's length, not the number of products.
 * @public
 */
export class MeshDatasets {
  private readonly matcher = new DatasetMatcher();

  /**
   * The datasets of `products`. `resolvePath` turns a relative file path of one of a
   * product's servers into an absolute one; without it relative paths are kept as written.
   */
  static of<P extends { entityRef: string; contract?: OdcsContract | null }>(
    products: Iterable<P>,
    resolvePath?: (path: string, server: OdcsServer, product: P) => string,
  ): MeshDatasets {
    const datasets = new MeshDatasets();
    for (const product of products) {
      const objects = schemaObjects(product.contract).map(physicalName);
      for (const server of product.contract?.servers ?? []) {
        if (!server) continue;
        datasets.matcher.add(
          product.entityRef,
          datasetPatterns(
            server,
            objects,
            resolvePath ? p => resolvePath(p, server, product) : undefined,
          ),
        );
      }
    }
    return datasets;
  }

  private constructor() {}

  /** The entity ref of the product the dataset belongs to, if one does. */
  productOf(dataset: DatasetId): string | undefined {
    return this.matcher.match(dataset);
  }

  /**
   * The lineage node the dataset is: its product's entity ref, or
   * `dataset:<namespace>/<name>` when no product claims it.
   */
  nodeRef(dataset: DatasetId): string {
    return this.matcher.match(dataset) ?? datasetRef(dataset);
  }

  /**
   * What an event (`body`, as `readOpenLineageEvent` read it into `event`) tells of the
   * products: the products any dataset it names belongs to, sorted, and the quality checks
   * the `dataQualityAssertions` and `dataQualityMetrics` facets of its inputs, outputs or
   * dataset report, by product (each product with at least one check).
   */
  eventProducts(
    body: unknown,
    event: OpenLineageSummary,
  ): { products: string[]; quality: Map<string, ReportedCheck[]> } {
    const products = new Set<string>();
    for (const dataset of event.datasets) {
      const ref = this.matcher.match(dataset);
      if (ref) products.add(ref);
    }
    const quality = new Map<string, ReportedCheck[]>();
    for (const dataset of namedDatasets(body)) {
      const ref = this.matcher.match({
        namespace: dataset.namespace as string,
        name: dataset.name as string,
      });
      if (!ref) continue;
      const checks = openLineageQualityChecks(dataset);
      if (checks.length)
        quality.set(ref, [...(quality.get(ref) ?? []), ...checks]);
    }
    return { products: [...products].sort(), quality };
  }
}
