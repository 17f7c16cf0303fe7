import { routeCurves, type LineageLayout } from './layoutLineage';

/** An edge whose route passes through a node box other than its own two ends. */
export interface EdgeCrossing {
  from: string;
  to: string;
  /** The node it passes through. */
  node: string;
}

/**
 * Every edge of a layout that passes through a node box (`width` × `height` around each
 * node's centre) other than its source and target, found by following each piece of the
 * route in small steps. An empty list means every edge runs between the nodes.
 */
export function edgeCrossings(
  layout: LineageLayout,
  edges: ReadonlyArray<{ from: string; to: string }>,
  size: { width: number; height: number },
  steps = 24,
): EdgeCrossing[] {
  const crossings: EdgeCrossing[] = [];
  const halfW = size.width / 2;
  const halfH = size.height / 2;
  edges.forEach((edge, i) => {
    const route = layout.routes[i];
    if (!route) return;
    const hit = new Set<string>();
    for (const [p0, c1, c2, p1] of routeCurves(route.points)) {
      for (let k = 0; k <= steps; k++) {
        const t = k / steps;
        const u = 1 - t;
        const x =
          u * u * u * p0.x +
          3 * u * u * t * c1.x +
          3 * u * t * t * c2.x +
          t * t * t * p1.x;
        const y =
          u * u * u * p0.y +
          3 * u * u * t * c1.y +
          3 * u * t * t * c2.y +
          t * t * t * p1.y;
        for (const node of layout.nodes) {
          if (node.id === edge.from || node.id === edge.to || hit.has(node.id))
            continue;
          // strictly inside the box: touching its border is not crossing it
          if (
            Math.abs(x - node.x) < halfW - 0.5 &&
            Math.abs(y - node.y) < halfH - 0.5
          ) {
            hit.add(node.id);
            crossings.push({ from: edge.from, to: edge.to, node: node.id });
          }
        }
      }
    }
  });
  return crossings;
}
