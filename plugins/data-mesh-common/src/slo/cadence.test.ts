import {
  DEFAULT_CADENCE,
  EvaluationCadence,
  evaluationCadence,
} from './cadence';
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

describe('EvaluationCadence', () => {
  it('takes the default for each bound not given', () => {
    const cadence = new EvaluationCadence({ maxMillis: minutes(120) });
    expect(cadence).toMatchObject({
      ...DEFAULT_CADENCE,
      maxMillis: minutes(120),
    });
    expect(new EvaluationCadence({ minMillis: undefined }).minMillis).toBe(
      DEFAULT_CADENCE.minMillis,
    );
  });

  it('evaluates within its bounds', () => {
    const daily = [slo('freshness', 86_400)];
    expect(new EvaluationCadence().of(daily)).toBe(minutes(240));
    expect(new EvaluationCadence({ maxMillis: minutes(120) }).of(daily)).toBe(
      minutes(120),
    );
    expect(new EvaluationCadence({ checksPerPeriod: 24 }).of(daily)).toBe(
      minutes(60),
    );
    expect(new EvaluationCadence({ maxMillis: minutes(30) }).of([])).toBe(
      minutes(30),
    );
    expect(
      new EvaluationCadence({ defaultMillis: minutes(15) }).of([
        slo('retention', 99, 'percent', {
          type: 'oldestAge',
          object: 'o',
          column: 'c',
        }),
      ]),
    ).toBe(minutes(15));
  });
});
