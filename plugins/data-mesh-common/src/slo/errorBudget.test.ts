import {
  countObservations,
  parseSloWindow,
  summarizeWindow,
  windowMillis,
} from './errorBudget';

describe('summarizeWindow', () => {
  it('reports full attainment and an untouched budget when nothing was observed', () => {
    expect(summarizeWindow({ pass: 0, fail: 0, error: 0 }, 0.99)).toEqual({
      observations: 0,
      attainment: 1,
      errorBudget: { allowed: 0, consumed: 0, remaining: 1, burnRate: 0 },
    });
  });

  it('spends the budget with failures and errors alike', () => {
    // 1,000 observations at 99 %: 10 bad ones allowed; 3 failures + 2 errors spend half.
    const summary = summarizeWindow({ pass: 995, fail: 3, error: 2 }, 0.99);
    expect(summary.observations).toBe(1000);
    expect(summary.attainment).toBeCloseTo(0.995, 10);
    expect(summary.errorBudget.allowed).toBeCloseTo(10, 10);
    expect(summary.errorBudget.consumed).toBe(5);
    expect(summary.errorBudget.remaining).toBeCloseTo(0.5, 10);
    expect(summary.errorBudget.burnRate).toBeCloseTo(0.5, 10);
  });

  it('burns faster than 1 and leaves nothing when the objective is missed', () => {
    const summary = summarizeWindow({ pass: 90, fail: 10, error: 0 }, 0.99);
    expect(summary.attainment).toBeCloseTo(0.9, 10);
    expect(summary.errorBudget.remaining).toBe(0);
    expect(summary.errorBudget.burnRate).toBeCloseTo(10, 10);
  });

  it('allows nothing at a 100 % objective', () => {
    expect(
      summarizeWindow({ pass: 10, fail: 0, error: 0 }, 1).errorBudget,
    ).toEqual({
      allowed: 0,
      consumed: 0,
      remaining: 1,
      burnRate: 0,
    });
    const spent = summarizeWindow(
      { pass: 9, fail: 1, error: 0 },
      1,
    ).errorBudget;
    expect(spent.remaining).toBe(0);
    expect(Number.isFinite(spent.burnRate)).toBe(true);
    expect(spent.burnRate).toBeGreaterThan(1e300);
  });
});

describe('windows', () => {
  it('reads 7d and 30d only', () => {
    expect(parseSloWindow('7d')).toBe('7d');
    expect(parseSloWindow('30d')).toBe('30d');
    expect(parseSloWindow('1y')).toBeUndefined();
    expect(windowMillis('7d')).toBe(7 * 86_400_000);
    expect(windowMillis('30d')).toBe(30 * 86_400_000);
  });

  it('counts outcomes, ignoring unknown ones', () => {
    expect(
      countObservations(['pass', 'fail', 'error', 'pass', 'unknown']),
    ).toEqual({
      pass: 2,
      fail: 1,
      error: 1,
    });
  });
});
