import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { UrlReaders } from '@backstage/backend-defaults/urlReader';
import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { SourceLocation } from './sourceLocation';
import { SourceReader } from './sourceReader';

const noUrls = {
  async readUrl(): Promise<never> {
    throw new Error('no URL expected');
  },
};

describe('SourceReader', () => {
  const dir = createMockDirectory();
  const root = () => dir.resolve('product');
  const file = (name: string): SourceLocation => ({
    type: 'file',
    target: dir.resolve(`product/${name}`),
    root: root(),
  });

  beforeEach(() => {
    dir.setContent({
      product: {
        'contract.yaml': 'id: orders\n',
        nested: { 'inner.yaml': 'id: inner\n' },
      },
      'secret.txt': 'outside\n',
    });
  });

  it('reads a file beside the catalog file, and answers unchanged while its version holds', async () => {
    const reader = new SourceReader(noUrls);
    const first = await reader.read(file('contract.yaml'));
    expect(first).toMatchObject({ unchanged: false, text: 'id: orders\n' });
    const version = (first as { version: string }).version;
    expect(await reader.read(file('contract.yaml'), version)).toEqual({
      unchanged: true,
      version,
    });
    expect(await reader.text(file('contract.yaml'))).toBe('id: orders\n');
  });

  it('refuses a symbolic link beside the catalog file that leads outside its directory', async () => {
    await fs.symlink(
      dir.resolve('secret.txt'),
      dir.resolve('product/link.yaml'),
    );
    await fs.symlink('/etc/passwd', dir.resolve('product/passwd.yaml'));
    const reader = new SourceReader(noUrls);
    for (const name of ['link.yaml', 'passwd.yaml']) {
      await expect(reader.read(file(name))).rejects.toThrow(
        `./${name} is a symbolic link (or lies in a linked directory) that leads outside the directory of the catalog file`,
      );
    }
  });

  it('refuses a file in a linked directory that leads outside, and follows links that stay inside', async () => {
    await fs.symlink(dir.resolve('.'), dir.resolve('product/up'));
    await fs.symlink(
      dir.resolve('product/nested/inner.yaml'),
      dir.resolve('product/alias.yaml'),
    );
    const reader = new SourceReader(noUrls);
    await expect(reader.read(file('up/secret.txt'))).rejects.toThrow(
      'leads outside the directory of the catalog file',
    );
    expect(await reader.text(file('alias.yaml'))).toBe('id: inner\n');
  });

  it('refuses a location outside its root even when handed one directly', async () => {
    const reader = new SourceReader(noUrls);
    await expect(
      reader.read({
        type: 'file',
        target: dir.resolve('secret.txt'),
        root: root(),
      }),
    ).rejects.toThrow('lies outside the directory of the catalog file');
  });

  it('refuses what is not a regular file: a directory, a named pipe', async () => {
    const reader = new SourceReader(noUrls);
    await expect(reader.read(file('nested'))).rejects.toThrow(
      './nested is not a file',
    );
    execFileSync('mkfifo', [dir.resolve('product/pipe.yaml')]);
    await expect(reader.read(file('pipe.yaml'))).rejects.toThrow(
      './pipe.yaml is not a file',
    );
  });

  it('refuses a file over the size limit, and says when a file is missing', async () => {
    const reader = new SourceReader(noUrls, { maxBytes: 8 });
    await expect(reader.read(file('contract.yaml'))).rejects.toThrow(
      './contract.yaml is larger than the 8 bytes a contract or product file may have (it has 11)',
    );
    await expect(reader.read(file('nope.yaml'))).rejects.toThrow(
      './nope.yaml does not exist: create it, or fix the reference that names it',
    );
  });

  it('reads a file that grew after its size was taken, up to the size limit', async () => {
    // The size the reader was told is smaller than the file it then reads.
    const realStat = fs.stat.bind(fs);
    const stat = jest
      .spyOn(fs, 'stat')
      .mockImplementation(async (path: Parameters<typeof fs.stat>[0]) => {
        const stats = await realStat(path);
        stats.size = 2;
        return stats;
      });
    try {
      const read = await new SourceReader(noUrls).read(file('contract.yaml'));
      expect(read).toMatchObject({ unchanged: false });
      expect((read as { text: string }).text).toHaveLength(11);
      await expect(
        new SourceReader(noUrls, { maxBytes: 8 }).read(file('contract.yaml')),
      ).rejects.toThrow(
        './contract.yaml is larger than the 8 bytes a contract or product file may have',
      );
    } finally {
      stat.mockRestore();
    }
  });

  describe('URLs, through the URL reader', () => {
    let server: http.Server;
    let base: string;
    let requests = 0;

    beforeAll(async () => {
      server = http.createServer((request, response) => {
        requests += 1;
        if (request.url === '/big.yaml') {
          response.writeHead(200);
          response.end('x'.repeat(4096));
          return;
        }
        if (request.headers['if-none-match'] === '"v1"') {
          response.writeHead(304);
          response.end();
          return;
        }
        response.writeHead(200, { etag: '"v1"' });
        response.end('id: remote\n');
      });
      await new Promise<void>(resolve =>
        server.listen(0, '127.0.0.1', resolve),
      );
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise(resolve => server.close(resolve)));

    const urlReader = () =>
      UrlReaders.default({
        config: new ConfigReader({
          backend: {
            reading: { allow: [{ host: new URL(base).host }] },
          },
        }),
        logger: mockServices.logger.mock(),
      });

    it('reads an allowed URL, revalidates by ETag and caps the size', async () => {
      const reader = new SourceReader(urlReader(), { maxBytes: 1024 });
      const location: SourceLocation = {
        type: 'url',
        target: `${base}/c.yaml`,
      };
      expect(await reader.read(location)).toEqual({
        unchanged: false,
        text: 'id: remote\n',
        version: '"v1"',
      });
      expect(await reader.read(location, '"v1"')).toEqual({
        unchanged: true,
        version: '"v1"',
      });
      await expect(
        reader.read({ type: 'url', target: `${base}/big.yaml` }),
      ).rejects.toThrow('is larger than the 1024 bytes');
    });

    it('refuses a URL the integrations and backend.reading.allow do not allow, without a request', async () => {
      const before = requests;
      const reader = new SourceReader(urlReader());
      await expect(
        reader.read({
          type: 'url',
          target: 'http://169.254.169.254/latest/meta-data/',
        }),
      ).rejects.toThrow(
        /^http:\/\/169\.254\.169\.254\/latest\/meta-data\/ may not be read: .*not allowed/,
      );
      expect(requests).toBe(before);
    });
  });
});
