import { createMockDirectory } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { parse } from 'yaml';
import { meshEntities } from '../__testUtils__/mesh';
import { createRegisterLocalAction } from './registerLocal';
import { examples } from './registerLocal.examples';

describe('data-mesh:catalog:register examples', () => {
  const dir = createMockDirectory();

  it.each(examples.map(e => [e.description, e] as const))(
    '%s',
    async (_, example) => {
      const [step] = parse(example.example).steps;
      dir.setContent({
        published: {
          [step.input.repoName]: { 'catalog-info.yaml': 'kind: Component\n' },
        },
      });
      const catalog = catalogServiceMock({
        entities: [
          ...meshEntities(),
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Location',
            metadata: { name: 'data-mesh-published-products' },
            spec: {},
          },
        ],
      });
      const ctx = createMockActionContext<any, any>({
        input: step.input,
        workspacePath: dir.path,
      });
      await createRegisterLocalAction({
        publishDir: dir.resolve('published'),
        catalog,
      }).handler(ctx);
      expect(ctx.output).toHaveBeenCalledWith(
        'entityRef',
        step.input.entityRef,
      );
    },
  );
});
