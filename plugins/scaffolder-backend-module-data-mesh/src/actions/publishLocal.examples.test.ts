import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { parse } from 'yaml';
import { createPublishLocalAction } from './publishLocal';
import { examples } from './publishLocal.examples';

describe('data-mesh:publish:local examples', () => {
  const dir = createMockDirectory();

  it.each(examples.map(e => [e.description, e] as const))(
    '%s',
    async (_, example) => {
      dir.setContent({
        workspace: { 'catalog-info.yaml': 'kind: Component\n' },
      });
      const [step] = parse(example.example).steps;
      const ctx = createMockActionContext<any, any>({
        input: step.input,
        workspacePath: dir.resolve('workspace'),
      });
      await createPublishLocalAction({
        publishDir: dir.resolve('published'),
        defaultAuthor: { name: 'Portal', email: 'portal@example.com' },
        catalog: catalogServiceMock({
          entities: [
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Component',
              metadata: { name: 'web-orders', namespace: 'default' },
              spec: { type: 'data-product', owner: 'user:default/mock' },
            },
          ],
        }),
        userInfo: mockServices.userInfo(),
      }).handler(ctx);
      expect(ctx.output).toHaveBeenCalledWith(
        'branch',
        step.input.branch ?? 'main',
      );
    },
  );
});
