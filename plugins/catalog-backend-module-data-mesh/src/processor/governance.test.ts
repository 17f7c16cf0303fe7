import fs from 'node:fs';
import path from 'node:path';
import {
  layerPolicyFiles,
  readContract,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import { dataProduct } from '../__testUtils__/fixtures';
import {
  governanceFrom,
  governanceNotEvaluated,
  policyGovernance,
} from './governance';

const contract: any = {
  apiVersion: 'v3.1.0',
  kind: 'DataContract',
  id: 'orders',
  version: '1.0.0',
  status: 'active',
  schema: [
    {
      name: 'orders',
      properties: [
        {
          name: 'id',
          logicalType: 'string',
          description: 'Key.',
          primaryKey: true,
        },
      ],
    },
  ],
};

function policies(text: string) {
  const { layers, issues } = layerPolicyFiles(
    [{ fileName: 'policies.yaml', text }],
    { builtIn: false },
  );
  if (!layers) throw new Error(JSON.stringify(issues));
  return layers;
}

/** The built-in pack alone, or nothing with `builtIn: false`. */
function builtIn(options: { builtIn?: boolean } = {}) {
  return layerPolicyFiles([], options).layers!;
}

const header = `apiVersion: data-mesh/v1
kind: PolicySet
metadata:
  name: test
policies:
`;

describe('policyGovernance', () => {
  it('records a verdict in a word and a sentence, and turns blocking failures into errors that say what to do', () => {
    const check = policyGovernance(
      policies(`${header}  - id: needs-sla
    description: The contract states an SLA.
    severity: error
    condition: size(contract.slaProperties) > 0
    message: The contract states no SLA.
    remediation: Add slaProperties.
  - id: likes-tags
    description: The product has tags.
    severity: warning
    condition: size(product.tags) > 0
    message: No tags.
`),
      { version: 'v1' },
    );
    const recorded = check.evaluate({
      entity: dataProduct(),
      contract: { ...contract, slaProperties: [] },
      contractIssues: [],
      contractSource: 'file:/x.yaml',
    });
    expect(recorded.verdict).toBe('block');
    expect(recorded.summary).toBe(
      '0 passed, 1 blocks (needs-sla), 1 warns (likes-tags)',
    );
    expect(recorded.blocking).toEqual([
      {
        severity: 'error',
        path: '',
        rule: 'policy:needs-sla',
        file: 'file:/x.yaml',
        message:
          'governance policy "needs-sla" (error, from test) blocks this product: The contract states no SLA. To comply: Add slaProperties.',
      },
    ]);
  });

  it('never blocks for draft or grace policies', () => {
    const check = policyGovernance(
      policies(`${header}  - id: trying-out
    description: A policy being tried out.
    severity: error
    mode: draft
    condition: "false"
  - id: soon
    description: A policy enforced from 2999.
    severity: critical
    mode: grace
    graceUntil: "2999-01-01"
    condition: "false"
`),
      { version: 'v1' },
    );
    const recorded = check.evaluate({
      entity: dataProduct(),
      contract,
      contractIssues: [],
    });
    expect(recorded.verdict).toBe('warn');
    expect(recorded.blocking).toEqual([]);
  });

  it('applies the built-in pack unless it is switched off', () => {
    const withPack = policyGovernance(builtIn(), {
      version: 'v1',
    }).evaluate({
      entity: dataProduct(),
      contract,
      contractIssues: [],
    });
    expect(withPack.summary).toMatch(/blocks? \(.*data-classification/);
    const without = policyGovernance(builtIn({ builtIn: false }), {
      version: 'v1',
    }).evaluate({ entity: dataProduct(), contract, contractIssues: [] });
    expect(without).toEqual({
      verdict: 'pass',
      summary: '0 passed',
      blocking: [],
    });
  });

  it('evaluates a contract as readContract returns it, with no condition failing to run', () => {
    const file = path.resolve(
      __dirname,
      '../../../../examples/products/sales-orders/sales-orders.odcs.yaml',
    );
    const reading = readContract(fs.readFileSync(file, 'utf8'), {
      fileName: file,
    });
    const recorded = policyGovernance(builtIn(), {
      version: 'v1',
    }).evaluate({
      entity: dataProduct(),
      contract: reading.contract,
      contractIssues: reading.issues,
    });
    expect(recorded.summary).not.toContain('valid-contract');
    expect(recorded.blocking.map(b => b.message).join('\n')).not.toMatch(
      /could not be evaluated/,
    );
  });
});

describe('governanceFrom', () => {
  it('evaluates the loaded policies, or nothing when governance is switched off', () => {
    const input = { entity: dataProduct(), contract, contractIssues: [] };
    expect(governanceFrom({ enabled: false }).evaluate(input).verdict).toBe(
      'not-evaluated',
    );
    const check = governanceFrom({
      enabled: true,
      layers: builtIn(),
      version: 'abc',
      files: [],
      warnings: [],
    });
    expect(check.version).toBe('abc');
    expect(check.evaluate(input).verdict).toBe('block');
  });
});

describe('governanceNotEvaluated', () => {
  it('says so, and blocks nothing', () => {
    expect(
      governanceNotEvaluated.evaluate({
        entity: dataProduct(),
        contractIssues: [],
      }),
    ).toEqual({
      verdict: 'not-evaluated',
      summary: 'governance policies are not evaluated',
      blocking: [],
    });
  });
});
