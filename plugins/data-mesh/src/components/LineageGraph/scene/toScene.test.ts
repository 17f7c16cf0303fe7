import { toScene } from './toScene';

describe('toScene', () => {
  it('marks a product governance blocks, for the blocked border, and says so in its label', () => {
    const scene = toScene({
      root: 'component:default/ledger',
      direction: 'both',
      depth: 1,
      truncated: false,
      nodes: [
        {
          entityRef: 'component:default/ledger',
          title: 'General ledger',
          sloHealth: 'healthy',
          governance: 'pass',
          depth: 0,
        },
        {
          entityRef: 'component:default/receivables',
          title: 'Accounts receivable',
          owner: 'group:default/finance-analytics',
          sloHealth: 'healthy',
          governance: 'block',
          depth: 1,
        },
      ],
      edges: [
        {
          from: 'component:default/receivables',
          to: 'component:default/ledger',
          source: 'declared',
        },
      ],
    });
    const receivables = scene.nodes.find(
      n => n.title === 'Accounts receivable',
    )!;
    expect(receivables.blocked).toBe(true);
    expect(receivables.subtitle).toBe('blocked · finance-analytics');
    expect(scene.nodes.find(n => n.isRoot)!.blocked).toBe(false);
    // the edge runs from the right side of the upstream node to the left of the root
    expect(scene.edges[0].points).toEqual([
      { x: -180, y: 0 },
      { x: -100, y: 0 },
    ]);
    expect(scene.layers.get('component:default/receivables')).toBe(-1);
  });
});
