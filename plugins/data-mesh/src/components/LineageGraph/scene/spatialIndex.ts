import type { Box } from './viewport';

/**
 * A uniform grid over node boxes, to find the node under the pointer (and the nodes in
 * view) without scanning every node.
 */
export class SpatialIndex {
  readonly #cell: number;
  readonly #cells = new Map<string, number[]>();
  readonly #boxes: Box[];

  constructor(boxes: Box[], cell = 400) {
    this.#cell = cell;
    this.#boxes = boxes;
    boxes.forEach((box, i) => {
      for (const key of this.#keys(box)) {
        const bucket = this.#cells.get(key);
        if (bucket) bucket.push(i);
        else this.#cells.set(key, [i]);
      }
    });
  }

  *#keys(box: Box): Iterable<string> {
    const c = this.#cell;
    for (
      let gx = Math.floor(box.minX / c);
      gx <= Math.floor(box.maxX / c);
      gx++
    ) {
      for (
        let gy = Math.floor(box.minY / c);
        gy <= Math.floor(box.maxY / c);
        gy++
      ) {
        yield `${gx}:${gy}`;
      }
    }
  }

  /** The index of the box that contains the world point, or -1. */
  hit(x: number, y: number): number {
    const c = this.#cell;
    const bucket = this.#cells.get(`${Math.floor(x / c)}:${Math.floor(y / c)}`);
    if (!bucket) return -1;
    for (let k = bucket.length - 1; k >= 0; k--) {
      const b = this.#boxes[bucket[k]];
      if (x >= b.minX && x <= b.maxX && y >= b.minY && y <= b.maxY) {
        return bucket[k];
      }
    }
    return -1;
  }
}
