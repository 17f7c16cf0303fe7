import { LineageGraph } from './LineageGraph';

// raw → orders → revenue → dashboard ; customers → revenue ; orders → fraud
const graph = LineageGraph.build(
  [
    { entityRef: 'raw', title: 'Raw events' },
    {
      entityRef: 'orders',
      owner: 'group:sales',
      domain: 'domain:sales',
      sloHealth: 'healthy',
    },
    { entityRef: 'customers' },
    { entityRef: 'revenue', sloHealth: 'breached' },
    { entityRef: 'fraud' },
    { entityRef: 'dashboard' },
  ],
  [
    { from: 'raw', to: 'orders', source: 'openlineage' },
    { from: 'orders', to: 'revenue', source: 'declared' },
    {
      from: 'orders',
      to: 'revenue',
      source: 'openlineage',
      columns: [{ from: 'orders.total', to: 'revenue.amount' }],
    },
    { from: 'customers', to: 'revenue', source: 'declared' },
    { from: 'revenue', to: 'dashboard', source: 'declared' },
    { from: 'orders', to: 'fraud', source: 'declared' },
    { from: 'fraud', to: 'fraud', source: 'declared' },
  ],
);

const refs = (r: { nodes: { entityRef: string }[] }) =>
  r.nodes.map(n => n.entityRef).sort();
const pairs = (r: { edges: { from: string; to: string }[] }) =>
  r.edges.map(e => `${e.from}>${e.to}`).sort();

describe('LineageGraph', () => {
  it('walks one hop both ways by default depth', () => {
    const result = graph.traverse('orders', { direction: 'both', depth: 1 });
    expect(refs(result)).toEqual(['fraud', 'orders', 'raw', 'revenue']);
    expect(pairs(result)).toEqual([
      'orders>fraud',
      'orders>revenue',
      'raw>orders',
    ]);
    expect(result.truncated).toBe(true);
  });

  it('walks upstream only, as deep as asked, with hop counts', () => {
    const result = graph.traverse('dashboard', { direction: 'up', depth: 10 });
    expect(refs(result)).toEqual([
      'customers',
      'dashboard',
      'orders',
      'raw',
      'revenue',
    ]);
    expect(
      Object.fromEntries(result.nodes.map(n => [n.entityRef, n.depth])),
    ).toEqual({
      dashboard: 0,
      revenue: 1,
      orders: 2,
      customers: 2,
      raw: 3,
    });
    expect(result.truncated).toBe(false);
  });

  it('does not turn from upstream to downstream in "both"', () => {
    const result = graph.traverse('customers', { direction: 'both', depth: 5 });
    expect(refs(result)).toEqual(['customers', 'dashboard', 'revenue']);
  });

  it('merges edges of both sources into one declared edge, columns on demand', () => {
    const plain = graph.traverse('revenue', { direction: 'up', depth: 1 });
    const edge = plain.edges.find(e => e.from === 'orders')!;
    expect(edge).toEqual({ from: 'orders', to: 'revenue', source: 'declared' });
    const withColumns = graph.traverse('revenue', {
      direction: 'up',
      depth: 1,
      columns: true,
    });
    expect(withColumns.edges.find(e => e.from === 'orders')!.columns).toEqual([
      { from: 'orders.total', to: 'revenue.amount' },
    ]);
  });

  it('carries node details and drops self-loops', () => {
    const result = graph.traverse('fraud', { direction: 'both', depth: 3 });
    expect(result.edges.some(e => e.from === e.to)).toBe(false);
    expect(result.nodes.find(n => n.entityRef === 'orders')).toEqual({
      entityRef: 'orders',
      owner: 'group:sales',
      domain: 'domain:sales',
      sloHealth: 'healthy',
      depth: 1,
    });
  });

  it('answers an unknown root with the root alone', () => {
    expect(graph.traverse('nowhere', { direction: 'both', depth: 2 })).toEqual({
      root: 'nowhere',
      direction: 'both',
      depth: 2,
      nodes: [{ entityRef: 'nowhere', sloHealth: 'unknown', depth: 0 }],
      edges: [],
      truncated: false,
    });
  });

  it('terminates on cycles', () => {
    const cyclic = LineageGraph.build(
      [],
      [
        { from: 'a', to: 'b', source: 'declared' },
        { from: 'b', to: 'c', source: 'declared' },
        { from: 'c', to: 'a', source: 'declared' },
      ],
    );
    const result = cyclic.traverse('a', { direction: 'down', depth: 100 });
    expect(refs(result)).toEqual(['a', 'b', 'c']);
    expect(pairs(result)).toEqual(['a>b', 'b>c', 'c>a']);
  });
});
