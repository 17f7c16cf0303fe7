import { createMockDirectory } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { promises as fs } from 'node:fs';
import { parse } from 'yaml';
import { ResponseError } from '@backstage/errors';
import {
  ContractsOf,
  meshEntities,
  webOrdersContract,
} from '../__testUtils__/mesh';
import { RecordingLogger } from '../__testUtils__/recordingLogger';
import type { ProductContracts } from '../governance/DataMeshApiClient';
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
    contracts?: ProductContracts,
  ) {
    const catalog = catalogServiceMock({ entities });
    const refresh = jest.spyOn(catalog, 'refreshEntity');
    const action = createRegisterLocalAction({
      publishDir,
      catalog,
      contracts,
      pollInterval: 10,
    });
    const logger = new RecordingLogger();
    const ctx = {
      ...createMockActionContext<any, any>({
        input: input as any,
        workspacePath: dir.resolve('workspace'),
        logger,
      }),
      isDryRun: dryRun,
    };
    return { ctx, refresh, logger, done: action.handler(ctx) };
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

  it('waits until the data-mesh backend lists the product, so its tabs work when the run ends', async () => {
    const known = new ContractsOf({
      'component:default/web-orders': webOrdersContract(),
    });
    let misses = 2;
    const contracts: ProductContracts = {
      async currentContract(ref) {
        if (misses-- > 0) {
          throw await ResponseError.fromResponse(
            new Response(
              JSON.stringify({
                error: {
                  name: 'NotFoundError',
                  message: `no data product ${ref}`,
                },
              }),
              {
                status: 404,
                statusText: 'Not Found',
                headers: { 'Content-Type': 'application/json' },
              },
            ),
          );
        }
        return known.currentContract(ref);
      },
    };
    const { logger, done } = run(
      [publishedLocation, ...meshEntities()],
      { repoName: 'web-orders', entityRef: 'web-orders' },
      false,
      contracts,
    );
    await done;
    expect(misses).toBe(-1);
    expect(logger.messages('info')).toContain(
      'The data-mesh backend lists component:default/web-orders',
    );
  });

  it('only warns when the data-mesh backend does not list the product in time', async () => {
    const contracts: ProductContracts = {
      currentContract: async () => {
        throw new Error('connect ECONNREFUSED');
      },
    };
    const { logger, done } = run(
      [publishedLocation, ...meshEntities()],
      { repoName: 'web-orders', entityRef: 'web-orders' },
      false,
      contracts,
    );
    await done;
    expect(logger.messages('warn')).toEqual([
      expect.stringMatching(
        /^The data-mesh backend does not list component:default\/web-orders yet \(connect ECONNREFUSED\); /,
      ),
    ]);
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
