import { drawGraph } from './drawGraph';
import { SpatialIndex } from './spatialIndex';
import type { SceneEdge, SceneNode, ScenePalette } from './types';
import { NODE_HEIGHT, NODE_WIDTH } from './types';
import { fitViewport, panBy, toWorld, Viewport, zoomAt } from './viewport';

/** What the scene tells its owner. */
export interface SceneCallbacks {
  /** A node was clicked (or Enter pressed while it was hovered). */
  onNodeClick?(node: SceneNode): void;
  /** The pointer entered a node (with its position in the canvas) or left it (`undefined`). */
  onNodeHover?(
    node: SceneNode | undefined,
    at?: { x: number; y: number },
  ): void;
}

/**
 * Keeps the pointer's events on the canvas during a drag. A pointer the browser does not
 * know (synthetic events, a pointer already gone) has nothing to capture.
 */
function capture(canvas: HTMLCanvasElement, pointerId: number, on: boolean) {
  try {
    if (on) canvas.setPointerCapture?.(pointerId);
    else canvas.releasePointerCapture?.(pointerId);
  } catch {
    // nothing to capture
  }
}

/** A click moves the pointer less than this (in pixels); more is a drag. */
const CLICK_SLOP = 4;
const KEY_PAN = 80;
const KEY_ZOOM = 1.25;

/**
 * A lineage graph on a canvas: draws the nodes and edges it is given at their positions,
 * pans with a drag or the arrow keys, zooms with the wheel or `+`/`-` (`0` fits the graph),
 * and reports clicks and hovers on nodes. Framework-free, so it can be measured alone.
 */
export class GraphScene {
  readonly #canvas: HTMLCanvasElement;
  /** Null where the browser has no 2D canvas (then nothing is drawn; events still work). */
  readonly #ctx: CanvasRenderingContext2D | null;
  readonly #callbacks: SceneCallbacks;
  readonly #cleanup: Array<() => void> = [];
  #palette: ScenePalette;
  #nodes: SceneNode[] = [];
  #edges: SceneEdge[] = [];
  #index = new SpatialIndex([]);
  #view: Viewport = { scale: 1, tx: 0, ty: 0 };
  #width = 0;
  #height = 0;
  #hovered = -1;
  #frame = 0;
  #drag: { x: number; y: number; moved: boolean; id: number } | undefined;

  constructor(
    canvas: HTMLCanvasElement,
    palette: ScenePalette,
    callbacks: SceneCallbacks = {},
  ) {
    this.#canvas = canvas;
    this.#ctx = canvas.getContext('2d');
    this.#palette = palette;
    this.#callbacks = callbacks;
    this.#listen('pointerdown', this.#onPointerDown);
    this.#listen('pointermove', this.#onPointerMove);
    this.#listen('pointerup', this.#onPointerUp);
    this.#listen('pointerleave', this.#onPointerLeave);
    this.#listen('wheel', this.#onWheel, { passive: false });
    this.#listen('keydown', this.#onKeyDown);
    this.resize();
  }

  #listen<K extends keyof HTMLElementEventMap>(
    type: K,
    handler: (event: HTMLElementEventMap[K]) => void,
    options?: AddEventListenerOptions,
  ) {
    const bound = handler.bind(this);
    this.#canvas.addEventListener(type, bound, options);
    this.#cleanup.push(() =>
      this.#canvas.removeEventListener(type, bound, options),
    );
  }

  /** Replaces the graph and fits it into view. */
  setGraph(nodes: SceneNode[], edges: SceneEdge[]) {
    this.#nodes = nodes;
    this.#edges = edges;
    this.#hovered = -1;
    this.#index = new SpatialIndex(
      nodes.map(n => ({
        minX: n.x - NODE_WIDTH / 2,
        minY: n.y - NODE_HEIGHT / 2,
        maxX: n.x + NODE_WIDTH / 2,
        maxY: n.y + NODE_HEIGHT / 2,
      })),
    );
    this.fit();
  }

  setPalette(palette: ScenePalette) {
    this.#palette = palette;
    this.invalidate();
  }

  /** Shows the whole graph. */
  fit() {
    if (this.#nodes.length === 0) {
      this.#view = { scale: 1, tx: this.#width / 2, ty: this.#height / 2 };
    } else {
      let minX = Infinity;
      let minY = Infinity;
      let maxX = -Infinity;
      let maxY = -Infinity;
      for (const n of this.#nodes) {
        minX = Math.min(minX, n.x - NODE_WIDTH / 2);
        maxX = Math.max(maxX, n.x + NODE_WIDTH / 2);
        minY = Math.min(minY, n.y - NODE_HEIGHT / 2);
        maxY = Math.max(maxY, n.y + NODE_HEIGHT / 2);
      }
      this.#view = fitViewport(
        { minX, minY, maxX, maxY },
        this.#width,
        this.#height,
      );
    }
    this.invalidate();
  }

  zoom(factor: number) {
    this.#view = zoomAt(this.#view, factor, this.#width / 2, this.#height / 2);
    this.invalidate();
  }

  /** The current view, for tests and measurements. */
  get view(): Viewport {
    return this.#view;
  }

  /** Reads the canvas' CSS size again (call when its box changed). */
  resize() {
    const rect = this.#canvas.getBoundingClientRect();
    const ratio = window.devicePixelRatio || 1;
    this.#width = rect.width;
    this.#height = rect.height;
    this.#canvas.width = Math.max(1, Math.round(rect.width * ratio));
    this.#canvas.height = Math.max(1, Math.round(rect.height * ratio));
    this.invalidate();
  }

  /** Schedules a redraw on the next animation frame. */
  invalidate() {
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.draw();
    });
  }

  /** Draws now. */
  draw() {
    if (!this.#ctx) return;
    drawGraph(this.#ctx, {
      nodes: this.#nodes,
      edges: this.#edges,
      view: this.#view,
      width: this.#width,
      height: this.#height,
      pixelRatio: window.devicePixelRatio || 1,
      palette: this.#palette,
      hovered: this.#hovered,
    });
  }

  destroy() {
    if (this.#frame) cancelAnimationFrame(this.#frame);
    this.#cleanup.forEach(fn => fn());
  }

  #local(event: MouseEvent) {
    const rect = this.#canvas.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  }

  #nodeAt(event: MouseEvent): number {
    const p = this.#local(event);
    const w = toWorld(this.#view, p.x, p.y);
    return this.#index.hit(w.x, w.y);
  }

  #setHovered(index: number, event?: MouseEvent) {
    if (index === this.#hovered) return;
    this.#hovered = index;
    this.#canvas.style.cursor = index >= 0 ? 'pointer' : 'grab';
    this.#callbacks.onNodeHover?.(
      index >= 0 ? this.#nodes[index] : undefined,
      event ? this.#local(event) : undefined,
    );
    this.invalidate();
  }

  #onPointerDown(event: PointerEvent) {
    if (event.button !== 0) return;
    this.#drag = {
      x: event.clientX,
      y: event.clientY,
      moved: false,
      id: event.pointerId,
    };
    capture(this.#canvas, event.pointerId, true);
  }

  #onPointerMove(event: PointerEvent) {
    const drag = this.#drag;
    if (drag) {
      const dx = event.clientX - drag.x;
      const dy = event.clientY - drag.y;
      if (drag.moved || Math.abs(dx) + Math.abs(dy) > CLICK_SLOP) {
        drag.moved = true;
        drag.x = event.clientX;
        drag.y = event.clientY;
        this.#view = panBy(this.#view, dx, dy);
        this.#canvas.style.cursor = 'grabbing';
        this.invalidate();
      }
      return;
    }
    this.#setHovered(this.#nodeAt(event), event);
  }

  #onPointerUp(event: PointerEvent) {
    const drag = this.#drag;
    this.#drag = undefined;
    capture(this.#canvas, event.pointerId, false);
    if (drag && !drag.moved) {
      const index = this.#nodeAt(event);
      if (index >= 0) this.#callbacks.onNodeClick?.(this.#nodes[index]);
    }
    this.#setHovered(this.#nodeAt(event), event);
  }

  #onPointerLeave() {
    if (!this.#drag) this.#setHovered(-1);
  }

  #onWheel(event: WheelEvent) {
    event.preventDefault();
    const p = this.#local(event);
    const factor = Math.exp(
      -event.deltaY * (event.deltaMode === 1 ? 0.05 : 0.002),
    );
    this.#view = zoomAt(this.#view, factor, p.x, p.y);
    this.invalidate();
  }

  #onKeyDown(event: KeyboardEvent) {
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [KEY_PAN, 0],
      ArrowRight: [-KEY_PAN, 0],
      ArrowUp: [0, KEY_PAN],
      ArrowDown: [0, -KEY_PAN],
    };
    const move = moves[event.key];
    if (move) {
      this.#view = panBy(this.#view, move[0], move[1]);
      this.invalidate();
    } else if (event.key === '+' || event.key === '=') {
      this.zoom(KEY_ZOOM);
    } else if (event.key === '-') {
      this.zoom(1 / KEY_ZOOM);
    } else if (event.key === '0') {
      this.fit();
    } else if (event.key === 'Enter' && this.#hovered >= 0) {
      this.#callbacks.onNodeClick?.(this.#nodes[this.#hovered]);
    } else {
      return;
    }
    event.preventDefault();
  }
}
