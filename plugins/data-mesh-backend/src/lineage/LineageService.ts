/**
 * The mesh's lineage graph, kept in memory: declared edges from the products' relations and
 * input ports, and OpenLineage edges whose datasets are matched to products through their
 * contracts' servers. Rebuilt when the product listing or the stored edges change, so a
 * query never calls the catalog per node.
 */
import path from 'node:path';
import {
  DatasetMatcher,
  LineageGraph,
  type LineageQuery,
  type LineageResponse,
  type LineageEdgeInput,
  type LineageNodeInput,
  RELATION_CONSUMES_DATA_FROM,
  type SloHealth,
  datasetPatterns,
  datasetRef,
  readDataProductSpec,
  upstreamProductRef,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import {
  type DataProduct,
  type ProductSource,
  governanceOf,
} from '../products/DataProduct';
import type { LineageStore } from '../database/LineageStore';

export interface LineageServiceOptions {
  products: ProductSource;
  store: LineageStore;
  /** Current SLO health per product ref. */
  health: () => Promise<Map<string, SloHealth>>;
  /** Directory of files of a server, when configured (to resolve relative paths). */
  serverDirectory: (serverName: string) => string | undefined;
}

/** How long the SLO health shown on lineage nodes is reused. */
const HEALTH_MILLIS = 10_000;

export class LineageService {
  private cached?: {
    signature: string;
    version: number;
    graph: Promise<LineageGraph>;
  };
  private version = 0;
  private readonly signatures = new WeakMap<DataProduct[], string>();
  private readonly matchers = new WeakMap<DataProduct[], DatasetMatcher>();
  private health?: { at: number; map: Promise<Map<string, SloHealth>> };

  constructor(private readonly options: LineageServiceOptions) {}

  /** Marks the OpenLineage edges as changed. */
  invalidate(): void {
    this.version += 1;
  }

  /** Matcher from OpenLineage datasets to products (kept per product listing). */
  matcherFor(products: DataProduct[]): DatasetMatcher {
    let matcher = this.matchers.get(products);
    if (!matcher) {
      matcher = this.buildMatcher(products);
      this.matchers.set(products, matcher);
    }
    return matcher;
  }

  private buildMatcher(products: DataProduct[]): DatasetMatcher {
    const matcher = new DatasetMatcher();
    for (const product of products) {
      const objects = (product.contract?.schema ?? [])
        .filter(o => o?.name)
        .map(o => o.physicalName || o.name);
      for (const server of product.contract?.servers ?? []) {
        if (!server) continue;
        const base =
          this.options.serverDirectory(server.server) ??
          product.contractDirectory;
        matcher.add(
          product.entityRef,
          datasetPatterns(server, objects, p =>
            base && !path.isAbsolute(p) ? path.resolve(base, p) : p,
          ),
        );
      }
    }
    return matcher;
  }

  /** What the graph depends on in the listing: the products and their versions. */
  private signatureOf(products: DataProduct[]): string {
    let signature = this.signatures.get(products);
    if (signature === undefined) {
      signature = products
        .map(p => `${p.entityRef}@${p.entity.metadata.etag ?? ''}`)
        .join('|');
      this.signatures.set(products, signature);
    }
    return signature;
  }

  /** The graph, rebuilt only when the products or the OpenLineage edges changed. */
  async graph(): Promise<LineageGraph> {
    const products = await this.options.products.listProducts();
    const signature = this.signatureOf(products);
    if (
      !this.cached ||
      this.cached.signature !== signature ||
      this.cached.version !== this.version
    ) {
      const graph = this.build(products);
      this.cached = { signature, version: this.version, graph };
      graph.catch(() => {
        if (this.cached?.graph === graph) this.cached = undefined;
      });
    }
    return this.cached.graph;
  }

  /**
   * A traversal, its nodes carrying the current SLO health (reused for a few seconds) and
   * the products' governance verdicts.
   */
  async query(root: string, query: LineageQuery): Promise<LineageResponse> {
    const [graph, health, products] = await Promise.all([
      this.graph(),
      this.healthMap(),
      this.options.products.listProducts(),
    ]);
    const response = graph.traverse(root, query);
    const byRef = new Map(products.map(p => [p.entityRef, p]));
    for (const node of response.nodes) {
      const current = health.get(node.entityRef);
      if (current) node.sloHealth = current;
      const product = byRef.get(node.entityRef);
      if (product) node.governance = governanceOf(product);
    }
    return response;
  }

  private healthMap(): Promise<Map<string, SloHealth>> {
    const now = Date.now();
    if (!this.health || now - this.health.at > HEALTH_MILLIS) {
      const map = this.options.health();
      this.health = { at: now, map };
      map.catch(() => {
        if (this.health?.map === map) this.health = undefined;
      });
    }
    return this.health.map;
  }

  private async build(products: DataProduct[]): Promise<LineageGraph> {
    const [stored, datasets] = await Promise.all([
      this.options.store.edges(),
      this.options.store.datasets(),
    ]);
    const nodes: LineageNodeInput[] = products.map(p => ({
      entityRef: p.entityRef,
      title: p.title,
      owner: p.owner,
      domain: p.domain,
    }));
    const edges: LineageEdgeInput[] = [];
    for (const product of products) {
      for (const upstream of declaredUpstreams(product)) {
        edges.push({
          from: upstream,
          to: product.entityRef,
          source: 'declared',
        });
      }
    }
    const matcher = this.matcherFor(products);
    for (const dataset of datasets) {
      if (!matcher.match(dataset))
        nodes.push({
          entityRef: datasetRef(dataset),
          title: dataset.name,
          external: true,
        });
    }
    const byRef = new Map(products.map(p => [p.entityRef, p]));
    for (const edge of stored) {
      const from = matcher.match(edge.from);
      const to = matcher.match(edge.to);
      const fromLabel = columnOwner(
        edge.from.name,
        from ? byRef.get(from) : undefined,
      );
      const toLabel = columnOwner(edge.to.name, to ? byRef.get(to) : undefined);
      const fromRef = from ?? datasetRef(edge.from);
      const toRef = to ?? datasetRef(edge.to);
      if (!from)
        nodes.push({
          entityRef: fromRef,
          title: edge.from.name,
          external: true,
        });
      if (!to)
        nodes.push({ entityRef: toRef, title: edge.to.name, external: true });
      edges.push({
        from: fromRef,
        to: toRef,
        source: 'openlineage',
        columns: edge.columns.map(c => ({
          from: `${fromLabel}.${c.from}`,
          to: `${toLabel}.${c.to}`,
        })),
      });
    }
    return LineageGraph.build(nodes, edges);
  }
}

/**
 * What a column of a dataset is prefixed with: the schema object of the product the dataset
 * belongs to when the product has one object, else the dataset's table or file name (never
 * the path a file has on some server).
 */
export function columnOwner(
  datasetName: string,
  product: Pick<DataProduct, 'contract'> | undefined,
): string {
  const objects = (product?.contract?.schema ?? []).filter(o => o?.name);
  if (objects.length === 1) return objects[0].name;
  const file = datasetName.split('/').filter(Boolean).pop() ?? datasetName;
  if (!datasetName.includes('/')) return datasetName;
  const dot = file.lastIndexOf('.');
  const stem = dot > 0 ? file.slice(0, dot) : file;
  return objects.find(o => (o.physicalName || o.name) === stem)?.name ?? stem;
}

/** The products a product reads from: its consumesDataFrom relations, else its input ports. */
export function declaredUpstreams(product: DataProduct): string[] {
  const refs = new Set<string>();
  for (const relation of product.entity.relations ?? []) {
    if (relation.type === RELATION_CONSUMES_DATA_FROM)
      refs.add(relation.targetRef.toLocaleLowerCase('en-US'));
  }
  if (refs.size === 0) {
    const { spec } = readDataProductSpec(product.entity);
    for (const port of spec.inputPorts) {
      try {
        const ref = upstreamProductRef(port, product.entity);
        if (ref) refs.add(ref.toLocaleLowerCase('en-US'));
      } catch {
        // a port whose product is not an entity ref: documented only
      }
    }
  }
  return [...refs];
}
