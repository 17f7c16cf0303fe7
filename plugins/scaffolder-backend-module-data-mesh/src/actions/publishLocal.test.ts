import {
  createMockDirectory,
  mockCredentials,
  mockServices,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { promises as fs } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { git } from '../publish/git';
import { createPublishLocalAction } from './publishLocal';

const product = (name: string, owner: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { type: 'data-product', lifecycle: 'production', owner },
});

describe('data-mesh:publish:local', () => {
  const dir = createMockDirectory();
  const publishDir = dir.resolve('published');
  const catalog = catalogServiceMock({
    entities: [
      product('web-orders', 'group:default/sales'),
      product('sales-orders', 'sales'),
      product('general-ledger', 'group:default/finance'),
    ],
  });
  /** Sam (user:default/sam) is in the sales group. */
  const action = createPublishLocalAction({
    publishDir,
    defaultAuthor: { name: 'Portal', email: 'portal@example.com' },
    catalog,
    userInfo: mockServices.userInfo({
      ownershipEntityRefs: ['user:default/sam', 'group:default/sales'],
    }),
  });

  function run(input: Record<string, unknown>, extra: object = {}) {
    const ctx = {
      ...createMockActionContext<any, any>({
        input: input as any,
        workspacePath: dir.resolve('workspace'),
      }),
      getInitiatorCredentials: async () =>
        mockCredentials.user('user:default/sam'),
      ...extra,
    };
    return { ctx, done: action.handler(ctx) };
  }

  beforeEach(() => {
    dir.setContent({
      workspace: {
        'catalog-info.yaml': 'kind: Component\n',
        'contract.odcs.yaml': 'version: 1.0.0\n',
        pipeline: { 'dag.py': '# dag\n' },
        '.git': { HEAD: 'not copied' },
      },
    });
  });

  it('publishes the workspace as a new git repository, committed by the user who ran the template', async () => {
    const { ctx, done } = run(
      { repoName: 'web-orders' },
      {
        user: {
          entity: {
            spec: {
              profile: { displayName: 'Sam Sales', email: 'sam@example.com' },
            },
          },
        },
      },
    );
    await done;
    const repo = dir.resolve('published/web-orders');
    expect((await fs.readdir(repo)).sort()).toEqual([
      '.git',
      'catalog-info.yaml',
      'contract.odcs.yaml',
      'pipeline',
    ]);
    expect(await git(repo, ['log', '--format=%an <%ae>|%s'])).toBe(
      'Sam Sales <sam@example.com>|Create data product web-orders',
    );
    expect(await git(repo, ['ls-files'])).toBe(
      'catalog-info.yaml\ncontract.odcs.yaml\npipeline/dag.py',
    );
    expect(ctx.output).toHaveBeenCalledWith('repoPath', repo);
    expect(ctx.output).toHaveBeenCalledWith(
      'remoteUrl',
      pathToFileURL(repo).href,
    );
    expect(ctx.output).toHaveBeenCalledWith('branch', 'main');
    expect(ctx.output).toHaveBeenCalledWith(
      'commitHash',
      await git(repo, ['rev-parse', 'HEAD']),
    );
  });

  it('never publishes over an existing product', async () => {
    await run({ repoName: 'web-orders' }).done;
    await expect(run({ repoName: 'web-orders' }).done).rejects.toThrow(
      /published\/web-orders already exists: another product was published under this name/,
    );
  });

  it('proposes a new version on a branch, leaving the released version checked out', async () => {
    await run({ repoName: 'web-orders' }).done;
    await fs.writeFile(
      dir.resolve('workspace/contract.odcs.yaml'),
      'version: 2.0.0\n',
    );
    await fs.rm(dir.resolve('workspace/pipeline'), { recursive: true });
    const { ctx, done } = run({
      repoName: 'web-orders',
      branch: 'contract-v2.0.0',
      commitMessage: 'Contract 2.0.0',
    });
    await done;
    const repo = dir.resolve('published/web-orders');
    expect(await git(repo, ['branch', '--show-current'])).toBe('main');
    expect(await fs.readFile(`${repo}/contract.odcs.yaml`, 'utf8')).toBe(
      'version: 1.0.0\n',
    );
    expect(
      await git(repo, ['show', 'contract-v2.0.0:contract.odcs.yaml']),
    ).toBe('version: 2.0.0');
    expect(
      await git(repo, ['diff', '--name-status', 'main', 'contract-v2.0.0']),
    ).toBe('M\tcontract.odcs.yaml\nD\tpipeline/dag.py');
    expect(ctx.output).toHaveBeenCalledWith('branch', 'contract-v2.0.0');
    await expect(
      run({ repoName: 'web-orders', branch: 'contract-v2.0.0' }).done,
    ).rejects.toThrow(
      'already has a branch contract-v2.0.0: merge or delete it, or propose another version',
    );
  });

  it('proposes on a branch of a new repository whose main branch stays empty', async () => {
    await run({ repoName: 'sales-orders', branch: 'contract-v2.0.0' }).done;
    const repo = dir.resolve('published/sales-orders');
    expect(await fs.readdir(repo)).toEqual(['.git']);
    expect(await git(repo, ['ls-tree', '--name-only', 'contract-v2.0.0'])).toBe(
      'catalog-info.yaml\ncontract.odcs.yaml\npipeline',
    );
  });

  it.each([
    [
      { repoName: '../escape' },
      /^repoName "..\/escape" is not a folder name the publish folder accepts/,
    ],
    [{ repoName: '/tmp/x' }, /^repoName "\/tmp\/x" is not a folder name/],
    [{ repoName: 'ok', sourcePath: '../' }, /^sourcePath "..\/" contains ".."/],
    [
      { repoName: 'ok', sourcePath: '/etc' },
      /^sourcePath "\/etc" is an absolute path/,
    ],
    [
      { repoName: 'ok', branch: 'a..b' },
      /^branch "a..b" is not a usable branch name/,
    ],
  ])('refuses %j and publishes nothing', async (input, message) => {
    await expect(run(input).done).rejects.toThrow(message);
    await expect(fs.readdir(publishDir)).rejects.toThrow(/ENOENT/);
  });

  it('refuses a symbolic link in the workspace, and publishes nothing', async () => {
    await fs.symlink('/etc', dir.resolve('workspace/pipeline/etc'));
    await expect(run({ repoName: 'web-orders' }).done).rejects.toThrow(
      'pipeline/etc in the workspace is a symbolic link, which is not published',
    );
    await expect(
      run({ repoName: 'web-orders', branch: 'contract-v2.0.0' }).done,
    ).rejects.toThrow('pipeline/etc in the workspace is a symbolic link');
    await expect(
      run({ repoName: 'web-orders' }, { isDryRun: true }).done,
    ).rejects.toThrow('pipeline/etc in the workspace is a symbolic link');
    await expect(fs.readdir(publishDir)).rejects.toThrow(/ENOENT/);
  });

  it('leaves a proposed branch out when the workspace gets a symbolic link, so the version can be proposed again', async () => {
    await run({ repoName: 'web-orders' }).done;
    await fs.symlink(
      dir.resolve('published/web-orders/.git/config'),
      dir.resolve('workspace/contract.odcs.yaml.link'),
    );
    await expect(
      run({ repoName: 'web-orders', branch: 'contract-v2.0.0' }).done,
    ).rejects.toThrow(
      'contract.odcs.yaml.link in the workspace is a symbolic link',
    );
    await fs.rm(dir.resolve('workspace/contract.odcs.yaml.link'));
    await run({ repoName: 'web-orders', branch: 'contract-v2.0.0' }).done;
    expect(
      await git(dir.resolve('published/web-orders'), ['branch', '--list']),
    ).toContain('contract-v2.0.0');
  });

  describe('a branch on an existing product', () => {
    it('is proposed by an owner: the user or one of their groups', async () => {
      await run({
        repoName: 'sales-orders',
        branch: 'contract-v2.0.0',
        entityRef: 'component:default/sales-orders',
      }).done;
      await run({ repoName: 'web-orders', branch: 'contract-v2.0.0' }).done;
      for (const repo of ['sales-orders', 'web-orders']) {
        expect(
          await git(dir.resolve(`published/${repo}`), ['branch', '--list']),
        ).toContain('contract-v2.0.0');
      }
    });

    it('is refused to a user who does not own the product, with who owns it', async () => {
      await expect(
        run({
          repoName: 'general-ledger',
          branch: 'contract-v9.0.0',
          entityRef: 'component:default/general-ledger',
        }).done,
      ).rejects.toThrow(
        'user:default/sam does not own component:default/general-ledger (its owner is group:default/finance): only its owners may propose a new version on its repository',
      );
      await expect(
        run(
          { repoName: 'general-ledger', branch: 'contract-v9.0.0' },
          { isDryRun: true },
        ).done,
      ).rejects.toThrow('user:default/sam does not own');
      await expect(fs.readdir(publishDir)).rejects.toThrow(/ENOENT/);
    });

    it("is refused on another product's repository, for a product not in the catalog, and to a task no user started", async () => {
      await expect(
        run({
          repoName: 'general-ledger',
          branch: 'contract-v9.0.0',
          entityRef: 'component:default/web-orders',
        }).done,
      ).rejects.toThrow(
        'repoName "general-ledger" is not the repository of component:default/web-orders',
      );
      await expect(
        run({ repoName: 'squatted', branch: 'contract-v1.0.0' }).done,
      ).rejects.toThrow(
        'component:default/squatted is not in the catalog (or you may not see it)',
      );
      await expect(
        run(
          { repoName: 'web-orders', branch: 'contract-v2.0.0' },
          {
            getInitiatorCredentials: async () =>
              mockCredentials.service('plugin:catalog'),
          },
        ).done,
      ).rejects.toThrow(
        'proposing a new version of component:default/web-orders needs a signed-in user who owns it',
      );
      await expect(fs.readdir(publishDir)).rejects.toThrow(/ENOENT/);
    });
  });

  it('touches nothing in a dry run and says what it would do', async () => {
    const { ctx, done } = run({ repoName: 'web-orders' }, { isDryRun: true });
    await done;
    await expect(fs.readdir(publishDir)).rejects.toThrow(/ENOENT/);
    expect(ctx.output).toHaveBeenCalledWith(
      'repoPath',
      dir.resolve('published/web-orders'),
    );
    expect(ctx.output).toHaveBeenCalledWith('commitHash', 'dry-run');
  });
});
