import {
  fitViewport,
  MAX_SCALE,
  MIN_SCALE,
  panBy,
  toWorld,
  visibleBox,
  zoomAt,
} from './viewport';

describe('viewport', () => {
  it('fits a box in the view, centred, never above the maximum scale given', () => {
    const view = fitViewport(
      { minX: 0, minY: 0, maxX: 1000, maxY: 100 },
      548,
      400,
      24,
    );
    expect(view.scale).toBeCloseTo(0.5);
    expect(toWorld(view, 274, 200)).toEqual({ x: 500, y: 50 });
    expect(
      fitViewport({ minX: 0, minY: 0, maxX: 10, maxY: 10 }, 500, 500).scale,
    ).toBe(1);
  });

  it('keeps the scale between the bounds', () => {
    expect(
      fitViewport({ minX: 0, minY: 0, maxX: 1e9, maxY: 1 }, 100, 100).scale,
    ).toBe(MIN_SCALE);
    expect(zoomAt({ scale: 2, tx: 0, ty: 0 }, 10, 0, 0).scale).toBe(MAX_SCALE);
  });

  it('zooms around the pointer: the world point under it stays', () => {
    const view = { scale: 1, tx: 10, ty: 20 };
    const before = toWorld(view, 300, 200);
    const after = toWorld(zoomAt(view, 1.5, 300, 200), 300, 200);
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
  });

  it('pans in screen pixels and reports the visible world', () => {
    const view = panBy({ scale: 2, tx: 0, ty: 0 }, 100, 50);
    expect(visibleBox(view, 200, 100)).toEqual({
      minX: -50,
      minY: -25,
      maxX: 50,
      maxY: 25,
    });
  });
});
