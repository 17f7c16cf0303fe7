import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { DataProductDraftInput } from '@backstage-data-mesh/plugin-data-mesh-common';
import { parse } from 'yaml';
import { inProcessGovernance } from '../__testUtils__/inProcessGovernance';
import { createCheckGovernanceAction } from './checkGovernance';
import { examples } from './checkGovernance.examples';
import { examples as generateExamples } from './generateContract.examples';
import { createGenerateContractAction } from './generateContract';

describe('data-mesh:governance:check examples', () => {
  const dir = createMockDirectory();
  const compliantForm: DataProductDraftInput = parse(
    generateExamples[0].example,
  ).steps[0].input;

  beforeEach(() => dir.clear());

  it.each(examples.map(e => [e.description, e] as const))(
    '%s',
    async (_, example) => {
      const [step] = parse(example.example).steps;
      const folder =
        step.input.catalogInfoPath.split('/').slice(0, -1).join('/') || '.';
      await createGenerateContractAction().handler(
        createMockActionContext<any, any>({
          input: { ...compliantForm, targetPath: folder } as any,
          workspacePath: dir.path,
        }),
      );
      const ctx = createMockActionContext<any, any>({
        input: step.input,
        workspacePath: dir.path,
      });
      await createCheckGovernanceAction({
        evaluator: inProcessGovernance(),
      }).handler(ctx);
      expect(ctx.output).toHaveBeenCalledWith('verdict', 'pass');
    },
  );
});
