import { routeCurves } from '../../../lib/layoutLineage';
import type { SceneEdge, SceneNode, ScenePalette } from './types';
import { NODE_HEIGHT, NODE_WIDTH } from './types';
import type { Box, Viewport } from './viewport';

/** Below this scale nodes are drawn as plain boxes, without text. */
const TEXT_SCALE = 0.4;
/** Below this scale nodes are drawn as filled dots of their health colour. */
const DOT_SCALE = 0.12;

const HALF_W = NODE_WIDTH / 2;
const HALF_H = NODE_HEIGHT / 2;

/** What the canvas shows in one frame. */
export interface Frame {
  nodes: SceneNode[];
  edges: SceneEdge[];
  view: Viewport;
  width: number;
  height: number;
  pixelRatio: number;
  palette: ScenePalette;
  /** Index of the node under the pointer, or -1; its edges are highlighted. */
  hovered: number;
}

function intersects(
  b: Box,
  minX: number,
  minY: number,
  maxX: number,
  maxY: number,
) {
  return maxX >= b.minX && minX <= b.maxX && maxY >= b.minY && minY <= b.maxY;
}

/** The edge along its route: curves between columns, straight runs through free rows. */
function edgePath(path: Path2D, edge: SceneEdge, curved: boolean) {
  const [first] = edge.points;
  path.moveTo(first.x, first.y);
  for (const [, c1, c2, end] of routeCurves(edge.points)) {
    if (curved) path.bezierCurveTo(c1.x, c1.y, c2.x, c2.y, end.x, end.y);
    else path.lineTo(end.x, end.y);
  }
}

/** The arrow head where the route meets its target, pointing the way the route goes in. */
function arrowPath(path: Path2D, edge: SceneEdge) {
  const points = edge.points;
  const end = points[points.length - 1];
  let k = points.length - 2;
  while (k > 0 && points[k].x === end.x) k--;
  const dir = end.x >= points[Math.max(0, k)].x ? 1 : -1;
  path.moveTo(end.x, end.y);
  path.lineTo(end.x - 9 * dir, end.y - 5);
  path.lineTo(end.x - 9 * dir, end.y + 5);
  path.closePath();
}

const truncated = new WeakMap<SceneNode, [string, string]>();

function fitText(
  ctx: CanvasRenderingContext2D,
  text: string,
  max: number,
): string {
  if (ctx.measureText(text).width <= max) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ctx.measureText(`${text.slice(0, mid)}…`).width <= max) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo)}…`;
}

function drawLabels(
  ctx: CanvasRenderingContext2D,
  nodes: SceneNode[],
  p: ScenePalette,
) {
  const textX = -HALF_W + 24;
  const maxWidth = NODE_WIDTH - 32;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  for (const n of nodes) {
    let lines = truncated.get(n);
    if (!lines) {
      ctx.font = '600 13px sans-serif';
      const title = fitText(ctx, n.title, maxWidth);
      ctx.font = '11px sans-serif';
      lines = [title, fitText(ctx, n.subtitle, maxWidth)];
      truncated.set(n, lines);
    }
    ctx.font = '600 13px sans-serif';
    ctx.fillStyle = p.text;
    ctx.fillText(lines[0], n.x + textX, n.y - 8);
    ctx.font = '11px sans-serif';
    ctx.fillStyle = p.secondaryText;
    ctx.fillText(lines[1], n.x + textX, n.y + 10);
  }
}

/**
 * Draws one frame: the edges in view as one path, the highlighted edges on top, then the
 * nodes in view batched by colour. Detail drops with the zoom level (text, then borders),
 * so a frame costs about the same whether 50 or 5,000 nodes are in view.
 */
export function drawGraph(ctx: CanvasRenderingContext2D, frame: Frame) {
  const { nodes, edges, view, width, height, pixelRatio, palette, hovered } =
    frame;
  ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  ctx.fillStyle = palette.background;
  ctx.fillRect(0, 0, width, height);
  const s = view.scale;
  ctx.setTransform(
    pixelRatio * s,
    0,
    0,
    pixelRatio * s,
    pixelRatio * view.tx,
    pixelRatio * view.ty,
  );
  const margin = NODE_WIDTH;
  const box: Box = {
    minX: -view.tx / s - margin,
    minY: -view.ty / s - margin,
    maxX: (width - view.tx) / s + margin,
    maxY: (height - view.ty) / s + margin,
  };

  const declared = new Path2D();
  const observed = new Path2D();
  const highlight = new Path2D();
  const arrows = new Path2D();
  const showArrows = s >= 0.3;
  const curved = s >= TEXT_SCALE;
  for (const e of edges) {
    if (!intersects(box, e.box.minX, e.box.minY, e.box.maxX, e.box.maxY)) {
      continue;
    }
    let target = e.observed ? observed : declared;
    if (e.from === hovered || e.to === hovered) target = highlight;
    edgePath(target, e, curved);
    if (showArrows) arrowPath(arrows, e);
  }
  ctx.lineWidth = 1 / s;
  ctx.strokeStyle = palette.edge;
  ctx.stroke(declared);
  ctx.setLineDash([6 / s, 4 / s]);
  ctx.stroke(observed);
  ctx.setLineDash([]);
  ctx.lineWidth = Math.max(2, 2.5 / s);
  ctx.strokeStyle = palette.edgeHighlight;
  ctx.stroke(highlight);
  if (showArrows) {
    ctx.fillStyle = palette.edge;
    ctx.fill(arrows);
  }

  const inView: SceneNode[] = [];
  for (const n of nodes) {
    if (
      intersects(box, n.x - HALF_W, n.y - HALF_H, n.x + HALF_W, n.y + HALF_H)
    ) {
      inView.push(n);
    }
  }

  const byHealth = new Map<string, Path2D>();
  const pathFor = (color: string) => {
    let path = byHealth.get(color);
    if (!path) {
      path = new Path2D();
      byHealth.set(color, path);
    }
    return path;
  };

  if (s < DOT_SCALE) {
    for (const n of inView) {
      pathFor(palette.health[n.health]).rect(
        n.x - HALF_W,
        n.y - HALF_H,
        NODE_WIDTH,
        NODE_HEIGHT,
      );
    }
    for (const [color, path] of byHealth) {
      ctx.fillStyle = color;
      ctx.fill(path);
    }
  } else {
    const boxes = new Path2D();
    const dots = new Map<string, Path2D>();
    for (const n of inView) {
      boxes.roundRect(n.x - HALF_W, n.y - HALF_H, NODE_WIDTH, NODE_HEIGHT, 8);
      const color = palette.health[n.health];
      pathFor(color).roundRect(
        n.x - HALF_W,
        n.y - HALF_H,
        NODE_WIDTH,
        NODE_HEIGHT,
        8,
      );
      let dot = dots.get(color);
      if (!dot) {
        dot = new Path2D();
        dots.set(color, dot);
      }
      dot.moveTo(n.x - HALF_W + 14, n.y);
      dot.arc(n.x - HALF_W + 12, n.y, 5, 0, Math.PI * 2);
    }
    ctx.fillStyle = palette.nodeFill;
    ctx.fill(boxes);
    ctx.lineWidth = Math.max(1.5, 1.5 / s);
    for (const [color, path] of byHealth) {
      ctx.strokeStyle = color;
      ctx.stroke(path);
    }
    for (const [color, dot] of dots) {
      ctx.fillStyle = color;
      ctx.fill(dot);
    }
    // A blocked product: a dashed outer border in the blocked colour.
    const blocked = new Path2D();
    for (const n of inView) {
      if (!n.blocked) continue;
      blocked.roundRect(
        n.x - HALF_W - 5,
        n.y - HALF_H - 5,
        NODE_WIDTH + 10,
        NODE_HEIGHT + 10,
        12,
      );
    }
    ctx.lineWidth = Math.max(2.5, 2.5 / s);
    ctx.strokeStyle = palette.blocked;
    ctx.setLineDash([7 / Math.max(s, 0.2), 4 / Math.max(s, 0.2)]);
    ctx.stroke(blocked);
    ctx.setLineDash([]);
    const root = inView.find(n => n.isRoot);
    const hover = hovered >= 0 ? nodes[hovered] : undefined;
    for (const [n, color] of [
      [root, palette.root],
      [hover, palette.edgeHighlight],
    ] as const) {
      if (!n) continue;
      ctx.lineWidth = Math.max(3, 3 / s);
      ctx.strokeStyle = color;
      ctx.beginPath();
      ctx.roundRect(
        n.x - HALF_W - 3,
        n.y - HALF_H - 3,
        NODE_WIDTH + 6,
        NODE_HEIGHT + 6,
        10,
      );
      ctx.stroke();
    }
    if (s >= TEXT_SCALE) drawLabels(ctx, inView, palette);
  }
}
