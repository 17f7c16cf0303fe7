import { evaluatePolicies } from './evaluatePolicies';
import { layerPolicyFiles } from './policyFiles';

const policySet = (name: string, body: string, domain?: string) =>
  `apiVersion: data-mesh/v1
kind: PolicySet
metadata:
  name: ${name}
${domain ? `  domain: ${domain}\n` : ''}policies:
${body}`;

const needsTag = (id: string, tag: string) => `  - id: ${id}
    description: The product is tagged ${tag}.
    severity: error
    condition: '"${tag}" in entity.metadata.tags'
`;

const product = (domain: string) => ({
  entity: {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: `${domain}-product`,
      tags: [],
      annotations: { 'data-mesh/domain': domain },
    },
    spec: { type: 'data-product' },
  },
});

describe('layerPolicyFiles', () => {
  it('applies files listed for a domain to that domain, after the global ones', () => {
    const { layers, issues } = layerPolicyFiles(
      [
        {
          fileName: 'finance.yaml',
          domain: 'finance',
          text: policySet('finance', needsTag('sox', 'sox')),
        },
        {
          fileName: 'global.yaml',
          text: policySet('global', needsTag('data', 'data')),
        },
        {
          fileName: 'sales.yaml',
          domain: 'Sales',
          text: policySet('sales', needsTag('crm', 'crm'), 'sales'),
        },
      ],
      { builtIn: false },
    );
    expect(issues).toEqual([]);
    const ids = (domain: string) =>
      evaluatePolicies(layers!, product(domain)).results.map(r => r.id);
    expect(ids('finance')).toEqual(['data', 'sox']);
    expect(ids('sales')).toEqual(['data', 'crm']);
    expect(ids('other')).toEqual(['data']);
  });

  it('layers on the built-in pack unless told not to', () => {
    const files = [
      { fileName: 'g.yaml', text: policySet('g', needsTag('data', 'data')) },
    ];
    const count = (builtIn?: boolean) =>
      layerPolicyFiles(files, { builtIn }).layers!.policiesFor('x').length;
    expect(count(false)).toBe(1);
    expect(count()).toBeGreaterThan(1);
  });

  it('gives no layers when a file declares another domain than it is listed for, saying where', () => {
    const { layers, issues } = layerPolicyFiles([
      {
        fileName: 'sales.yaml',
        domain: 'finance',
        text: policySet('sales', needsTag('crm', 'crm'), 'sales'),
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

  it('gives no layers when a file could not be read or has an error, keeping every issue in file order', () => {
    const unreadable = {
      severity: 'error' as const,
      path: '',
      file: 'missing.yaml',
      rule: 'file-not-found',
      message: 'policy file not found: missing.yaml',
    };
    const { layers, issues } = layerPolicyFiles([
      { fileName: 'missing.yaml', issue: unreadable },
      { fileName: 'bad.yaml', text: 'apiVersion: data-mesh/v1\nkind: [\n' },
      { fileName: 'good.yaml', text: policySet('g', needsTag('data', 'data')) },
    ]);
    expect(layers).toBeUndefined();
    expect(issues[0]).toBe(unreadable);
    expect(issues.length).toBeGreaterThan(1);
    expect(issues.slice(1).every(i => i.file === 'bad.yaml')).toBe(true);
  });

  it('gives no layers when layering finds an error, with its issue', () => {
    const override = `apiVersion: data-mesh/v1
kind: PolicySet
metadata:
  name: overrides
policies:
  - id: no-such-policy
    enabled: false
`;
    const { layers, issues } = layerPolicyFiles(
      [{ fileName: 'o.yaml', text: override }],
      { builtIn: false },
    );
    expect(layers).toBeUndefined();
    expect(issues.some(i => i.severity === 'error')).toBe(true);
  });
});
