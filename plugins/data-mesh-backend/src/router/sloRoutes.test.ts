import { notMeasuredBecause } from './sloRoutes';

describe('notMeasuredBecause', () => {
  it('says that a server of a type the portal cannot read leaves the SLO to the pipeline', () => {
    expect(
      notMeasuredBecause(
        {
          measure: {
            type: 'newestAge',
            object: 'events',
            column: 'event_ts',
          },
        },
        'server production is of type custom, which dataMesh.servers.production (a directory) does not evaluate',
      ),
    ).toBe(
      "the portal measures none of the product's servers (server production is of type custom, which dataMesh.servers.production (a directory) does not evaluate); push results from the product's pipeline, or configure a server the portal can read",
    );
  });

  it('passes on why a rule is one only a pipeline can check', () => {
    expect(
      notMeasuredBecause(
        { measure: { type: 'pushed', reason: 'no date column' } },
        undefined,
      ),
    ).toMatch(/^the portal cannot measure it \(no date column\)/);
  });

  it('gives no reason for an SLO the portal measures but has not measured yet', () => {
    expect(
      notMeasuredBecause(
        { measure: { type: 'completeness', object: 'o', columns: ['c'] } },
        undefined,
      ),
    ).toBeUndefined();
  });
});
