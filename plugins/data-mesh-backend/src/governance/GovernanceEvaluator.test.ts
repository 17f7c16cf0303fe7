import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import { loadGovernancePolicies } from '@backstage-data-mesh/plugin-data-mesh-node';
import { GovernanceEvaluator } from './GovernanceEvaluator';

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'ledger', annotations: { 'data-mesh/domain': 'finance' } },
  spec: { type: 'data-product', owner: 'group:finance' },
};

describe('GovernanceEvaluator', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'governance-evaluator-'));
    fs.writeFileSync(
      path.join(dir, 'finance.yaml'),
      `apiVersion: data-mesh/v1
kind: PolicySet
metadata: { name: finance }
policies:
  - id: finance-lifecycle
    description: Finance products state their lifecycle.
    severity: error
    condition: product.lifecycle != null
`,
    );
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('evaluates the policies dataMesh.governance configures, per domain', async () => {
    const evaluator = new GovernanceEvaluator(
      await loadGovernancePolicies(
        new ConfigReader({
          dataMesh: {
            governance: {
              builtIn: false,
              domains: { finance: ['finance.yaml'] },
            },
          },
        }),
        { workingDirectory: dir },
      ),
    );
    const report = evaluator.evaluate({
      entityRef: 'component:default/ledger',
      entity,
      contractIssues: [],
    });
    expect(report).toMatchObject({
      health: 'block',
      blocked: true,
      issues: [],
    });
    expect(report.results.map(r => [r.id, r.outcome])).toEqual([
      ['finance-lifecycle', 'block'],
    ]);
  });

  it('says governance is switched off rather than reporting a pass', () => {
    const report = new GovernanceEvaluator({ enabled: false }).evaluate({
      entityRef: 'component:default/ledger',
      entity,
      contractIssues: [],
    });
    expect(report).toMatchObject({
      health: 'unknown',
      blocked: false,
      results: [],
      issues: [expect.objectContaining({ rule: 'governance-disabled' })],
    });
  });
});
