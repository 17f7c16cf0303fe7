import {
  EXAMPLE_DOMAINS,
  examplePolicyFile,
} from './__testUtils__/examplePolicies';
import { parsePolicySet } from './parsePolicySet';

const header =
  'apiVersion: data-mesh/v1\nkind: PolicySet\nmetadata:\n  name: test\n';

function parse(policies: string) {
  return parsePolicySet(`${header}policies:\n${policies}`, {
    fileName: 'policies.yaml',
  });
}

function onlyError(policies: string) {
  const { set, issues } = parse(policies);
  expect(set).toBeUndefined();
  const errors = issues.filter(i => i.severity === 'error');
  expect(errors).toHaveLength(1);
  return errors[0];
}

describe('parsePolicySet', () => {
  it('reads and compiles a valid policy file', () => {
    const { set, issues } = parse(
      [
        '  - id: finance-freshness',
        '    description: Finance data is at most one hour old.',
        '    severity: error',
        '    mode: grace',
        '    graceUntil: "2026-09-30"',
        '    selector: { domains: [finance], lifecycles: [production] }',
        '    condition: has(sla.freshness) && sla.freshness.seconds <= 3600',
        "    message: 'Freshness is ${sla.freshness.value} {{ sla.freshness.unit }}.'",
        '    remediation: Lower the freshness SLA.',
      ].join('\n'),
    );
    expect(issues).toEqual([]);
    expect(set).toMatchObject({
      name: 'test',
      policies: [
        {
          id: 'finance-freshness',
          severity: 'error',
          mode: 'grace',
          graceUntil: '2026-09-30',
          selector: { domains: ['finance'], lifecycles: ['production'] },
        },
      ],
    });
    expect(set!.policies[0].compiledCondition).toBeDefined();
  });

  it('reads an override entry (no condition) without asking for a description', () => {
    const { set, issues } = parse(
      '  - id: primary-key\n    severity: warning\n    mode: draft\n',
    );
    expect(issues).toEqual([]);
    expect(set!.policies[0]).toMatchObject({
      id: 'primary-key',
      severity: 'warning',
      mode: 'draft',
    });
    expect(set!.policies[0].compiledCondition).toBeUndefined();
  });

  it('reports a CEL syntax error with the policy, the expression and the position in the file', () => {
    const error = onlyError(
      '  - id: broken\n    description: d\n    severity: error\n    condition: contract.version ==\n',
    );
    expect(error.message).toContain(
      'policy "broken": the condition does not compile',
    );
    expect(error.message).toContain('line 1, column 20 of the expression');
    expect(error.message).toContain(
      'contract.version ==\n                   ^',
    );
    expect(error).toMatchObject({
      file: 'policies.yaml',
      path: '/policies/0/condition',
      rule: 'cel',
      line: 9,
      column: 35,
    });
  });

  it('places a CEL error inside a block scalar on its own line', () => {
    const error = onlyError(
      '  - id: broken\n    description: d\n    severity: error\n    condition: |\n      has(contract.version) &&\n        contrac.version != ""\n',
    );
    expect(error.message).toContain('Unknown variable: contrac');
    expect(error).toMatchObject({ line: 11, column: 9 });
  });

  it('rejects a condition that is not a boolean', () => {
    const error = onlyError(
      '  - id: size\n    description: d\n    severity: error\n    condition: size(fields)\n',
    );
    expect(error.message).toBe(
      'policy "size": the condition must be true or false, but `size(fields)` gives a value of type int',
    );
  });

  it('names unknown keys with a suggestion, at the key', () => {
    const error = onlyError(
      '  - id: typo\n    description: d\n    severity: error\n    condtion: "true"\n',
    );
    expect(error.message).toBe(
      'The policy "typo" has an unknown key "condtion": did you mean "condition"?',
    );
    expect(error).toMatchObject({
      path: '/policies/0/condtion',
      line: 9,
      column: 5,
      rule: 'unknown-key',
    });
  });

  it.each([
    [
      'severity: fatal',
      'severity must be one of info, warning, error, critical, not "fatal"',
    ],
    [
      'mode: strict',
      'mode must be one of draft, grace, enforced, not "strict"',
    ],
    ['mode: grace', 'is in mode "grace" but has no graceUntil'],
    [
      'mode: grace\n    graceUntil: soon',
      'graceUntil must be a date such as 2026-03-31, not "soon"',
    ],
    [
      'selector: { domains: finance }',
      'selector.domains must be a list of strings',
    ],
    [
      'selector: { domain: [finance] }',
      'unknown key "domain": did you mean "domains"?',
    ],
    ['enabled: "no"', 'enabled must be true or false'],
    [
      "message: 'Bad ${contract.version +}'",
      'the message has a placeholder that does not compile: `contract.version +`',
    ],
    [
      "message: 'Open ${contract.version'",
      'the placeholder opened with "${" is never closed',
    ],
  ])('reports %s', (line, message) => {
    const severity = line.startsWith('severity') ? '' : '    severity: error\n';
    const error = onlyError(
      `  - id: p\n    description: d\n${severity}    condition: "true"\n    ${line}\n`,
    );
    expect(error.message).toContain(message);
    expect(error.line).toBeGreaterThan(5);
  });

  it('asks a definition for its severity and description', () => {
    const { issues } = parse('  - id: p\n    condition: "true"\n');
    expect(issues.map(i => i.message)).toEqual([
      'policy "p" has no severity: say how serious a failure is (info, warning, error, critical)',
      'policy "p" has no description: say in a sentence what it requires',
    ]);
  });

  it('rejects duplicate ids within a file', () => {
    const error = onlyError(
      '  - id: p\n    severity: info\n  - id: p\n    mode: draft\n',
    );
    expect(error).toMatchObject({
      rule: 'duplicate-id',
      path: '/policies/1/id',
    });
  });

  it('checks the header', () => {
    const { set, issues } = parsePolicySet(
      'apiVersion: v1\nkind: Policy\npolicy: []\n',
      { fileName: 'p.yaml' },
    );
    expect(set).toBeUndefined();
    expect(issues.map(i => i.message)).toEqual([
      'The policy file has an unknown key "policy": did you mean "policies"?',
      'apiVersion must be "data-mesh/v1", not "v1"',
      'kind must be "PolicySet", not "Policy"',
      'the policy file has no "policies" list',
    ]);
  });

  it('passes YAML syntax errors through with their position', () => {
    const { set, issues } = parsePolicySet('policies: [\n', {
      fileName: 'p.yaml',
    });
    expect(set).toBeUndefined();
    expect(issues[0]).toMatchObject({ severity: 'error', file: 'p.yaml' });
    expect(issues[0].line).toBeDefined();
  });

  it('warns about an override that changes nothing', () => {
    const { set, issues } = parse('  - id: primary-key\n');
    expect(set).toBeDefined();
    expect(issues).toEqual([
      expect.objectContaining({ severity: 'warning', rule: 'empty-override' }),
    ]);
  });

  it.each(EXAMPLE_DOMAINS)(
    'compiles the example mesh’s %s domain set',
    domain => {
      const { set, issues } = parsePolicySet(examplePolicyFile(domain), {
        fileName: `${domain}.yaml`,
      });
      expect(issues).toEqual([]);
      expect(set!.domain).toBe(domain);
      expect(set!.policies.length).toBeGreaterThan(1);
    },
  );
});
