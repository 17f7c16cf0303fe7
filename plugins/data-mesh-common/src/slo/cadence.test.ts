import { DEFAULT_CADENCE, evaluationCadence } from './cadence';
import type { SloDefinition } from './types';

const slo = (
  kind: SloDefinition['kind'],
  value: number,
  unit = 'seconds',
  measure: SloDefinition['measure'] = {
    type: 'newestAge',
    object: 'o',
    column: 'c',
  },
): SloDefinition => ({
  id: `sla:${kind}`,
  name: kind,
  kind,
  target: { text: '', operator: '<=', value, unit, objective: 0.99 },
  measure,
  path: '',
});

const minutes = (n: number) => n * 60_000;

describe('evaluationCadence', () => {
  it('checks a freshness promise six times within it', () => {
    expect(evaluationCadence([slo('freshness', 3600)])).toBe(minutes(10));
    expect(evaluationCadence([slo('freshness', 86_400)])).toBe(minutes(240));
  });

  it('takes the shortest cadence its SLOs ask for, within the bounds', () => {
    expect(
      evaluationCadence([
        slo('freshness', 86_400),
        slo('completeness', 99, 'percent', {
          type: 'completeness',
          object: 'o',
          columns: ['c'],
        }),
      ]),
    ).toBe(minutes(60));
    expect(evaluationCadence([slo('freshness', 60)])).toBe(
      DEFAULT_CADENCE.minMillis,
    );
    expect(
      evaluationCadence([
        slo('availability', 99, 'percent', { type: 'reachable', objects: [] }),
      ]),
    ).toBe(DEFAULT_CADENCE.minMillis);
  });

  it('leaves products measured only by pushes to the longest cadence', () => {
    expect(
      evaluationCadence([
        slo('quality', 0, 'rows', { type: 'pushed', reason: 'custom' }),
      ]),
    ).toBe(DEFAULT_CADENCE.maxMillis);
    expect(evaluationCadence([])).toBe(DEFAULT_CADENCE.maxMillis);
  });
});
