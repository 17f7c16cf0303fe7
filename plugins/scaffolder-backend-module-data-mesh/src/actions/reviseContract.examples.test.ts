import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { serializeOdcs } from '@backstage-data-mesh/plugin-data-mesh-common';
import { parse } from 'yaml';
import { webOrdersContract } from '../__testUtils__/mesh';
import { createReviseContractAction } from './reviseContract';
import { examples } from './reviseContract.examples';

describe('data-mesh:contract:revise examples', () => {
  const dir = createMockDirectory();

  it.each(examples.map(e => [e.description, e] as const))(
    '%s',
    async (_, example) => {
      const [step] = parse(example.example).steps;
      dir.setContent({
        'contract.odcs.yaml': serializeOdcs(webOrdersContract()),
      });
      const ctx = createMockActionContext<any, any>({
        input: step.input,
        workspacePath: dir.path,
      });
      await createReviseContractAction().handler(ctx);
      expect(ctx.output).toHaveBeenCalledWith('version', step.input.version);
    },
  );
});
