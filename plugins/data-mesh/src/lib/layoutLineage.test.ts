import { edgeCrossings } from './edgeCrossings';
import { layoutLineage } from './layoutLineage';

const ids = (...names: string[]) => names.map(id => ({ id }));

describe('layoutLineage', () => {
  it('puts upstream products left of the root and downstream ones right, by hops', () => {
    const layout = layoutLineage(
      'root',
      ids('root', 'source', 'raw', 'report', 'dashboard'),
      [
        { from: 'raw', to: 'source' },
        { from: 'source', to: 'root' },
        { from: 'root', to: 'report' },
        { from: 'report', to: 'dashboard' },
      ],
      { columnGap: 100, rowGap: 10 },
    );
    const at = (id: string) => layout.byId.get(id)!;
    expect(
      [at('raw'), at('source'), at('root'), at('report'), at('dashboard')].map(
        n => n.layer,
      ),
    ).toEqual([-2, -1, 0, 1, 2]);
    expect(at('raw').x).toBe(-200);
    expect(at('dashboard').x).toBe(200);
    expect(layout.minX).toBe(-200);
    expect(layout.maxX).toBe(200);
  });

  it('puts a product fed from two distances one column after the furthest, and routes the long edge between the nodes', () => {
    // revenue feeds the ledger and the financial metrics; the ledger feeds them too
    const edges = [
      { from: 'revenue', to: 'ledger' },
      { from: 'ledger', to: 'metrics' },
      { from: 'revenue', to: 'metrics' },
      { from: 'orders', to: 'revenue' },
    ];
    const layout = layoutLineage(
      'revenue',
      ids('revenue', 'ledger', 'metrics', 'orders'),
      edges,
    );
    const at = (id: string) => layout.byId.get(id)!;
    expect(at('ledger').layer).toBe(1);
    expect(at('metrics').layer).toBe(2);
    expect(at('metrics').hops).toBe(1);
    expect(at('orders').layer).toBe(-1);
    // the revenue → metrics edge crosses the ledger's column in a row of its own
    const long = layout.routes[2]!.points;
    expect(long).toHaveLength(4);
    expect(long[1].y).not.toBe(at('ledger').y);
    expect(edgeCrossings(layout, edges, { width: 200, height: 52 })).toEqual(
      [],
    );
  });

  it('routes no edge through a node, in random graphs with long and backward edges', () => {
    let seed = 7;
    const random = () =>
      (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let round = 0; round < 20; round++) {
      const count = 6 + Math.floor(random() * 14);
      const nodes = Array.from({ length: count }, (_, i) => ({ id: `n${i}` }));
      const edges: { from: string; to: string }[] = [];
      for (let k = 0; k < count * 1.6; k++) {
        const a = Math.floor(random() * count);
        const b = Math.floor(random() * count);
        if (a !== b) edges.push({ from: `n${a}`, to: `n${b}` });
      }
      const layout = layoutLineage('n0', nodes, edges);
      expect(edgeCrossings(layout, edges, { width: 200, height: 52 })).toEqual(
        [],
      );
    }
  });

  it('gives every node of a column its own row, centred', () => {
    const layout = layoutLineage(
      'root',
      ids('root', 'a', 'b', 'c'),
      [
        { from: 'root', to: 'a' },
        { from: 'root', to: 'b' },
        { from: 'root', to: 'c' },
      ],
      { rowGap: 10 },
    );
    const ys = ['a', 'b', 'c']
      .map(id => layout.byId.get(id)!.y)
      .sort((p, q) => p - q);
    expect(ys).toEqual([-10, 0, 10]);
    expect(layout.byId.get('root')!.y).toBe(0);
  });

  it('orders columns by their neighbours: far fewer crossings than the discovery order', () => {
    // A seeded random layered graph: each node links to 1-3 nodes of the previous column.
    let seed = 42;
    const random = () =>
      (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const nodes = ids('root');
    const edges: { from: string; to: string }[] = [];
    let previous = ['root'];
    for (let column = 1; column <= 4; column++) {
      const current: string[] = [];
      for (let i = 0; i < 30; i++) {
        const id = `c${column}n${i}`;
        nodes.push({ id });
        current.push(id);
        for (let k = 0; k < 1 + Math.floor(random() * 3); k++) {
          edges.push({
            from: previous[Math.floor(random() * previous.length)],
            to: id,
          });
        }
      }
      previous = current;
    }
    const crossings = (sweeps: number) => {
      const layout = layoutLineage('root', nodes, edges, { sweeps });
      const placed = edges
        .map(e => [layout.byId.get(e.from)!, layout.byId.get(e.to)!])
        .filter(([a, b]) => b.layer - a.layer === 1);
      let count = 0;
      for (let i = 0; i < placed.length; i++) {
        for (let j = i + 1; j < placed.length; j++) {
          const [a1, b1] = placed[i];
          const [a2, b2] = placed[j];
          if (a1.layer === a2.layer && (a1.y - a2.y) * (b1.y - b2.y) < 0)
            count++;
        }
      }
      return count;
    };
    expect(crossings(4)).toBeLessThan(crossings(0) * 0.8);
  });

  it('places nodes unreachable from the root, and ignores edges to unknown nodes', () => {
    const layout = layoutLineage('root', ids('root', 'x', 'y'), [
      { from: 'x', to: 'y' },
      { from: 'root', to: 'ghost' },
    ]);
    expect(layout.nodes).toHaveLength(3);
    expect(layout.byId.get('y')!.layer - layout.byId.get('x')!.layer).toBe(1);
  });

  it('terminates on cycles and self-loops', () => {
    const layout = layoutLineage('a', ids('a', 'b'), [
      { from: 'a', to: 'b' },
      { from: 'b', to: 'a' },
      { from: 'a', to: 'a' },
    ]);
    expect(layout.byId.get('b')!.layer).toBe(1);
  });

  it('lays out an empty graph', () => {
    expect(layoutLineage('root', [], [])).toMatchObject({
      nodes: [],
      minX: 0,
      maxX: 0,
    });
  });
});
