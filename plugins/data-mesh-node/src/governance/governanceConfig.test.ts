import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import {
  InvalidPolicyFilesError,
  loadGovernancePolicies,
  readGovernanceConfig,
} from './governanceConfig';

const config = (governance: Record<string, any>) =>
  new ConfigReader({ dataMesh: { governance } });

describe('readGovernanceConfig', () => {
  it('reads the global and per-domain lists, with the built-in pack on by default', () => {
    expect(
      readGovernanceConfig(
        config({
          policies: ['policies/global.yaml'],
          domains: { finance: ['policies/finance.yaml'] },
        }),
      ),
    ).toEqual({
      enabled: true,
      builtIn: true,
      policies: ['policies/global.yaml'],
      domains: { finance: ['policies/finance.yaml'] },
    });
    expect(readGovernanceConfig(new ConfigReader({}))).toEqual({
      enabled: true,
      builtIn: true,
      policies: [],
      domains: {},
    });
  });

  it('names the current key for a key of the earlier shape instead of ignoring it', () => {
    expect(() =>
      readGovernanceConfig(config({ policyFiles: ['global.yaml'] })),
    ).toThrow(
      'dataMesh.governance.policyFiles is not read: the key is now dataMesh.governance.policies; rename it',
    );
  });

  it('says which key has the wrong type', () => {
    expect(() =>
      readGovernanceConfig(config({ domains: { finance: 'finance.yaml' } })),
    ).toThrow(/dataMesh\.governance\.domains\.finance/);
  });
});

describe('loadGovernancePolicies', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'governance-config-'));
    fs.writeFileSync(
      path.join(dir, 'finance.yaml'),
      `apiVersion: data-mesh/v1
kind: PolicySet
metadata: { name: finance }
policies:
  - id: finance-owner
    description: Finance products have an owner.
    severity: error
    condition: product.owner != null
`,
    );
    fs.writeFileSync(
      path.join(dir, 'broken.yaml'),
      'apiVersion: data-mesh/v1\nkind: PolicySet\npolicies:\n  - id: p\n    description: d\n    severity: error\n    condition: size(fields) >\n',
    );
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('loads the configured files from the working directory', async () => {
    const policies = await loadGovernancePolicies(
      config({ builtIn: false, domains: { finance: ['finance.yaml'] } }),
      { workingDirectory: dir },
    );
    if (!policies.enabled) throw new Error('expected policies');
    expect(policies.files).toEqual([path.join(dir, 'finance.yaml')]);
    expect(policies.layers.policiesFor('finance').map(p => p.id)).toEqual([
      'finance-owner',
    ]);
    expect(policies.layers.policiesFor('sales')).toEqual([]);
    expect(policies.version).toMatch(/^[0-9a-f]{16}$/);
  });

  it('evaluates nothing when switched off', async () => {
    expect(
      await loadGovernancePolicies(
        config({ enabled: false, policies: ['missing.yaml'] }),
      ),
    ).toEqual({ enabled: false });
  });

  it('throws with every error, its file, line and column, when a file is bad', async () => {
    const loading = loadGovernancePolicies(
      config({ policies: ['broken.yaml', 'missing.yaml'] }),
      { workingDirectory: dir },
    );
    await expect(loading).rejects.toBeInstanceOf(InvalidPolicyFilesError);
    const error: InvalidPolicyFilesError = await loading.catch(e => e);
    expect(error.message).toContain(
      'dataMesh.governance lists policy files with errors; nothing is evaluated until they are fixed or taken off the list:',
    );
    expect(error.message).toContain(
      `${path.join(
        dir,
        'broken.yaml',
      )}:7:30 error [cel] policy "p": the condition does not compile`,
    );
    expect(error.message).toContain(
      `${path.join(
        dir,
        'missing.yaml',
      )} error [file-not-found] policy file not found: missing.yaml`,
    );
    expect(error.issues.filter(i => i.severity === 'error')).toHaveLength(2);
  });
});
