import { createMockDirectory } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { readContract } from '@backstage-data-mesh/plugin-data-mesh-common';
import { promises as fs } from 'node:fs';
import { parse } from 'yaml';
import {
  ContractsOf,
  meshEntities,
  webOrdersContract,
} from '../__testUtils__/mesh';
import { RecordingLogger } from '../__testUtils__/recordingLogger';
import { createFetchContractAction } from './fetchContract';

describe('data-mesh:contract:fetch', () => {
  const dir = createMockDirectory();
  const entities = meshEntities();
  entities[0].metadata.annotations = {
    ...entities[0].metadata.annotations,
    'data-mesh/contract': './web-orders.dcs.yaml',
    'data-mesh/contract-hash': 'abc',
    'data-mesh/governance': 'pass',
  };
  const catalog = catalogServiceMock({
    entities: [
      ...entities,
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'web-shop' },
        spec: { type: 'service' },
      },
    ],
  });

  function run(input: Record<string, unknown>, format = 'odcs') {
    const contracts = new ContractsOf(
      { 'component:default/web-orders': webOrdersContract() },
      format,
    );
    const logger = new RecordingLogger();
    const ctx = createMockActionContext<any, any>({
      input: input as any,
      workspacePath: dir.path,
      logger,
    });
    return {
      ctx,
      logger,
      done: createFetchContractAction({ contracts, catalog }).handler(ctx),
    };
  }

  beforeEach(() => dir.clear());

  it("writes the product's descriptor and current contract, without what the catalog added", async () => {
    const { ctx, done } = run({ entityRef: 'web-orders' });
    await done;
    const entity = parse(
      await fs.readFile(dir.resolve('catalog-info.yaml'), 'utf8'),
    );
    expect(entity.metadata.annotations).toEqual({
      'data-mesh/contract': './contract.odcs.yaml',
    });
    expect(entity.relations).toBeUndefined();
    expect(entity.spec.dataProduct).toEqual({ kind: 'aggregate' });
    const reading = readContract(
      await fs.readFile(dir.resolve('contract.odcs.yaml'), 'utf8'),
    );
    expect(reading.contract?.version).toBe('1.4.0');
    expect(ctx.output).toHaveBeenCalledWith('version', '1.4.0');
    expect(ctx.output).toHaveBeenCalledWith('objectName', 'web_orders');
    expect(ctx.output).toHaveBeenCalledWith('fieldNames', [
      'order_id',
      'total_amount',
    ]);
    expect(ctx.output).toHaveBeenCalledWith(
      'owner',
      'group:default/sales-analytics',
    );
  });

  it('says when a contract in another format is rewritten as ODCS', async () => {
    const { logger, done } = run({ entityRef: 'web-orders' }, 'dcs');
    await done;
    expect(logger.messages('warn')).toEqual([
      'The contract of component:default/web-orders is written in dcs; the new version is written in ODCS v3.1 (contract.odcs.yaml)',
    ]);
  });

  it('refuses what is not a data product', async () => {
    await expect(run({ entityRef: 'web-shop' }).done).rejects.toThrow(
      'component:default/web-shop is not a data product (a Component of type data-product): pick an existing data product',
    );
    await expect(run({ entityRef: 'nothing' }).done).rejects.toThrow(
      'component:default/nothing is not in the catalog',
    );
  });

  it('refuses a target outside the workspace', async () => {
    await expect(
      run({ entityRef: 'web-orders', targetPath: '../up' }).done,
    ).rejects.toThrow(/^targetPath "..\/up\/catalog-info.yaml" contains ".."/);
  });
});
