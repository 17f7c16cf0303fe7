import vm from 'node:vm';
import { stringify } from 'yaml';
import { readContract } from '../read';
import {
  compliantContract,
  compliantEntity,
} from './__testUtils__/compliantProduct';
import { evaluatePolicies } from './evaluatePolicies';
import { layerPolicies } from './layering';
import { examplePolicyFile } from './__testUtils__/examplePolicies';
import { PolicyDefinition } from './types';
import { CompiledPolicySet, validatePolicySet } from './validatePolicySet';
import { parsePolicySet } from './parsePolicySet';

const NOW = new Date('2026-06-01T00:00:00Z');

function set(policies: PolicyDefinition[], domain?: string): CompiledPolicySet {
  const result = validatePolicySet({
    apiVersion: 'data-mesh/v1',
    kind: 'PolicySet',
    metadata: { name: domain ?? 'global', domain },
    policies,
  });
  if (!result.set)
    throw new Error(result.issues.map(i => i.message).join('\n'));
  return result.set;
}

function verdict(
  sets: CompiledPolicySet[],
  edit: (contract: any, entity: any) => void = () => {},
  builtIn = false,
) {
  const entity = compliantEntity();
  const contract = compliantContract();
  edit(contract, entity);
  return evaluatePolicies(layerPolicies(sets, { builtIn }), {
    entity,
    contract,
    now: NOW,
  });
}

const failing = (extra: Partial<PolicyDefinition> = {}): PolicyDefinition => ({
  id: 'always-fails',
  description: 'Never holds.',
  severity: 'error',
  condition: 'false',
  ...extra,
});

describe('evaluatePolicies: modes and severities', () => {
  it.each([
    [{ severity: 'critical' }, 'block', true],
    [{ severity: 'error' }, 'block', true],
    [{ severity: 'warning' }, 'warn', false],
    [{ severity: 'info' }, 'info', false],
    [{ severity: 'critical', mode: 'draft' }, 'draft', false],
    [
      { severity: 'error', mode: 'grace', graceUntil: '2026-07-01' },
      'warn',
      false,
    ],
    [
      { severity: 'error', mode: 'grace', graceUntil: '2026-05-01' },
      'block',
      true,
    ],
  ] as [Partial<PolicyDefinition>, string, boolean][])(
    '%j fails as %s (blocked: %s)',
    (extra, outcome, blocked) => {
      const result = verdict([set([failing(extra)])]);
      expect(result.results[0]).toMatchObject({
        status: 'failed',
        passed: false,
        outcome,
      });
      expect(result.blocked).toBe(blocked);
      expect(result.summary[outcome as 'block']).toBe(1);
    },
  );

  it('says when a grace period ends', () => {
    const result = verdict([
      set([
        failing({
          mode: 'grace',
          graceUntil: '2026-07-01',
          message: 'Not yet.',
        }),
      ]),
    ]);
    expect(result.results[0].message).toBe(
      'Not yet. (grace period: enforced from 2026-07-01)',
    );
  });

  it('interpolates the message and the remediation', () => {
    const result = verdict([
      set([
        failing({
          message:
            'Product ${product.name} of {{ product.domain }} has ${size(fields)} fields.',
          remediation: 'Ask ${product.owner}.',
        }),
      ]),
    ]);
    expect(result.results[0]).toMatchObject({
      message: 'Product sales-orders of sales has 2 fields.',
      remediation: 'Ask group:sales-analytics.',
    });
  });
});

describe('evaluatePolicies: a condition that cannot be evaluated never passes', () => {
  it('turns a runtime error into a failure that says why', () => {
    const result = verdict([
      set([failing({ condition: 'contract.nosuchkey == "x"' })]),
    ]);
    expect(result.results[0]).toMatchObject({
      status: 'error',
      passed: false,
      outcome: 'block',
    });
    expect(result.results[0].message).toBe(
      'The condition of policy "always-fails" could not be evaluated (No such key: nosuchkey), so the policy counts as failed. Check the condition: `contract.nosuchkey == "x"`',
    );
    expect(result.blocked).toBe(true);
  });

  it('turns a non-boolean result into a failure', () => {
    const result = verdict([set([failing({ condition: 'contract.version' })])]);
    expect(result.results[0]).toMatchObject({ status: 'error', passed: false });
    expect(result.results[0].message).toContain(
      'gave "1.0.0" instead of true or false',
    );
  });
});

describe('evaluatePolicies: selectors and layering', () => {
  it('applies a policy only to the products its selector picks', () => {
    const selected = set([
      failing({ id: 'finance-only', selector: { domains: ['finance'] } }),
      failing({
        id: 'sales-production',
        selector: { domains: ['Sales'], lifecycles: ['production'] },
      }),
      failing({
        id: 'restricted-only',
        selector: { classifications: ['restricted'] },
      }),
      failing({
        id: 'data-products',
        selector: { productKinds: ['data-product'] },
      }),
    ]);
    expect(verdict([selected]).results.map(r => r.id)).toEqual([
      'sales-production',
      'data-products',
    ]);
  });

  it('applies a domain set only to products of its domain', () => {
    const finance = parsePolicySet(examplePolicyFile('finance')).set!;
    const sales = parsePolicySet(examplePolicyFile('sales')).set!;
    const ids = verdict([finance, sales]).results.map(r => r.id);
    expect(ids.some(id => id.startsWith('sales-'))).toBe(true);
    expect(ids.some(id => id.startsWith('finance-'))).toBe(false);
  });

  it('expresses the finance domain defaults: completeness 99.9%, freshness 1 hour, confidential', () => {
    const finance = parsePolicySet(examplePolicyFile('finance')).set!;
    const result = verdict(
      [finance],
      (_, e) => (e.metadata.annotations['data-mesh/domain'] = 'finance'),
    );
    const failed = result.results.filter(r => !r.passed).map(r => r.id);
    expect(failed).toEqual([
      'finance-completeness',
      'finance-accuracy',
      'finance-freshness',
      'owner-contact',
    ]);
    const fixed = verdict([finance], (c, e) => {
      e.metadata.annotations['data-mesh/domain'] = 'finance';
      c.slaProperties = [
        { property: 'freshness', value: 30, unit: 'min' },
        { property: 'completeness', value: '99.95%' },
        { property: 'accuracy', value: 99.99 },
      ];
      c.team = { name: 'finance-analytics' };
    });
    expect(fixed.results.filter(r => !r.passed)).toEqual([]);
  });

  it('lets a later set override a built-in policy by id: severity, mode, or switch it off', () => {
    const noKey = (c: any) => (c.schema[0].properties[0].primaryKey = false);
    expect(verdict([], noKey, true).blocked).toBe(true);
    const softened = verdict(
      [set([{ id: 'primary-key', severity: 'warning' }])],
      noKey,
      true,
    );
    expect(softened.blocked).toBe(false);
    expect(softened.results.find(r => r.id === 'primary-key')).toMatchObject({
      severity: 'warning',
      outcome: 'warn',
      source: 'built-in',
    });
    const off = verdict(
      [set([{ id: 'primary-key', enabled: false }])],
      noKey,
      true,
    );
    expect(off.results.find(r => r.id === 'primary-key')).toBeUndefined();
  });

  it('lets a domain set override a global one, for its domain only', () => {
    const global = set([failing({ id: 'strict', severity: 'warning' })]);
    const salesOverride = set(
      [{ id: 'strict', severity: 'critical' }],
      'sales',
    );
    const financeOverride = set([{ id: 'strict', mode: 'draft' }], 'finance');
    const result = verdict([salesOverride, financeOverride, global]);
    expect(result.results).toEqual([
      expect.objectContaining({
        id: 'strict',
        severity: 'critical',
        outcome: 'block',
      }),
    ]);
  });

  it('reports an override of a policy that no earlier set defines', () => {
    const layers = layerPolicies([
      set([{ id: 'no-such-policy', severity: 'info' }], 'sales'),
    ]);
    expect(layers.issues).toEqual([
      expect.objectContaining({
        severity: 'error',
        rule: 'unknown-policy',
        message: expect.stringContaining(
          'policy "no-such-policy" in sales has no condition',
        ),
      }),
    ]);
  });
});

describe('evaluatePolicies: since when', () => {
  it('keeps the date an outcome started while it lasts, and resets it when it changes', () => {
    const layers = layerPolicies(
      [
        set([
          failing({
            id: 'p',
            condition: 'product.classification == "confidential"',
          }),
        ]),
      ],
      { builtIn: false },
    );
    const input = { entity: compliantEntity(), contract: compliantContract() };
    const first = evaluatePolicies(layers, {
      ...input,
      now: new Date('2026-01-01T00:00:00Z'),
    });
    const second = evaluatePolicies(
      layers,
      { ...input, now: new Date('2026-02-01T00:00:00Z') },
      { previousVerdict: first },
    );
    expect(second.results[0]).toMatchObject({
      outcome: 'pass',
      since: '2026-01-01T00:00:00.000Z',
    });
    input.entity.metadata.annotations['data-mesh/classification'] = 'public';
    const third = evaluatePolicies(
      layers,
      { ...input, now: new Date('2026-03-01T00:00:00Z') },
      { previousVerdict: second },
    );
    expect(third.results[0]).toMatchObject({
      outcome: 'block',
      since: '2026-03-01T00:00:00.000Z',
    });
  });
});

describe('evaluatePolicies: whoever made the objects', () => {
  const outcomes = (v: ReturnType<typeof evaluatePolicies>) =>
    v.results.map(r => [r.id, r.status, r.outcome]);
  const expected = outcomes(verdict([], () => {}, true));

  it('gives the same verdict for a contract and entity of another realm (a sandbox, a frame)', () => {
    const foreign = (value: unknown) =>
      vm.runInNewContext(`(${JSON.stringify(value)})`);
    const result = evaluatePolicies(layerPolicies([]), {
      entity: foreign(compliantEntity()),
      contract: foreign(compliantContract()),
      now: vm.runInNewContext('new Date("2026-06-01T00:00:00Z")'),
    });
    expect(result.results.filter(r => r.status === 'error')).toEqual([]);
    expect(outcomes(result)).toEqual(expected);
  });

  it('gives the same verdict for a contract as readContract returns it', () => {
    // readContract normalises with structuredClone: in a sandbox (Jest) that is the host's
    // function, and its objects carry the host's Object
    const reading = readContract(stringify(compliantContract()), {
      fileName: 'orders.odcs.yaml',
    });
    expect(reading.contract).toBeDefined();
    const result = evaluatePolicies(layerPolicies([]), {
      entity: compliantEntity(),
      contract: reading.contract,
      contractIssues: reading.issues,
      now: NOW,
    });
    expect(result.results.filter(r => r.status === 'error')).toEqual([]);
    expect(outcomes(result)).toEqual(expected);
  });

  it('reads a date inside the contract as its ISO 8601 text, as JSON carries it', () => {
    const released = set([
      {
        id: 'released-in-2026',
        description: 'The product was released in 2026, before now.',
        severity: 'error',
        condition:
          'timestamp(string(custom.releasedAt)) >= timestamp("2026-01-01T00:00:00Z") && now > timestamp(string(custom.releasedAt))',
      },
    ]);
    const result = verdict([released], contract => {
      contract.customProperties = [
        { property: 'releasedAt', value: new Date('2026-02-01T00:00:00Z') },
      ];
    });
    expect(result.results[0]).toMatchObject({ status: 'passed' });
  });
});
