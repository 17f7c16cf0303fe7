import type { LineageResponse } from '@backstage-data-mesh/plugin-data-mesh-common';
import { layoutLineage } from '../../../lib/layoutLineage';
import { shortRef } from '../../../lib/entityRefs';
import { NODE_WIDTH, type SceneEdge, type SceneNode } from './types';

/** A lineage graph placed for the canvas, with each node's hop distance and side. */
export interface LineageScene {
  nodes: SceneNode[];
  edges: SceneEdge[];
  /** Signed hop distance by entity ref: negative upstream, positive downstream. */
  layers: Map<string, number>;
}

/** What a node's second line says: who owns it, or what kind of node it is. */
function subtitleOf(
  node: LineageResponse['nodes'][number],
  owner?: string,
  domain?: string,
): string {
  if (node.hidden) return 'not shown to you';
  if (node.external) return 'external dataset';
  const who = [owner, domain].filter(Boolean).join(' · ') || 'no owner';
  return node.governance === 'block' ? `blocked · ${who}` : who;
}

/** Lays out a lineage answer and turns it into what the canvas draws. */
export function toScene(lineage: LineageResponse): LineageScene {
  const layout = layoutLineage(
    lineage.root,
    lineage.nodes.map(n => ({ id: n.entityRef })),
    lineage.edges,
    { nodeWidth: NODE_WIDTH },
  );
  const indexById = new Map<string, number>();
  const layers = new Map<string, number>();
  const nodes: SceneNode[] = lineage.nodes.map((n, i) => {
    const placed = layout.nodes[i];
    indexById.set(n.entityRef, i);
    layers.set(n.entityRef, Math.sign(placed.layer) * Math.abs(placed.hops));
    const owner = n.owner ? shortRef(n.owner) : undefined;
    const domain = n.domain ? shortRef(n.domain) : undefined;
    return {
      id: n.entityRef,
      x: placed.x,
      y: placed.y,
      title: n.hidden ? 'Hidden product' : n.title ?? shortRef(n.entityRef),
      subtitle: subtitleOf(n, owner, domain),
      health: n.sloHealth,
      isRoot: n.entityRef === lineage.root,
      blocked: n.governance === 'block',
    };
  });
  const edges: SceneEdge[] = [];
  lineage.edges.forEach((e, i) => {
    const from = indexById.get(e.from);
    const to = indexById.get(e.to);
    const route = layout.routes[i];
    if (from === undefined || to === undefined || !route) return;
    const xs = route.points.map(p => p.x);
    const ys = route.points.map(p => p.y);
    edges.push({
      from,
      to,
      observed: e.source === 'openlineage',
      points: route.points,
      box: {
        minX: Math.min(...xs),
        maxX: Math.max(...xs),
        minY: Math.min(...ys),
        maxY: Math.max(...ys),
      },
    });
  });
  return { nodes, edges, layers };
}
