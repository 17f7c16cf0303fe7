import type { GovernanceResponse } from '@backstage-data-mesh/plugin-data-mesh-client';
import { describeVerdict } from './describeVerdict';

function result(id: string, outcome: string, extra: object = {}) {
  return {
    id,
    severity: 'error',
    mode: 'enforced',
    status: outcome === 'pass' ? 'passed' : 'failed',
    passed: outcome === 'pass',
    outcome,
    message: `${id} message`,
    source: 'built-in',
    since: '2026-01-01T00:00:00Z',
    ...extra,
  } as GovernanceResponse['results'][number];
}

function report(
  results: GovernanceResponse['results'],
  issues: GovernanceResponse['issues'] = [],
): GovernanceResponse {
  return {
    entityRef: 'component:default/x',
    health: 'block',
    blocked: results.some(r => r.outcome === 'block'),
    results,
    summary: { pass: 0, warn: 0, block: 0, info: 0, draft: 0 },
    issues,
  };
}

describe('describeVerdict', () => {
  it('lists blocking violations with their fix, then the other findings', () => {
    const description = describeVerdict(
      'x',
      report([
        result('a', 'pass'),
        result('b', 'block', { remediation: 'Do b.' }),
        result('c', 'warn', { severity: 'warning' }),
        result('d', 'info', { severity: 'info', remediation: 'Maybe d.' }),
      ]),
    );
    expect(description.headline).toBe(
      'Governance verdict for x: BLOCKED (1 policy blocks, 1 warning, 1 of 4 policies pass).',
    );
    expect(description.blocking).toEqual([
      { level: 'error', text: '✖ b (error): b message\n    How to fix: Do b.' },
    ]);
    expect(description.other).toEqual([
      { level: 'warn', text: '⚠ c (warning): c message' },
      {
        level: 'info',
        text: 'ℹ d (info): d message\n    How to fix: Maybe d.',
      },
    ]);
  });

  it('blocks when the policies could not be evaluated, saying why', () => {
    const description = describeVerdict(
      'x',
      report(
        [],
        [
          {
            severity: 'error',
            path: '/policies/0',
            file: 'sales.yaml',
            line: 3,
            message: 'unknown key "conditon"',
          },
        ],
      ),
    );
    expect(description.headline).toMatch(/^Governance verdict for x: BLOCKED/);
    expect(description.blocking).toEqual([
      {
        level: 'error',
        text: '✖ could not evaluate: sales.yaml:3 error unknown key "conditon" (at /policies/0)',
      },
    ]);
  });

  it('passes with warnings', () => {
    expect(
      describeVerdict('x', report([result('a', 'pass'), result('c', 'warn')]))
        .headline,
    ).toBe(
      'Governance verdict for x: passes with warnings (1 warning, 1 of 2 policies pass).',
    );
  });
});
