import type { GovernanceHealth, SloHealth } from './products';

/**
 * Which way a lineage query walks from its root: `up` to the sources, `down` to the consumers.
 * @public
 */
export type LineageDirection = 'up' | 'down' | 'both';

/**
 * Where a lineage edge is known from: the product's declared input ports (and the catalog's
 * `consumesDataFrom` relations), or OpenLineage events pipelines sent.
 */
export type LineageEdgeSource = LineageEdge['source'];

/**
 * A node of the lineage graph: a data product, or a dataset no product claims.
 * @public
 */
export interface LineageNode {
  /** Entity ref of the data product, or `dataset:<namespace>/<name>` for an unmatched OpenLineage dataset. */
  entityRef: string;
  title?: string;
  owner?: string;
  domain?: string;
  sloHealth: SloHealth;
  /** The product's governance verdict, when it is a product the caller may discover. */
  governance?: GovernanceHealth;
  /** True for an OpenLineage dataset that matches no data product. */
  external?: boolean;
  /**
   * True for a data product the caller may not discover: its ref is `hidden:<n>` and it
   * has no title, owner, domain, health or columns; only its place in the graph is shown.
   */
  hidden?: boolean;
  /**
   * True for a data product the caller may discover but not read: its SLO health is
   * withheld (`unknown`), and a view says so rather than "not measured".
   */
  restricted?: boolean;
  /** Hops from the root (0 for the root). */
  depth: number;
}

/**
 * A column-to-column edge: `from` feeds `to`. Columns are written `object.column`
 * (or just `column` when the dataset has one object).
 * @public
 */
export interface ColumnEdge {
  from: string;
  to: string;
}

/**
 * Data flows from `from` to `to` (upstream to downstream).
 * @public
 */
export interface LineageEdge {
  from: string;
  to: string;
  /**
   * Where the edge is known from: the product's declared input ports (and the catalog's
   * `consumesDataFrom` relations), or OpenLineage events pipelines sent.
   */
  source: 'declared' | 'openlineage';
  /** Column edges, only when asked for (`columns=true`) and known. */
  columns?: ColumnEdge[];
}

/**
 * `GET /api/data-mesh/lineage?entity=<ref>&depth=N&direction=up|down|both[&columns=true]`.
 * @public
 */
export interface LineageResponse {
  root: string;
  direction: LineageDirection;
  depth: number;
  nodes: LineageNode[];
  edges: LineageEdge[];
  /** True when nodes exist beyond `depth` (the UI offers to go deeper). */
  truncated: boolean;
}
