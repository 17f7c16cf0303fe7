import { GovernanceVerdict, PolicyOutcome } from './types';
import { summarizeVerdict, verdictHealth } from './verdictSummary';

function verdict(outcomes: [string, PolicyOutcome][]): GovernanceVerdict {
  const summary = { pass: 0, warn: 0, block: 0, info: 0, draft: 0 };
  for (const [, outcome] of outcomes) summary[outcome] += 1;
  return {
    evaluatedAt: '2026-01-01T00:00:00.000Z',
    blocked: summary.block > 0,
    summary,
    results: outcomes.map(([id, outcome]) => ({
      id,
      outcome,
      severity: 'error',
      mode: 'enforced',
      status: outcome === 'pass' ? 'passed' : 'failed',
      passed: outcome === 'pass',
      message: '',
      source: 'test',
      since: '2026-01-01T00:00:00.000Z',
    })),
  };
}

describe('verdictHealth and summarizeVerdict', () => {
  it('says block, warn or pass', () => {
    expect(
      verdictHealth(
        verdict([
          ['a', 'pass'],
          ['b', 'warn'],
          ['c', 'block'],
        ]),
      ),
    ).toBe('block');
    expect(
      verdictHealth(
        verdict([
          ['a', 'pass'],
          ['b', 'warn'],
          ['d', 'draft'],
        ]),
      ),
    ).toBe('warn');
    expect(
      verdictHealth(
        verdict([
          ['a', 'pass'],
          ['d', 'draft'],
          ['i', 'info'],
        ]),
      ),
    ).toBe('pass');
  });

  it('names the policies that block or warn, a few at most', () => {
    const v = verdict([
      ['a', 'pass'],
      ['b', 'block'],
      ['c', 'warn'],
      ['d', 'warn'],
      ['e', 'warn'],
      ['f', 'warn'],
    ]);
    expect(summarizeVerdict(v)).toBe(
      '1 passed, 1 blocks (b), 4 warn (c, d, e, +1)',
    );
  });
});
