import { SpatialIndex } from './spatialIndex';

describe('SpatialIndex', () => {
  const index = new SpatialIndex(
    [
      { minX: 0, minY: 0, maxX: 100, maxY: 50 },
      { minX: 380, minY: -20, maxX: 420, maxY: 20 },
      { minX: -500, minY: -500, maxX: -450, maxY: -450 },
    ],
    400,
  );

  it('finds the box under a point, across cell borders and at negative coordinates', () => {
    expect(index.hit(50, 25)).toBe(0);
    expect(index.hit(399, 0)).toBe(1);
    expect(index.hit(401, 0)).toBe(1);
    expect(index.hit(-475, -475)).toBe(2);
  });

  it('finds nothing between boxes', () => {
    expect(index.hit(200, 0)).toBe(-1);
    expect(index.hit(5000, 5000)).toBe(-1);
  });
});
