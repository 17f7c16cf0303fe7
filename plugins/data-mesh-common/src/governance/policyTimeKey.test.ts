import { layerPolicies } from './layering';
import { policyTimeKey } from './policyTimeKey';
import { PolicyDefinition } from './types';
import { validatePolicySet } from './validatePolicySet';

function layers(policies: PolicyDefinition[]) {
  const { set, issues } = validatePolicySet({
    apiVersion: 'data-mesh/v1',
    kind: 'PolicySet',
    metadata: { name: 'test' },
    policies,
  });
  if (!set) throw new Error(JSON.stringify(issues));
  return layerPolicies([set], { builtIn: false });
}

const grace: PolicyDefinition = {
  id: 'soon-enforced',
  description: 'Enforced from July.',
  severity: 'error',
  mode: 'grace',
  graceUntil: '2026-07-01',
  condition: 'size(fields) > 0',
};

describe('policyTimeKey', () => {
  it('changes when a grace period ends, and not before', () => {
    const l = layers([grace]);
    const key = (iso: string) => policyTimeKey(l, new Date(iso));
    expect(key('2026-06-01T00:00:00Z')).toBe(key('2026-06-30T23:59:59Z'));
    expect(key('2026-07-01T00:00:00Z')).not.toBe(key('2026-06-30T23:59:59Z'));
    expect(key('2026-07-01T00:00:00Z')).toBe(key('2026-08-01T00:00:00Z'));
  });

  it('changes every day when a condition or message reads now', () => {
    const timed = layers([
      {
        id: 'recent',
        description: 'Released within the year.',
        severity: 'warning',
        condition:
          'has(custom.released) && timestamp(string(custom.released)) > now - duration("8760h")',
      },
    ]);
    expect(policyTimeKey(timed, new Date('2026-06-01T01:00:00Z'))).toBe(
      policyTimeKey(timed, new Date('2026-06-01T23:00:00Z')),
    );
    expect(policyTimeKey(timed, new Date('2026-06-01T23:00:00Z'))).not.toBe(
      policyTimeKey(timed, new Date('2026-06-02T00:00:00Z')),
    );
  });

  it('stays the same for policies time cannot change', () => {
    const timeless = layers([
      { ...grace, mode: 'enforced', graceUntil: undefined },
    ]);
    expect(policyTimeKey(timeless, new Date('2026-01-01T00:00:00Z'))).toBe(
      policyTimeKey(timeless, new Date('2030-01-01T00:00:00Z')),
    );
  });
});
