import { createMockDirectory } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { promises as fs } from 'node:fs';
import { parse } from 'yaml';
import { meshEntities } from '../__testUtils__/mesh';
import { createRegisterLocalAction } from './registerLocal';

const publishedLocation = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Location',
  metadata: { name: 'data-mesh-published-products', namespace: 'default' },
  spec: { type: 'file', targets: ['./*/catalog-info.yaml'] },
};

describe('data-mesh:catalog:register', () => {
  const dir = createMockDirectory();
  const publishDir = dir.resolve('published');

  beforeEach(() => {
    dir.setContent({
      published: { 'web-orders': { 'catalog-info.yaml': 'kind: Component\n' } },
      workspace: {},
    });
  });

  function run(
    entities: any[],
    input: Record<string, unknown>,
    dryRun = false,
  ) {
    const catalog = catalogServiceMock({ entities });
    const refresh = jest.spyOn(catalog, 'refreshEntity');
    const action = createRegisterLocalAction({
      publishDir,
      catalog,
      pollInterval: 10,
    });
    const ctx = {
      ...createMockActionContext<any, any>({
        input: input as any,
        workspacePath: dir.resolve('workspace'),
      }),
      isDryRun: dryRun,
    };
    return { ctx, refresh, done: action.handler(ctx) };
  }

  it('refreshes the publish folder location and returns once the entity is in the catalog', async () => {
    const { ctx, refresh, done } = run([publishedLocation, ...meshEntities()], {
      repoName: 'web-orders',
      entityRef: 'web-orders',
    });
    await done;
    expect(refresh).toHaveBeenCalledWith(
      'location:default/data-mesh-published-products',
      expect.anything(),
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'component:default/web-orders',
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'catalogInfoUrl',
      `file:${dir.resolve('published/web-orders/catalog-info.yaml')}`,
    );
    const location = parse(
      await fs.readFile(dir.resolve('published/published.yaml'), 'utf8'),
    );
    expect(location.spec).toEqual({
      type: 'file',
      presence: 'optional',
      targets: ['./*/catalog-info.yaml'],
    });
  });

  it('says how long it waited and where to look when the entity does not appear', async () => {
    await expect(
      run([publishedLocation], {
        repoName: 'web-orders',
        entityRef: 'web-orders',
        timeoutSeconds: 0,
      }).done,
    ).rejects.toThrow(
      /^component:default\/web-orders did not appear in the catalog within 0 s\. It is published at /,
    );
  });

  it('says how to configure the catalog when it does not read the publish folder', async () => {
    await expect(
      run(meshEntities(), { repoName: 'web-orders', entityRef: 'web-orders' })
        .done,
    ).rejects.toThrow(
      `The catalog does not read the publish folder ${publishDir}: add it to catalog.locations in app-config.yaml (- type: file, target: ${publishDir}/published.yaml)`,
    );
  });

  it('says which step comes first when nothing was published', async () => {
    await expect(
      run([publishedLocation], { repoName: 'other', entityRef: 'other' }).done,
    ).rejects.toThrow(
      'publish the product with data-mesh:publish:local (repoName "other") first',
    );
  });

  it.each([
    [{ repoName: '../x' }, /^repoName "..\/x" contains ".."/],
    [
      { repoName: 'web-orders', catalogInfoPath: '/etc/passwd' },
      /^catalogInfoPath "\/etc\/passwd" is an absolute path/,
    ],
    [
      { repoName: 'web-orders', catalogInfoPath: 'deep/catalog-info.yaml' },
      /is not at the top of the repository/,
    ],
  ])('refuses %j', async (input, message) => {
    await expect(
      run([publishedLocation], { entityRef: 'web-orders', ...input }).done,
    ).rejects.toThrow(message);
  });

  it('registers nothing in a dry run', async () => {
    const { ctx, refresh, done } = run(
      [],
      { repoName: 'web-orders', entityRef: 'web-orders' },
      true,
    );
    await done;
    expect(refresh).not.toHaveBeenCalled();
    expect(ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'component:default/web-orders',
    );
  });
});
