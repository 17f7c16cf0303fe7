import type { RoutePoint } from '../../../lib/layoutLineage';

/** The SLO health a node shows, as the backend reports it. */
export type NodeHealth =
  | 'healthy'
  | 'at-risk'
  | 'breached'
  | 'error'
  | 'unknown';

/** A node as the canvas draws it: its centre in world units and its two lines of text. */
export interface SceneNode {
  id: string;
  x: number;
  y: number;
  title: string;
  subtitle: string;
  health: NodeHealth;
  isRoot: boolean;
  /** An enforced policy blocks the product: drawn with a blocked border. */
  blocked?: boolean;
}

/** An edge between two nodes, by their index in the node list. */
export interface SceneEdge {
  from: number;
  to: number;
  /** Edges seen only in OpenLineage events (not declared) are drawn dashed. */
  observed: boolean;
  /** The edge's route from the source's side to the target's (see `layoutLineage`). */
  points: RoutePoint[];
  /** The route's bounding box, to skip edges out of view. */
  box: { minX: number; minY: number; maxX: number; maxY: number };
}

/** The colours of the canvas, taken from the app theme. */
export interface ScenePalette {
  background: string;
  nodeFill: string;
  text: string;
  secondaryText: string;
  edge: string;
  edgeHighlight: string;
  root: string;
  /** The border of a product governance blocks. */
  blocked: string;
  health: Record<NodeHealth, string>;
}

/** Size of a node box in world units. */
export const NODE_WIDTH = 200;
export const NODE_HEIGHT = 52;
