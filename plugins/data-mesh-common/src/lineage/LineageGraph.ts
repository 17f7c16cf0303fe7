/**
 * The lineage graph of the mesh: data products (and datasets no product claims) joined by
 * edges from declared input ports and from OpenLineage events. Built once in memory;
 * traversals are breadth-first over adjacency lists, so a query costs what it returns.
 */
import type {
  ColumnEdge,
  LineageDirection,
  LineageEdge,
  LineageNode,
  LineageResponse,
  SloHealth,
} from '../api';

/**
 * What the graph knows of a node before any traversal.
 * @public
 */
export interface LineageNodeInput {
  entityRef: string;
  title?: string;
  owner?: string;
  domain?: string;
  sloHealth?: SloHealth;
  external?: boolean;
}

/**
 * An edge as its source reports it: data flows from `from` to `to`.
 * @public
 */
export interface LineageEdgeInput {
  from: string;
  to: string;
  source: LineageEdge['source'];
  columns?: ColumnEdge[];
}

interface StoredEdge {
  from: number;
  to: number;
  source: LineageEdge['source'];
  columns: Map<string, ColumnEdge>;
}

/**
 * An immutable lineage graph.
 * @public
 */
export class LineageGraph {
  private readonly index = new Map<string, number>();
  private readonly nodes: LineageNodeInput[] = [];
  private readonly edges: StoredEdge[] = [];
  private readonly outgoing: number[][] = [];
  private readonly incoming: number[][] = [];

  /**
   * Builds the graph. Edges between the same two nodes merge into one: `declared` wins as
   * the source over `openlineage`, and column edges are united. Edge ends that are not among
   * `nodes` become nodes of their own (an entity ref without details). Self-loops are dropped.
   */
  static build(
    nodes: Iterable<LineageNodeInput>,
    edges: Iterable<LineageEdgeInput>,
  ): LineageGraph {
    const graph = new LineageGraph();
    for (const node of nodes) graph.addNode(node);
    const byPair = new Map<string, number>();
    for (const edge of edges) {
      if (edge.from === edge.to) continue;
      const from = graph.addNode({ entityRef: edge.from }, false);
      const to = graph.addNode({ entityRef: edge.to }, false);
      const key = `${from} ${to}`;
      let at = byPair.get(key);
      if (at === undefined) {
        at = graph.edges.length;
        byPair.set(key, at);
        graph.edges.push({ from, to, source: edge.source, columns: new Map() });
        graph.outgoing[from].push(at);
        graph.incoming[to].push(at);
      } else if (edge.source === 'declared') {
        graph.edges[at].source = 'declared';
      }
      for (const column of edge.columns ?? []) {
        graph.edges[at].columns.set(`${column.from}\u0000${column.to}`, column);
      }
    }
    return graph;
  }

  private constructor() {}

  private addNode(node: LineageNodeInput, replace = true): number {
    const existing = this.index.get(node.entityRef);
    if (existing !== undefined) {
      if (replace) this.nodes[existing] = { ...this.nodes[existing], ...node };
      return existing;
    }
    const at = this.nodes.length;
    this.index.set(node.entityRef, at);
    this.nodes.push(node);
    this.outgoing.push([]);
    this.incoming.push([]);
    return at;
  }

  /** Number of nodes. */
  get size(): number {
    return this.nodes.length;
  }

  /** True when the graph knows the entity. */
  has(entityRef: string): boolean {
    return this.index.has(entityRef);
  }

  /**
   * The part of the graph within `depth` hops of `root`: upstream (`up`), downstream
   * (`down`), or both (each walked on its own, so `both` never turns from upstream to
   * downstream mid-way). `depth` counts hops from the root (at least 1); `columns` includes
   * column edges. A root the graph does not know yields the root alone.
   */
  traverse(
    root: string,
    query: { direction: LineageDirection; depth: number; columns?: boolean },
  ): LineageResponse {
    const depth = Math.max(1, Math.floor(query.depth));
    const start = this.index.get(root);
    if (start === undefined) {
      return {
        root,
        direction: query.direction,
        depth,
        nodes: [{ entityRef: root, sloHealth: 'unknown', depth: 0 }],
        edges: [],
        truncated: false,
      };
    }
    const reached = new Map<number, number>([[start, 0]]);
    const usedEdges = new Set<number>();
    let truncated = false;
    const walk = (adjacency: number[][], far: (edge: StoredEdge) => number) => {
      const seen = new Set<number>([start]);
      let frontier = [start];
      for (let hop = 1; frontier.length > 0; hop += 1) {
        const next: number[] = [];
        for (const node of frontier) {
          for (const e of adjacency[node]) {
            if (hop > depth) {
              truncated = true;
              return;
            }
            usedEdges.add(e);
            const other = far(this.edges[e]);
            if (seen.has(other)) continue;
            seen.add(other);
            next.push(other);
            const known = reached.get(other);
            if (known === undefined || hop < known) reached.set(other, hop);
          }
        }
        frontier = next;
      }
    };
    if (query.direction !== 'down') walk(this.incoming, e => e.from);
    if (query.direction !== 'up') walk(this.outgoing, e => e.to);

    const nodes: LineageNode[] = [];
    for (const [at, hops] of reached) {
      const info = this.nodes[at];
      const node: LineageNode = {
        entityRef: info.entityRef,
        sloHealth: info.sloHealth ?? 'unknown',
        depth: hops,
      };
      if (info.title !== undefined) node.title = info.title;
      if (info.owner !== undefined) node.owner = info.owner;
      if (info.domain !== undefined) node.domain = info.domain;
      if (info.external) node.external = true;
      nodes.push(node);
    }
    const edges: LineageEdge[] = [];
    for (const e of usedEdges) {
      const stored = this.edges[e];
      const edge: LineageEdge = {
        from: this.nodes[stored.from].entityRef,
        to: this.nodes[stored.to].entityRef,
        source: stored.source,
      };
      if (query.columns && stored.columns.size > 0)
        edge.columns = [...stored.columns.values()];
      edges.push(edge);
    }
    return { root, direction: query.direction, depth, nodes, edges, truncated };
  }
}
