import type { LineageResponse } from '@backstage-data-mesh/plugin-data-mesh-common';

/**
 * A generated lineage graph of `count` products around a root: six columns upstream and
 * six downstream, each product linked to 1-3 products of the column nearer the root
 * (seeded, so every run draws the same graph).
 */
export function generateLineage(count: number, seed = 7): LineageResponse {
  let state = seed;
  const random = () =>
    (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const health = [
    'healthy',
    'healthy',
    'healthy',
    'breached',
    'error',
    'unknown',
  ] as const;
  const ref = (i: number) => `component:default/product-${i}`;
  const nodes: LineageResponse['nodes'] = [];
  const columns = new Map<number, number[]>([[0, [0]]]);
  const edges = new Map<string, LineageResponse['edges'][number]>();
  const addNode = (i: number, depth: number) =>
    nodes.push({
      entityRef: ref(i),
      title: `Product ${i}`,
      owner: `group:default/team-${i % 40}`,
      domain: `domain:default/domain-${i % 8}`,
      sloHealth: health[i % health.length],
      depth,
    });
  addNode(0, 0);
  let i = 1;
  while (i < count) {
    for (let distance = 1; distance <= 6 && i < count; distance++) {
      for (const side of [-1, 1]) {
        if (i >= count) break;
        const column = side * distance;
        const nearer = columns.get(column - side) ?? [0];
        addNode(i, distance);
        if (!columns.has(column)) columns.set(column, []);
        columns.get(column)!.push(i);
        const links = 1 + Math.floor(random() * 3);
        for (let k = 0; k < links; k++) {
          const other = nearer[Math.floor(random() * nearer.length)];
          const [from, to] = side < 0 ? [i, other] : [other, i];
          edges.set(`${from}>${to}`, {
            from: ref(from),
            to: ref(to),
            source: random() < 0.2 ? 'openlineage' : 'declared',
          });
        }
        i++;
      }
    }
  }
  return {
    root: ref(0),
    direction: 'both',
    depth: 6,
    nodes,
    edges: [...edges.values()],
    truncated: false,
  };
}
