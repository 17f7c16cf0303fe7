import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { loadContractUrl } from './loadContractUrl';

const contractText = readFileSync(
  path.resolve(
    __dirname,
    '../../../data-mesh-common/src/__testUtils__/fixtures/parcels-daily.datamesh-v1.yaml',
  ),
  'utf8',
);

describe('loadContractUrl', () => {
  let server: http.Server;
  let base: string;
  const pending = new Set<http.ServerResponse>();

  let other: http.Server;
  let otherBase: string;
  let otherRequests = 0;

  beforeAll(async () => {
    other = http.createServer((_request, response) => {
      otherRequests += 1;
      response.writeHead(200);
      response.end(contractText);
    });
    await new Promise<void>(resolve => other.listen(0, '127.0.0.1', resolve));
    otherBase = `http://localhost:${(other.address() as AddressInfo).port}`;
    server = http.createServer((request, response) => {
      switch (request.url) {
        case '/orders.yaml':
          response.writeHead(200, { 'content-type': 'application/yaml' });
          response.end(contractText);
          break;
        case '/big-declared.yaml':
          response.writeHead(200, { 'content-length': String(4096) });
          response.end('x'.repeat(4096));
          break;
        case '/big-streamed.yaml':
          response.writeHead(200, { 'content-type': 'application/yaml' });
          response.write('a: "');
          response.write('x'.repeat(4096));
          response.end('"\n');
          break;
        case '/moved.yaml':
          response.writeHead(302, { location: '/orders.yaml' });
          response.end();
          break;
        case '/elsewhere.yaml':
          response.writeHead(307, { location: `${otherBase}/orders.yaml` });
          response.end();
          break;
        case '/slow.yaml':
          pending.add(response);
          response.writeHead(200);
          response.write('id: ');
          break;
        default:
          response.writeHead(404, 'Not Found');
          response.end();
      }
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    for (const response of pending) response.destroy();
    await new Promise(resolve => server.close(resolve));
    await new Promise(resolve => other.close(resolve));
  });

  it('follows a redirect on the same host, and refuses one to another host without asking it', async () => {
    const moved = await loadContractUrl(`${base}/moved.yaml`);
    expect(moved).toMatchObject({ valid: true, text: contractText });
    const elsewhere = await loadContractUrl(`${base}/elsewhere.yaml`);
    expect(elsewhere.valid).toBe(false);
    expect(elsewhere.issues[0]).toMatchObject({ rule: 'redirect-refused' });
    expect(elsewhere.issues[0].message).toContain(
      `redirects to ${otherBase}, another host; redirects are followed only on the same host`,
    );
    expect(otherRequests).toBe(0);
  });

  it('fetches and reads a contract', async () => {
    const loaded = await loadContractUrl(`${base}/orders.yaml`);
    expect(loaded).toMatchObject({
      source: `${base}/orders.yaml`,
      format: 'datamesh-v1',
      valid: true,
      text: contractText,
    });
    expect(loaded.contract!.id).toBe('parcels-daily');
  });

  it('reports an HTTP error status', async () => {
    const loaded = await loadContractUrl(`${base}/missing.yaml`);
    expect(loaded.valid).toBe(false);
    expect(loaded.issues[0]).toMatchObject({
      rule: 'http-status',
      file: `${base}/missing.yaml`,
    });
    expect(loaded.issues[0].message).toContain('answered 404 Not Found');
  });

  it('refuses an answer over the size limit, declared or streamed', async () => {
    expect(
      (await loadContractUrl(`${base}/big-declared.yaml`, { maxBytes: 1024 }))
        .issues[0].rule,
    ).toBe('too-large');
    expect(
      (await loadContractUrl(`${base}/big-streamed.yaml`, { maxBytes: 1024 }))
        .issues[0].rule,
    ).toBe('too-large');
  });

  it('gives up after the timeout', async () => {
    const loaded = await loadContractUrl(`${base}/slow.yaml`, {
      timeoutMs: 200,
    });
    expect(loaded.issues[0]).toMatchObject({ rule: 'timeout' });
    expect(loaded.issues[0].message).toContain('did not complete within 0.2 s');
  });

  it('refuses what is not an http(s) URL, and reports an unreachable host', async () => {
    expect((await loadContractUrl('orders.yaml')).issues[0].rule).toBe(
      'invalid-url',
    );
    expect((await loadContractUrl('file:///etc/passwd')).issues[0].rule).toBe(
      'invalid-url',
    );
    const closed = http.createServer();
    await new Promise<void>(resolve => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise(resolve => closed.close(resolve));
    const loaded = await loadContractUrl(`http://127.0.0.1:${port}/x.yaml`);
    expect(loaded.issues[0].rule).toBe('fetch-failed');
  });
});
