import { layerPolicies } from './layering';
import { BUILT_IN_POLICIES } from './packs/builtin';
import { parsePolicySet } from './parsePolicySet';
import { governProduct, verdictForViewer } from './productVerdict';

const set = parsePolicySet(
  `apiVersion: data-mesh/v1
kind: PolicySet
metadata: { name: test }
policies:
  - id: named
    description: The product has a name.
    severity: warning
    condition: product.name != null
  - id: checks-pass
    description: The latest checks pass.
    severity: error
    condition: checks == null || checks.all(c, c.passed)
  - id: says-checks
    description: Reports the checks in its message only.
    severity: info
    condition: 'false'
    message: '\${checks == null ? 0 : size(checks)} checks'
`,
).set!;
const layers = layerPolicies([set], { builtIn: false });
const facts = {
  entity: { metadata: { name: 'orders' } },
  contract: {},
  checks: [{ name: 'rows', passed: false }],
};

describe('governProduct', () => {
  it('marks the policies whose condition or message reads the quality results', () => {
    expect(
      set.policies.map(p => [p.id, p.readsQualityResults ?? false]),
    ).toEqual([
      ['named', false],
      ['checks-pass', true],
      ['says-checks', true],
    ]);
    const verdict = governProduct(layers, facts);
    expect(verdict.health).toBe('block');
    expect(verdict.results.map(r => r.readsQualityResults ?? false)).toEqual([
      false,
      true,
      true,
    ]);
  });

  it('knows the built-in quality gate reads the quality results', () => {
    const reading = layerPolicies([])
      .policiesFor(undefined)
      .filter(p => p.readsQualityResults)
      .map(p => p.id);
    expect(reading).toEqual(['quality-gates']);
    expect(BUILT_IN_POLICIES.some(p => p.id === 'quality-gates')).toBe(true);
  });
});

describe('verdictForViewer', () => {
  const verdict = governProduct(layers, facts);

  it('shows a reader the whole verdict', () => {
    expect(verdictForViewer(verdict, { read: true })).toBe(verdict);
  });

  it('withholds from others the results that read the quality results, and says so', () => {
    const shown = verdictForViewer(verdict, { read: false });
    expect(shown).toEqual({
      evaluatedAt: verdict.evaluatedAt,
      blocked: false,
      health: 'pass',
      results: [verdict.results[0]],
      summary: { pass: 1, warn: 0, block: 0, info: 0, draft: 0 },
      withheld: 2,
    });
  });

  it('shows others the same whatever the quality results are', () => {
    const passing = governProduct(layers, {
      ...facts,
      checks: [{ name: 'rows', passed: true }],
      now: new Date(verdict.evaluatedAt),
    });
    expect(verdictForViewer(passing, { read: false })).toEqual(
      verdictForViewer(verdict, { read: false }),
    );
  });
});
