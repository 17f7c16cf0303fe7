/**
 * The mesh's lineage graph, kept in memory: declared edges from the products' relations and
 * input ports, and OpenLineage edges whose datasets are matched to products through their
 * contracts' servers. Built incrementally: what each product contributes (its node, its
 * declared upstreams, its dataset patterns) is worked out once per version of the product,
 * and only the datasets and edges seen since the last look are read from the database, so
 * a change of one product or one event does not read or derive the whole mesh again. A
 * query never calls the catalog per node.
 */
import path from 'node:path';
import {
  LineageGraph,
  type LineageResponse,
  type LineageEdgeInput,
  type LineageNodeInput,
  MeshDatasets,
  RELATION_CONSUMES_DATA_FROM,
  type SloHealth,
  productRef,
  readDataProductSpec,
  upstreamProductRef,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type { DataProduct, ProductCatalog } from '../products/DataProduct';
import type {
  LineageStore,
  StoredDataset,
  StoredDatasetEdge,
} from '../database/LineageStore';

export interface LineageServiceOptions {
  products: ProductCatalog;
  store: LineageStore;
  /** Current SLO health per product ref. */
  health: () => Promise<Map<string, SloHealth>>;
  /** Directory of files of a server, when configured (to resolve relative paths). */
  serverDirectory: (serverName: string) => string | undefined;
  /** How often the datasets and edges other replicas stored are looked for (default 10 s). */
  pollMillis?: number;
}

/** How long the SLO health shown on lineage nodes is reused. */
const HEALTH_MILLIS = 10_000;
/** How often the datasets and edges other replicas stored are looked for. */
const POLL_MILLIS = 10_000;
/** Rows seen this long before the last look are read again (clocks of replicas differ). */
const CLOCK_SKEW_MILLIS = 5 * 60_000;

/** What one version of a product contributes to the graph. */
interface ProductPart {
  node: LineageNodeInput;
  upstreams: string[];
}

export class LineageService {
  private cached?: {
    products: DataProduct[];
    version: number;
    graph: Promise<LineageGraph>;
  };
  private version = 0;
  private readonly matchers = new WeakMap<DataProduct[], MeshDatasets>();
  private readonly parts = new WeakMap<DataProduct, ProductPart>();
  private readonly datasets = new Map<string, StoredDataset>();
  private readonly edges = new Map<string, StoredDatasetEdge>();
  /** When the store was last looked at, and whether it must be looked at now. */
  private lookedAt?: number;
  private lookNow = false;
  private health?: { at: number; map: Promise<Map<string, SloHealth>> };

  constructor(private readonly options: LineageServiceOptions) {}

  /** New OpenLineage edges were stored here: look for them before the next query. */
  invalidate(): void {
    this.lookNow = true;
  }

  /** The OpenLineage datasets of the products (kept per product listing). */
  matcherFor(products: DataProduct[]): MeshDatasets {
    let matcher = this.matchers.get(products);
    if (!matcher) {
      matcher = this.buildMatcher(products);
      this.matchers.set(products, matcher);
    }
    return matcher;
  }

  private buildMatcher(products: DataProduct[]): MeshDatasets {
    return MeshDatasets.of(products, (p, server, product) => {
      const base =
        this.options.serverDirectory(server.server) ??
        product.contractDirectory;
      return base && !path.isAbsolute(p) ? path.resolve(base, p) : p;
    });
  }

  /**
   * Reads the datasets and edges seen since the last look (all of them the first time);
   * answers whether any arrived.
   */
  private async poll(): Promise<boolean> {
    const now = Date.now();
    const last = this.lookedAt;
    const every = this.options.pollMillis ?? POLL_MILLIS;
    if (last !== undefined && !this.lookNow && now - last < every) return false;
    const since = last === undefined ? undefined : last - CLOCK_SKEW_MILLIS;
    this.lookNow = false;
    const [datasets, edges] = await Promise.all([
      this.options.store.datasets(since),
      this.options.store.edges(since),
    ]);
    let changed = false;
    for (const dataset of datasets) {
      if (!this.datasets.has(dataset.key)) changed = true;
      this.datasets.set(dataset.key, dataset);
    }
    for (const edge of edges) {
      const known = this.edges.get(edge.key);
      if (!known || known.columns.length !== edge.columns.length)
        changed = true;
      this.edges.set(edge.key, edge);
    }
    this.lookedAt = now;
    return changed;
  }

  /** The graph, assembled again only when a product or the OpenLineage edges changed. */
  async graph(): Promise<LineageGraph> {
    const products = await this.options.products.listProducts();
    if (await this.poll()) this.version += 1;
    if (
      !this.cached ||
      this.cached.products !== products ||
      this.cached.version !== this.version
    ) {
      const graph = Promise.resolve().then(() => this.build(products));
      this.cached = { products, version: this.version, graph };
      graph.catch(() => {
        if (this.cached?.graph === graph) this.cached = undefined;
      });
    }
    return this.cached.graph;
  }

  /**
   * A traversal, its nodes carrying the current SLO health (reused for a few seconds); the
   * route adds each product's governance verdict as the caller sees it.
   */
  async query(
    root: string,
    query: Parameters<LineageGraph['traverse']>[1],
  ): Promise<LineageResponse> {
    const [graph, health] = await Promise.all([this.graph(), this.healthMap()]);
    const response = graph.traverse(root, query);
    for (const node of response.nodes) {
      const current = health.get(node.entityRef);
      if (current) node.sloHealth = current;
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

  /** What a product contributes: worked out once per version of the product. */
  private partOf(product: DataProduct): ProductPart {
    let part = this.parts.get(product);
    if (!part) {
      part = {
        node: {
          entityRef: product.entityRef,
          title: product.title,
          owner: product.owner,
          domain: product.domain,
        },
        upstreams: declaredUpstreams(product),
      };
      this.parts.set(product, part);
    }
    return part;
  }

  private build(products: DataProduct[]): LineageGraph {
    const nodes: LineageNodeInput[] = [];
    const edges: LineageEdgeInput[] = [];
    for (const product of products) {
      const part = this.partOf(product);
      nodes.push(part.node);
      for (const upstream of part.upstreams) {
        edges.push({
          from: upstream,
          to: product.entityRef,
          source: 'declared',
        });
      }
    }
    const matcher = this.matcherFor(products);
    for (const dataset of this.datasets.values()) {
      if (!matcher.productOf(dataset))
        nodes.push({
          entityRef: matcher.nodeRef(dataset),
          title: dataset.name,
          external: true,
        });
    }
    const byRef = new Map(products.map(p => [p.entityRef, p]));
    for (const edge of this.edges.values()) {
      const from = matcher.productOf(edge.from);
      const to = matcher.productOf(edge.to);
      const fromLabel = columnOwner(
        edge.from.name,
        from ? byRef.get(from) : undefined,
      );
      const toLabel = columnOwner(edge.to.name, to ? byRef.get(to) : undefined);
      const fromRef = from ?? matcher.nodeRef(edge.from);
      const toRef = to ?? matcher.nodeRef(edge.to);
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
      refs.add(productRef(relation.targetRef));
  }
  if (refs.size === 0) {
    const { spec } = readDataProductSpec(product.entity);
    for (const port of spec.inputPorts) {
      try {
        const ref = upstreamProductRef(port, product.entity);
        if (ref) refs.add(ref);
      } catch {
        // a port whose product is not an entity ref: documented only
      }
    }
  }
  return [...refs];
}
