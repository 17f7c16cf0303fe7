/**
 * A layered layout for lineage graphs: every node sits in the column of its signed hop
 * distance from the root (upstream to the left, downstream to the right), and the order
 * within a column comes from a few barycenter sweeps that reduce edge crossings.
 *
 * It runs in O(sweeps × (V log V + E)), so a 1,000-node graph lays out in milliseconds
 * where a general-purpose layered layout (network-simplex ranking and a full crossing
 * minimisation) takes seconds to minutes. See `bench/lineage.bench.ts`.
 */

/** A node to place: only its id matters to the layout. */
export interface LayoutNodeInput {
  id: string;
}

/** A directed edge, from the upstream node to the downstream one. */
export interface LayoutEdgeInput {
  from: string;
  to: string;
}

/** Where one node is placed. `layer` is its signed hop distance from the root. */
export interface PlacedNode {
  id: string;
  x: number;
  y: number;
  layer: number;
}

/** The placed graph and its bounding box. */
export interface LineageLayout {
  nodes: PlacedNode[];
  /** Position of each node by id. */
  byId: Map<string, PlacedNode>;
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

/** Spacing of the layout, in the renderer's units. */
export interface LayoutSpacing {
  /** Distance between two columns (layers). */
  columnGap: number;
  /** Distance between two nodes of a column. */
  rowGap: number;
  /** Barycenter sweeps (each one left-to-right then right-to-left). */
  sweeps: number;
}

const DEFAULT_SPACING: LayoutSpacing = {
  columnGap: 280,
  rowGap: 72,
  sweeps: 4,
};

function assignLayers(
  count: number,
  rootIndex: number,
  out: number[][],
  inc: number[][],
): { layer: Int32Array; order: number[] } {
  const layer = new Int32Array(count);
  const seen = new Uint8Array(count);
  const order: number[] = [];
  const queue: number[] = [];
  const visitFrom = (start: number, startLayer: number) => {
    seen[start] = 1;
    layer[start] = startLayer;
    queue.push(start);
    while (queue.length > 0) {
      const u = queue.shift()!;
      order.push(u);
      for (const v of out[u]) {
        if (!seen[v]) {
          seen[v] = 1;
          layer[v] = layer[u] + 1;
          queue.push(v);
        }
      }
      for (const v of inc[u]) {
        if (!seen[v]) {
          seen[v] = 1;
          layer[v] = layer[u] - 1;
          queue.push(v);
        }
      }
    }
  };
  if (count > 0) visitFrom(rootIndex, 0);
  for (let i = 0; i < count; i++) {
    if (!seen[i]) visitFrom(i, 0);
  }
  return { layer, order };
}

/**
 * Places a lineage graph. Nodes unreachable from the root (a disconnected part) are laid
 * out from their own first node, in the same columns.
 */
export function layoutLineage(
  root: string,
  nodes: readonly LayoutNodeInput[],
  edges: readonly LayoutEdgeInput[],
  spacing: Partial<LayoutSpacing> = {},
): LineageLayout {
  const { columnGap, rowGap, sweeps } = { ...DEFAULT_SPACING, ...spacing };
  const index = new Map<string, number>();
  nodes.forEach((n, i) => {
    if (!index.has(n.id)) index.set(n.id, i);
  });
  const count = nodes.length;
  const out: number[][] = Array.from({ length: count }, () => []);
  const inc: number[][] = Array.from({ length: count }, () => []);
  for (const e of edges) {
    const a = index.get(e.from);
    const b = index.get(e.to);
    if (a === undefined || b === undefined || a === b) continue;
    out[a].push(b);
    inc[b].push(a);
  }
  const { layer, order } = assignLayers(count, index.get(root) ?? 0, out, inc);

  const columns = new Map<number, number[]>();
  for (const i of order) {
    const column = columns.get(layer[i]);
    if (column) column.push(i);
    else columns.set(layer[i], [i]);
  }
  const layerKeys = [...columns.keys()].sort((a, b) => a - b);
  const y = new Float64Array(count);
  const place = (column: number[]) => {
    const middle = (column.length - 1) / 2;
    column.forEach((node, position) => {
      y[node] = position - middle;
    });
  };
  layerKeys.forEach(key => place(columns.get(key)!));

  const barycenter = new Float64Array(count);
  const sortColumn = (key: number, towards: number) => {
    const column = columns.get(key)!;
    for (const node of column) {
      let sum = 0;
      let n = 0;
      for (const v of towards < 0 ? inc[node] : out[node]) {
        if (layer[v] === key + towards) {
          sum += y[v];
          n += 1;
        }
      }
      barycenter[node] = n > 0 ? sum / n : y[node];
    }
    column.sort((a, b) => barycenter[a] - barycenter[b]);
    place(column);
  };
  for (let s = 0; s < sweeps; s++) {
    for (let k = 1; k < layerKeys.length; k++) sortColumn(layerKeys[k], -1);
    for (let k = layerKeys.length - 2; k >= 0; k--) sortColumn(layerKeys[k], 1);
  }

  const placed: PlacedNode[] = new Array(count);
  const byId = new Map<string, PlacedNode>();
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < count; i++) {
    const p: PlacedNode = {
      id: nodes[i].id,
      layer: layer[i],
      x: layer[i] * columnGap,
      y: y[i] * rowGap,
    };
    placed[i] = p;
    byId.set(p.id, p);
    minX = Math.min(minX, p.x);
    maxX = Math.max(maxX, p.x);
    minY = Math.min(minY, p.y);
    maxY = Math.max(maxY, p.y);
  }
  if (count === 0) {
    minX = maxX = minY = maxY = 0;
  }
  return { nodes: placed, byId, minX, maxX, minY, maxY };
}
