import { createMockDirectory } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { serializeOdcs } from '@backstage-data-mesh/plugin-data-mesh-common';
import { parse } from 'yaml';
import {
  ContractsOf,
  meshEntities,
  revisedWebOrders,
  webOrdersContract,
} from '../__testUtils__/mesh';
import { createDiffContractAction } from './diffContract';
import { examples } from './diffContract.examples';

describe('data-mesh:contract:diff examples', () => {
  const dir = createMockDirectory();

  it.each(examples.map(e => [e.description, e] as const))(
    '%s',
    async (_, example) => {
      const [step] = parse(example.example).steps;
      const previous = webOrdersContract();
      dir.setContent({
        [step.input.contractPath]: await revisedWebOrders({ version: '1.5.0' }),
        ...(step.input.previousContractPath
          ? { [step.input.previousContractPath]: serializeOdcs(previous) }
          : {}),
      });
      const ctx = createMockActionContext<any, any>({
        input: step.input,
        workspacePath: dir.path,
      });
      const action = createDiffContractAction({
        contracts: new ContractsOf({ [step.input.entityRef]: previous }),
        catalog: catalogServiceMock({ entities: meshEntities() }),
      });
      await action.handler(ctx);
      expect(ctx.output).toHaveBeenCalledWith('versionOk', true);
    },
  );
});
