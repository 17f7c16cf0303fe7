import { createMockDirectory } from '@backstage/backend-test-utils';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { readInside, resolveInside, writeInside } from './workspacePaths';

describe('workspace paths', () => {
  const dir = createMockDirectory();

  beforeEach(() => {
    dir.setContent({
      workspace: { 'catalog-info.yaml': 'kind: Component\n' },
      'secret.txt': 'secret',
    });
  });

  it('resolves a relative path inside the workspace', () => {
    expect(
      resolveInside(
        dir.resolve('workspace'),
        'products/x/contract.yaml',
        'contractPath',
      ),
    ).toBe(dir.resolve('workspace/products/x/contract.yaml'));
  });

  it.each([
    ['../secret.txt', 'contains ".."'],
    ['a/../../secret.txt', 'contains ".."'],
    ['a/../b.yaml', 'contains ".."'],
    ['..\\secret.txt', 'contains ".."'],
    ['/etc/passwd', 'is an absolute path'],
    ['C:\\Windows\\win.ini', 'is an absolute path'],
    ['~/.ssh/id_rsa', 'is an absolute path'],
    ['  ', 'is empty'],
  ])('refuses %j, saying it %s and naming the input', (input, reason) => {
    expect(() =>
      resolveInside(dir.resolve('workspace'), input, 'contractPath'),
    ).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message: expect.stringContaining(reason),
      }),
    );
    expect(() =>
      resolveInside(dir.resolve('workspace'), input, 'contractPath'),
    ).toThrow(/^contractPath/);
  });

  it('refuses a symbolic link that leads out of the workspace', async () => {
    await fs.symlink(
      dir.resolve('secret.txt'),
      dir.resolve('workspace/link.txt'),
    );
    await expect(
      readInside(dir.resolve('workspace'), 'link.txt', 'contractPath'),
    ).rejects.toThrow('leads outside the task');
  });

  it('reads and writes inside the workspace, creating folders', async () => {
    const written = await writeInside(
      dir.resolve('workspace'),
      'a/b/c.txt',
      'targetPath',
      'hello',
    );
    expect(written).toBe(path.join(dir.resolve('workspace'), 'a/b/c.txt'));
    await expect(
      readInside(dir.resolve('workspace'), 'a/b/c.txt', 'x'),
    ).resolves.toBe('hello');
  });

  it('says which step writes a missing file', async () => {
    await expect(
      readInside(
        dir.resolve('workspace'),
        'contract.odcs.yaml',
        'contractPath',
      ),
    ).rejects.toThrow(
      'contractPath "contract.odcs.yaml" does not exist in the workspace',
    );
  });
});
