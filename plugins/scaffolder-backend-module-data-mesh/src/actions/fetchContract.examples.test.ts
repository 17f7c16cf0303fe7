import { createMockDirectory } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { parse } from 'yaml';
import {
  ContractsOf,
  meshEntities,
  webOrdersContract,
} from '../__testUtils__/mesh';
import { createFetchContractAction } from './fetchContract';
import { examples } from './fetchContract.examples';

describe('data-mesh:contract:fetch examples', () => {
  const dir = createMockDirectory();

  it.each(examples.map(e => [e.description, e] as const))(
    '%s',
    async (_, example) => {
      const [step] = parse(example.example).steps;
      const entities = meshEntities();
      entities[0].metadata.name = 'orders';
      const ctx = createMockActionContext<any, any>({
        input: step.input,
        workspacePath: dir.path,
      });
      await createFetchContractAction({
        contracts: new ContractsOf({
          [step.input.entityRef]: webOrdersContract(),
        }),
        catalog: catalogServiceMock({ entities }),
      }).handler(ctx);
      expect(ctx.output).toHaveBeenCalledWith(
        'contractPath',
        'contract.odcs.yaml',
      );
    },
  );
});
