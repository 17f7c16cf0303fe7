import { leavesOf, missingLeaves } from './leafCoverage';

describe('missingLeaves', () => {
  it('lists every scalar of the source with its path', () => {
    expect(leavesOf({ a: [1, { b: null }], c: 'x' })).toEqual([
      { path: '/a/0', value: 1 },
      { path: '/a/1/b', value: null },
      { path: '/c', value: 'x' },
    ]);
  });

  it('finds the scalars a conversion dropped', () => {
    const source = { keep: 'kept', drop: 'dropped', n: 3 };
    expect(missingLeaves(source, { other: ['kept', 3] })).toEqual([
      { path: '/drop', value: 'dropped' },
    ]);
  });

  it('finds a value inside a comma-separated list', () => {
    expect(
      missingLeaves({ a: 'x.ts', b: 'y.ts' }, { element: 'x.ts,y.ts' }),
    ).toEqual([]);
  });

  it('accepts an SLA text converted to a value and a unit', () => {
    expect(
      missingLeaves({ t: '25h' }, { sla: [{ value: 25, unit: 'h' }] }),
    ).toEqual([]);
    expect(
      missingLeaves({ t: '25h' }, { sla: [{ value: 25, unit: 'd' }] }),
    ).toHaveLength(1);
  });
});
