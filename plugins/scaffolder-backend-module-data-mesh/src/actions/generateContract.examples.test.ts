import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { readContract } from '@backstage-data-mesh/plugin-data-mesh-common';
import { promises as fs } from 'node:fs';
import { parse } from 'yaml';
import { examples } from './generateContract.examples';
import { createGenerateContractAction } from './generateContract';

describe('data-mesh:contract:generate examples', () => {
  const dir = createMockDirectory();
  const action = createGenerateContractAction();

  beforeEach(() => dir.clear());

  it.each(examples.map(e => [e.description, e] as const))(
    '%s',
    async (_, example) => {
      const [step] = parse(example.example).steps;
      expect(step.action).toBe(action.id);
      await action.handler(
        createMockActionContext<any, any>({
          input: step.input,
          workspacePath: dir.path,
        }),
      );
      const folder = step.input.targetPath ?? '.';
      const reading = readContract(
        await fs.readFile(dir.resolve(folder, 'contract.odcs.yaml'), 'utf8'),
      );
      expect(reading.valid).toBe(true);
      const entity = parse(
        await fs.readFile(dir.resolve(folder, 'catalog-info.yaml'), 'utf8'),
      );
      expect(entity.metadata.name).toBe(step.input.name);
      expect(entity.spec.dataProduct.kind).toBe(step.input.productKind);
    },
  );
});
