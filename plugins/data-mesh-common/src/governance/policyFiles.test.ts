import type { ContractIssue } from '../issues';
import { compiledLayers } from './layering';
import { BUILT_IN_POLICIES } from './packs/builtin';
import { layerPolicyFiles } from './policyFiles';
import { policyTimeKey } from './policyTimeKey';
import { governProduct } from './productVerdict';

const policySet = (body: string, metadata = '{ name: test }') =>
  `apiVersion: data-mesh/v1
kind: PolicySet
metadata: ${metadata}
policies:
${body}`;

const needsTag = (id: string, tag: string) => `  - id: ${id}
    description: The product is tagged ${tag}.
    severity: error
    condition: '"${tag}" in entity.metadata.tags'
`;

const product = (domain: string) => ({
  entity: {
    metadata: {
      name: 'p',
      tags: [],
      annotations: { 'data-mesh/domain': domain },
    },
  },
  contract: {},
});

const ids = (
  layers: NonNullable<ReturnType<typeof layerPolicyFiles>['layers']>,
  domain: string,
) => governProduct(layers, product(domain)).results.map(r => r.id);

describe('layerPolicyFiles', () => {
  it('layers the global files, then the domain files, on the built-in pack', () => {
    const { layers, issues } = layerPolicyFiles([
      { fileName: 'global.yaml', text: policySet(needsTag('tagged', 'data')) },
      {
        fileName: 'finance.yaml',
        domain: 'finance',
        text: policySet(needsTag('tagged-sox', 'sox')),
      },
    ]);
    expect(issues).toEqual([]);
    const finance = ids(layers!, 'finance');
    expect(finance.slice(0, BUILT_IN_POLICIES.length)).toEqual(
      BUILT_IN_POLICIES.map(p => p.id),
    );
    expect(finance.slice(BUILT_IN_POLICIES.length)).toEqual([
      'tagged',
      'tagged-sox',
    ]);
    expect(ids(layers!, 'sales')).not.toContain('tagged-sox');
    expect(
      layers!.policiesFor('finance').find(p => p.id === 'tagged-sox'),
    ).toMatchObject({ source: 'test', severity: 'error' });
  });

  it('leaves the built-in pack out when asked to', () => {
    const { layers } = layerPolicyFiles(
      [
        {
          fileName: 'global.yaml',
          text: policySet(needsTag('tagged', 'data')),
        },
      ],
      { builtIn: false },
    );
    expect(ids(layers!, 'sales')).toEqual(['tagged']);
    expect(
      layerPolicyFiles([], { builtIn: false }).layers!.policiesFor(null),
    ).toEqual([]);
  });

  it('refuses a domain file that declares another domain, at its metadata.domain', () => {
    const { layers, issues } = layerPolicyFiles([
      {
        fileName: 'sales.yaml',
        domain: 'finance',
        text: policySet(needsTag('t', 'x'), '\n  name: sales\n  domain: sales'),
      },
    ]);
    expect(layers).toBeUndefined();
    expect(issues).toEqual([
      {
        severity: 'error',
        path: '/metadata/domain',
        file: 'sales.yaml',
        line: 5,
        column: 11,
        rule: 'domain-mismatch',
        message:
          'the file is listed for domain "finance" but its metadata.domain is "sales": list it under its own domain, or change metadata.domain',
      },
    ]);
  });

  it('accepts a domain file that names its domain in another case', () => {
    const { layers, issues } = layerPolicyFiles([
      {
        fileName: 'finance.yaml',
        domain: 'finance',
        text: policySet(needsTag('t', 'x'), '{ name: f, domain: Finance }'),
      },
    ]);
    expect(issues).toEqual([]);
    expect(ids(layers!, 'finance')).toContain('t');
  });

  it('reports a file that could not be read in its place and gives no layers', () => {
    const unreadable: ContractIssue = {
      severity: 'error',
      path: '',
      file: 'missing.yaml',
      rule: 'file-not-found',
      message: 'policy file not found: missing.yaml',
    };
    const { layers, issues } = layerPolicyFiles([
      { fileName: 'missing.yaml', issues: [unreadable] },
      {
        fileName: 'broken.yaml',
        text: policySet(
          '  - id: p\n    description: d\n    severity: eror\n    condition: "true"\n',
        ),
      },
      { fileName: 'silent.yaml' },
    ]);
    expect(layers).toBeUndefined();
    expect(issues.map(i => [i.file, i.rule])).toEqual([
      ['missing.yaml', 'file-not-found'],
      ['broken.yaml', 'enum'],
      ['silent.yaml', 'unreadable'],
    ]);
  });

  it('refuses an override of a policy that no earlier set defines', () => {
    const { layers, issues } = layerPolicyFiles(
      [
        {
          fileName: 'override.yaml',
          domain: 'finance',
          text: policySet('  - id: no-such-policy\n    severity: warning\n'),
        },
      ],
      { builtIn: false },
    );
    expect(layers).toBeUndefined();
    expect(issues.map(i => i.rule)).toEqual(['unknown-policy']);
  });

  it('keeps the layers when the files have only warnings', () => {
    const { layers, issues } = layerPolicyFiles([
      {
        fileName: 'global.yaml',
        text: policySet(
          `${needsTag(
            't',
            'x',
          )}    mode: enforced\n    graceUntil: "2026-01-01"\n`,
        ),
      },
    ]);
    expect(issues.map(i => [i.severity, i.rule])).toEqual([
      ['warning', 'unused'],
    ]);
    expect(layers).toBeDefined();
  });

  it('gives the built-in policies as written, with or without layers', () => {
    expect(layerPolicyFiles([]).builtInPolicies).toBe(BUILT_IN_POLICIES);
    expect(layerPolicyFiles([], { builtIn: true }).builtInPolicies).toBe(
      BUILT_IN_POLICIES,
    );
    expect(layerPolicyFiles([], { builtIn: false }).builtInPolicies).toEqual(
      [],
    );
    const broken = layerPolicyFiles([
      { fileName: 'broken.yaml', text: 'kind: [' },
    ]);
    expect(broken.layers).toBeUndefined();
    expect(broken.builtInPolicies).toBe(BUILT_IN_POLICIES);
  });
});

describe('policy layers', () => {
  it('are refused by the evaluation when written by hand', () => {
    const handMade = { policiesFor: () => [], timeKey: () => '' };
    expect(() => governProduct(handMade, product('sales'))).toThrow(
      'these policy layers hold no compiled policies: make them with layerPolicyFiles',
    );
  });

  it('give the time key of all their policies, domain files included', () => {
    const graceUntil = (id: string, until: string) =>
      `${needsTag(id, 'x')}    mode: grace\n    graceUntil: "${until}"\n`;
    const { layers } = layerPolicyFiles(
      [
        {
          fileName: 'global.yaml',
          text: policySet(graceUntil('g', '2026-07-01')),
        },
        {
          fileName: 'finance.yaml',
          domain: 'finance',
          text: policySet(graceUntil('f', '2026-09-01')),
        },
      ],
      { builtIn: false },
    );
    const key = (iso: string) => layers!.timeKey(new Date(iso));
    expect(key('2026-06-01T00:00:00Z')).toBe(key('2026-06-30T23:59:59Z'));
    expect(key('2026-07-01T00:00:00Z')).not.toBe(key('2026-06-30T23:59:59Z'));
    expect(key('2026-09-01T00:00:00Z')).not.toBe(key('2026-08-31T23:59:59Z'));
    expect(key('2026-09-01T00:00:00Z')).toBe(
      policyTimeKey(compiledLayers(layers!), new Date('2026-09-01T00:00:00Z')),
    );
    expect(key('2026-09-01T00:00:00Z')).toBe(
      JSON.stringify({ graceEnded: ['2026-07-01', '2026-09-01'], day: null }),
    );
  });

  it('give a time key that changes daily with the built-in pack, which reads now', () => {
    const key = (builtIn: boolean, iso: string) =>
      layerPolicyFiles([], { builtIn }).layers!.timeKey(new Date(iso));
    expect(key(true, '2026-06-01T23:00:00Z')).toBe(
      key(true, '2026-06-01T01:00:00Z'),
    );
    expect(key(true, '2026-06-02T01:00:00Z')).not.toBe(
      key(true, '2026-06-01T01:00:00Z'),
    );
    expect(key(false, '2026-06-02T01:00:00Z')).toBe(
      key(false, '2026-06-01T01:00:00Z'),
    );
  });
});
