import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  readContract,
  serializeOdcs,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import { promises as fs } from 'node:fs';
import { webOrdersContract } from '../__testUtils__/mesh';
import { createReviseContractAction } from './reviseContract';

describe('data-mesh:contract:revise', () => {
  const dir = createMockDirectory();
  const action = createReviseContractAction();

  beforeEach(() =>
    dir.setContent({
      'contract.odcs.yaml': serializeOdcs(webOrdersContract()),
    }),
  );

  async function contract() {
    return readContract(
      await fs.readFile(dir.resolve('contract.odcs.yaml'), 'utf8'),
    ).contract!;
  }

  it('applies the changes to the contract in place', async () => {
    const ctx = createMockActionContext<any, any>({
      input: {
        version: '2.0.0',
        addFields: [
          { name: 'channel', type: 'string', description: 'Channel.' },
        ],
        removeFields: ['total_amount'],
        deprecationNotice: '2025-01-15',
        migrationGuide: 'https://wiki.example.com/migrate',
      },
      workspacePath: dir.path,
    });
    await action.handler(ctx);
    const revised = await contract();
    expect(revised.version).toBe('2.0.0');
    expect(revised.schema![0].properties!.map(p => p.name)).toEqual([
      'order_id',
      'channel',
    ]);
    expect(revised.customProperties).toContainEqual({
      property: 'deprecationNotice',
      value: '2025-01-15',
    });
    expect(ctx.output).toHaveBeenCalledWith('previousVersion', '1.4.0');
    expect(ctx.output).toHaveBeenCalledWith('applied', [
      'version 1.4.0 → 2.0.0',
      'removed web_orders.total_amount',
      'added web_orders.channel',
      'deprecation notice of 2025-01-15',
      'migration guide https://wiki.example.com/migrate',
    ]);
  });

  it('refuses changes it cannot apply, leaving the contract as it was', async () => {
    const before = await fs.readFile(dir.resolve('contract.odcs.yaml'), 'utf8');
    await expect(
      action.handler(
        createMockActionContext<any, any>({
          input: { version: '1.5.0', removeFields: ['nope'] },
          workspacePath: dir.path,
        }),
      ),
    ).rejects.toThrow(
      'The changes cannot be applied to contract.odcs.yaml:\n  - "web_orders" has no field "nope" to remove',
    );
    expect(await fs.readFile(dir.resolve('contract.odcs.yaml'), 'utf8')).toBe(
      before,
    );
  });

  it('refuses a version that is not semantic', async () => {
    await expect(
      action.handler(
        createMockActionContext<any, any>({
          input: { version: 'next' },
          workspacePath: dir.path,
        }),
      ),
    ).rejects.toThrow(
      'version "next" is not a semantic version: write it as MAJOR.MINOR.PATCH, e.g. 2.0.0',
    );
  });

  it('refuses a contract path outside the workspace', async () => {
    await expect(
      action.handler(
        createMockActionContext<any, any>({
          input: { version: '1.5.0', contractPath: '/etc/passwd' },
          workspacePath: dir.path,
        }),
      ),
    ).rejects.toThrow(/^contractPath "\/etc\/passwd" is an absolute path/);
  });
});
