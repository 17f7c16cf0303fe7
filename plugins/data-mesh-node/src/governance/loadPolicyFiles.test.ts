import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { governProduct } from '@backstage-data-mesh/plugin-data-mesh-common';
import { loadPolicyFiles } from './loadPolicyFiles';

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

const product = (domain: string, tags: string[]) => ({
  entity: {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: `${domain}-product`,
      tags,
      annotations: { 'data-mesh/domain': domain },
    },
    spec: { type: 'data-product' },
  },
});

describe('loadPolicyFiles', () => {
  let dir: string;
  const write = (name: string, text: string) =>
    fs.writeFileSync(path.join(dir, name), text);

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-files-'));
    write('global.yaml', policySet('global', needsTag('tagged-data', 'data')));
    write('finance.yaml', policySet('finance', needsTag('tagged-sox', 'sox')));
    write(
      'sales.yaml',
      policySet('sales', needsTag('tagged-crm', 'crm'), 'sales'),
    );
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('applies global files to every product and domain files to their domain only', async () => {
    const loaded = await loadPolicyFiles(
      {
        policies: ['global.yaml', 'sales.yaml'],
        domains: { finance: ['finance.yaml'] },
      },
      { builtIn: false, workingDirectory: dir },
    );
    expect(loaded.issues).toEqual([]);
    expect(loaded.files).toEqual([
      path.join(dir, 'global.yaml'),
      path.join(dir, 'sales.yaml'),
      path.join(dir, 'finance.yaml'),
    ]);
    const ids = (domain: string) =>
      governProduct(loaded.layers!, product(domain, [])).results.map(r => r.id);
    expect(ids('finance')).toEqual(['tagged-data', 'tagged-sox']);
    expect(ids('sales')).toEqual(['tagged-data', 'tagged-crm']);
    expect(ids('product')).toEqual(['tagged-data']);
  });

  it('layers the files on the built-in pack unless told not to', async () => {
    const withPack = await loadPolicyFiles(
      { policies: ['global.yaml'] },
      { workingDirectory: dir },
    );
    const ids = governProduct(
      withPack.layers!,
      product('sales', []),
    ).results.map(r => r.id);
    expect(ids).toContain('data-classification');
    expect(ids[ids.length - 1]).toBe('tagged-data');
  });

  it('resolves relative paths against the working directory and names a missing file', async () => {
    const loaded = await loadPolicyFiles(
      { domains: { finance: ['policies/finance.yaml'] } },
      { workingDirectory: dir },
    );
    expect(loaded.layers).toBeUndefined();
    expect(loaded.issues).toEqual([
      {
        severity: 'error',
        path: '',
        file: path.join(dir, 'policies/finance.yaml'),
        rule: 'file-not-found',
        message: `policy file not found: policies/finance.yaml (resolved against ${dir}); fix the path or take the file off the list`,
      },
    ]);
  });

  it('gives no policies when one file is invalid, with its line and column', async () => {
    write(
      'broken.yaml',
      policySet(
        'broken',
        `  - id: p
    description: d
    severity: eror
    condition: 'true'
`,
      ),
    );
    const loaded = await loadPolicyFiles(
      { policies: ['global.yaml', 'broken.yaml'] },
      { workingDirectory: dir, fileNames: 'as-listed' },
    );
    expect(loaded.layers).toBeUndefined();
    expect(loaded.issues).toEqual([
      {
        severity: 'error',
        file: 'broken.yaml',
        line: 8,
        column: 15,
        path: '/policies/0/severity',
        rule: 'enum',
        message:
          'policy "p": severity must be one of info, warning, error, critical, not "eror"',
      },
    ]);
  });

  it('refuses a domain file that declares another domain', async () => {
    const loaded = await loadPolicyFiles(
      { domains: { finance: ['sales.yaml'] } },
      { workingDirectory: dir, fileNames: 'as-listed' },
    );
    expect(loaded.layers).toBeUndefined();
    expect(loaded.issues).toEqual([
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

  it('refuses an override of a policy that no earlier set defines', async () => {
    write(
      'override.yaml',
      policySet('override', '  - id: no-such-policy\n    severity: warning\n'),
    );
    const loaded = await loadPolicyFiles(
      { domains: { finance: ['override.yaml'] } },
      { builtIn: false, workingDirectory: dir },
    );
    expect(loaded.layers).toBeUndefined();
    expect(loaded.issues.map(i => i.rule)).toEqual(['unknown-policy']);
  });

  it('changes its version when a file, its domain or the built-in choice changes', async () => {
    const version = async (
      list: Parameters<typeof loadPolicyFiles>[0],
      builtIn = true,
    ) =>
      (await loadPolicyFiles(list, { builtIn, workingDirectory: dir })).version;
    const first = await version({ policies: ['finance.yaml'] });
    expect(await version({ policies: ['finance.yaml'] })).toBe(first);
    expect(await version({ domains: { finance: ['finance.yaml'] } })).not.toBe(
      first,
    );
    expect(await version({ policies: ['finance.yaml'] }, false)).not.toBe(
      first,
    );
    write('finance.yaml', policySet('finance', needsTag('tagged-sox', 'soX')));
    expect(await version({ policies: ['finance.yaml'] })).not.toBe(first);
  });
});
