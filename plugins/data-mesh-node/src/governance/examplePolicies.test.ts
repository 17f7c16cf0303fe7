import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ConfigReader } from '@backstage/config';
import { loadGovernancePolicies } from './governanceConfig';

const repo = path.resolve(__dirname, '../../../..');
const appConfig = parse(
  fs.readFileSync(path.join(repo, 'app-config.yaml'), 'utf8'),
);

describe("the example portal's governance configuration", () => {
  it('loads from app-config.yaml, relative to the backend, without a problem', async () => {
    const policies = await loadGovernancePolicies(
      new ConfigReader({ dataMesh: appConfig.dataMesh }),
      { workingDirectory: path.join(repo, 'packages/backend') },
    );
    if (!policies.enabled) throw new Error('governance is switched off');
    expect(policies.warnings).toEqual([]);
    expect(policies.files.map(f => path.relative(repo, f))).toEqual([
      'examples/policies/global.yaml',
      'examples/policies/sales.yaml',
      'examples/policies/marketing.yaml',
      'examples/policies/product.yaml',
      'examples/policies/finance.yaml',
    ]);
    const ids = (domain: string) =>
      policies.layers.policiesFor(domain).map(p => p.id);
    expect(ids('finance')).toEqual(
      expect.arrayContaining(['known-domain', 'finance-freshness']),
    );
    expect(ids('sales')).not.toContain('finance-freshness');
  });

  it.each(['sales', 'marketing', 'product', 'finance'])(
    'holds the %s domain policies in a file naming its domain',
    domain => {
      const file = path.join(repo, 'examples/policies', `${domain}.yaml`);
      const written = parse(fs.readFileSync(file, 'utf8'));
      expect(written.metadata.domain).toBe(domain);
      expect(written.policies.length).toBeGreaterThan(0);
    },
  );
});
