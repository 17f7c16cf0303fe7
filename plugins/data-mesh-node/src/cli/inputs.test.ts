import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { runCli } from './runCli';

const CONTRACT = `apiVersion: v3.1.0
kind: DataContract
id: urn:orders
version: 1.0.0
status: active
schema:
  - name: orders
    properties:
      - { name: order_id, logicalType: string }
`;

/** Runs the CLI in this process (so the test's HTTP server can answer it). */
async function dataMesh(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: text => {
      stdout += text;
    },
    stderr: text => {
      stderr += text;
    },
  });
  return { code, stdout, stderr };
}

describe('URLs in the data-mesh CLI', () => {
  let dir: string;
  let server: http.Server;
  let other: http.Server;
  let base: string;
  let otherBase: string;
  const requests: string[] = [];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'data-mesh-urls-'));
    other = http.createServer((request, response) => {
      requests.push(`other ${request.url}`);
      response.end(CONTRACT);
    });
    await new Promise<void>(resolve => other.listen(0, '127.0.0.1', resolve));
    otherBase = `http://localhost:${(other.address() as AddressInfo).port}`;
    server = http.createServer((request, response) => {
      requests.push(request.url ?? '');
      if (request.url === '/elsewhere.yaml') {
        response.writeHead(302, { location: `${otherBase}/orders.yaml` });
        response.end();
        return;
      }
      response.end(CONTRACT);
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await new Promise(resolve => server.close(resolve));
    await new Promise(resolve => other.close(resolve));
  });
  beforeEach(() => {
    requests.length = 0;
  });

  const catalogInfo = (name: string, annotations: Record<string, string>) => {
    const file = path.join(dir, name);
    fs.writeFileSync(
      file,
      stringify({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'orders', annotations },
        spec: { type: 'data-product', lifecycle: 'production', owner: 'x' },
      }),
    );
    return file;
  };

  it('validate and diff fetch a URL only with --allow-urls, and say which flag to add', async () => {
    const url = `${base}/orders.yaml`;
    const refused = await dataMesh('validate', '--format', 'json', url);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout).results[0].errors).toEqual([
      expect.objectContaining({
        rule: 'url-not-allowed',
        message: `${url} is a URL, and data-mesh fetches URLs only when asked to: add --allow-urls to fetch it`,
      }),
    ]);
    const diff = await dataMesh('diff', url, url);
    expect(diff.code).toBe(1);
    expect(diff.stderr).toContain('add --allow-urls to fetch it');
    expect(requests).toEqual([]);

    const allowed = await dataMesh('validate', '--allow-urls', url);
    expect(allowed.code).toBe(0);
    expect((await dataMesh('diff', '--allow-urls', url, url)).code).toBe(0);
    expect(requests).toEqual(['/orders.yaml', '/orders.yaml', '/orders.yaml']);
  });

  it('check fetches the contract a catalog-info.yaml names by URL only with --allow-urls', async () => {
    const file = catalogInfo('remote.catalog-info.yaml', {
      'data-mesh/contract': `${base}/orders.yaml`,
    });
    const refused = await dataMesh('check', '--format', 'json', file);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout).results[0].issues).toEqual([
      expect.objectContaining({
        rule: 'contract-unreadable',
        message: expect.stringContaining('add --allow-urls to fetch it'),
      }),
    ]);
    expect(requests).toEqual([]);

    const allowed = await dataMesh(
      'check',
      '--allow-urls',
      '--format',
      'json',
      file,
    );
    expect(JSON.parse(allowed.stdout).results[0].issues).toEqual([]);
    expect(requests).toEqual(['/orders.yaml']);
  });

  it('with --allow-urls, follows no redirect to another host', async () => {
    const file = catalogInfo('redirect.catalog-info.yaml', {
      'data-mesh/contract': `${base}/elsewhere.yaml`,
    });
    const { code, stdout } = await dataMesh(
      'check',
      '--allow-urls',
      '--format',
      'json',
      file,
    );
    expect(code).toBe(1);
    expect(JSON.parse(stdout).results[0].issues[0].message).toContain(
      `redirects to ${otherBase}, another host`,
    );
    expect(requests).toEqual(['/elsewhere.yaml']);
  });

  it('check refuses what a catalog-info.yaml names outside its directory, as the catalog does', async () => {
    fs.mkdirSync(path.join(dir, 'product'));
    fs.writeFileSync(path.join(dir, 'outside.odcs.yaml'), CONTRACT);
    fs.symlinkSync(
      path.join(dir, 'outside.odcs.yaml'),
      path.join(dir, 'product', 'linked.odcs.yaml'),
    );
    const cases: Array<[string, string, string]> = [
      [
        '../outside.odcs.yaml',
        'contract-location',
        'points outside the directory of',
      ],
      ['/etc/passwd', 'contract-location', 'points outside the directory of'],
      ['file:///etc/passwd', 'contract-location', 'is a file:// URL'],
      ['./linked.odcs.yaml', 'contract-unreadable', 'is a symbolic link'],
    ];
    for (const [reference, rule, message] of cases) {
      const file = catalogInfo('product/catalog-info.yaml', {
        'data-mesh/contract': reference,
      });
      const { code, stdout } = await dataMesh(
        'check',
        '--format',
        'json',
        file,
      );
      expect(code).toBe(1);
      expect(JSON.parse(stdout).results[0].issues).toEqual([
        expect.objectContaining({
          rule,
          message: expect.stringContaining(message),
        }),
      ]);
    }
    const odps = catalogInfo('product/catalog-info.yaml', {
      'data-mesh/odps': '../outside.odcs.yaml',
    });
    const { stdout } = await dataMesh('check', '--format', 'json', odps);
    expect(JSON.parse(stdout).results[0].issues[0]).toMatchObject({
      rule: 'contract-location',
      path: '/metadata/annotations/data-mesh~1odps',
    });
  });
});
