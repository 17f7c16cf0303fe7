/**
 * The view onto the graph's world: a uniform scale and a translation, in CSS pixels.
 * A world point `(x, y)` shows at `(x * scale + tx, y * scale + ty)`.
 */
export interface Viewport {
  scale: number;
  tx: number;
  ty: number;
}

/** An axis-aligned box in world units. */
export interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** How far the view may zoom out and in. */
export const MIN_SCALE = 0.03;
export const MAX_SCALE = 2.5;

function clampScale(scale: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
}

/** The viewport that shows `box` whole and centred in a `width` × `height` view. */
export function fitViewport(
  box: Box,
  width: number,
  height: number,
  padding = 24,
  maxScale = 1,
): Viewport {
  const boxWidth = Math.max(1, box.maxX - box.minX);
  const boxHeight = Math.max(1, box.maxY - box.minY);
  const scale = clampScale(
    Math.min(
      maxScale,
      (width - 2 * padding) / boxWidth,
      (height - 2 * padding) / boxHeight,
    ),
  );
  return {
    scale,
    tx: width / 2 - ((box.minX + box.maxX) / 2) * scale,
    ty: height / 2 - ((box.minY + box.maxY) / 2) * scale,
  };
}

/** Zooms by `factor` keeping the screen point `(sx, sy)` over the same world point. */
export function zoomAt(
  view: Viewport,
  factor: number,
  sx: number,
  sy: number,
): Viewport {
  const scale = clampScale(view.scale * factor);
  const k = scale / view.scale;
  return { scale, tx: sx - (sx - view.tx) * k, ty: sy - (sy - view.ty) * k };
}

/** Moves the view by `(dx, dy)` screen pixels. */
export function panBy(view: Viewport, dx: number, dy: number): Viewport {
  return { ...view, tx: view.tx + dx, ty: view.ty + dy };
}

/** The world point under the screen point `(sx, sy)`. */
export function toWorld(view: Viewport, sx: number, sy: number) {
  return { x: (sx - view.tx) / view.scale, y: (sy - view.ty) / view.scale };
}

/** The part of the world a `width` × `height` view shows. */
export function visibleBox(view: Viewport, width: number, height: number): Box {
  const a = toWorld(view, 0, 0);
  const b = toWorld(view, width, height);
  return { minX: a.x, minY: a.y, maxX: b.x, maxY: b.y };
}
