import { createMockDirectory } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  type ContractRevision,
  serializeOdcs,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import {
  ContractsOf,
  meshEntities,
  revisedWebOrders,
  webOrdersContract,
} from '../__testUtils__/mesh';
import { RecordingLogger } from '../__testUtils__/recordingLogger';
import { createDiffContractAction } from './diffContract';

describe('data-mesh:contract:diff', () => {
  const dir = createMockDirectory();
  const catalog = catalogServiceMock({ entities: meshEntities() });

  function run(input: Record<string, unknown>, dryRun = false) {
    const contracts = new ContractsOf({
      'component:default/web-orders': webOrdersContract(),
    });
    const logger = new RecordingLogger();
    const ctx = {
      ...createMockActionContext<any, any>({
        input: input as any,
        workspacePath: dir.path,
        logger,
      }),
      isDryRun: dryRun,
    };
    const done = createDiffContractAction({ contracts, catalog }).handler(ctx);
    return { ctx, logger, contracts, done };
  }

  async function writeRevision(revision: ContractRevision) {
    dir.setContent({
      'contract.odcs.yaml': await revisedWebOrders(revision),
    });
  }

  it('passes an addition with a minor version and outputs the classified changes', async () => {
    await writeRevision({
      version: '1.5.0',
      addFields: [{ name: 'channel', type: 'string', description: 'Channel.' }],
    });
    const { ctx, logger, contracts, done } = run({ entityRef: 'web-orders' });
    await done;
    expect(contracts.asked).toEqual(['component:default/web-orders']);
    expect(ctx.output).toHaveBeenCalledWith('requiredBump', 'minor');
    expect(ctx.output).toHaveBeenCalledWith('versionOk', true);
    expect(ctx.output).toHaveBeenCalledWith('breaking', false);
    expect(ctx.output).toHaveBeenCalledWith('consumers', []);
    expect(logger.messages('info')[0]).toMatch(
      /^component:default\/web-orders: \d+ change\(s\) from 1.4.0 to 1.5.0; they need a minor version bump\.$/,
    );
  });

  it('fails a breaking change with a minor version, naming every consumer it would hit and its owner', async () => {
    await writeRevision({ version: '1.5.0', removeFields: ['total_amount'] });
    const { ctx, logger, done } = run({
      entityRef: 'component:default/web-orders',
    });
    const error = await done.then(
      () => undefined,
      e => e,
    );
    expect(error?.name).toBe('InputError');
    expect(error.message).toMatch(
      /^The new version is too small for the changes: 1.4.0 → 1.5.0 is a minor bump, but the changes need a major bump/,
    );
    expect(error.message).toContain(
      'It would hit 2 consumer(s): component:default/revenue-metrics (owner group:default/finance-analytics), component:default/customer-360 (owner group:default/marketing-analytics).',
    );
    expect(error.message).toContain('total_amount');
    expect(error.message).toMatch(
      /Raise the version to at least the next major version, or make the change compatible\.$/,
    );
    expect(ctx.output).toHaveBeenCalledWith('consumers', [
      'component:default/revenue-metrics',
      'component:default/customer-360',
    ]);
    expect(ctx.output).toHaveBeenCalledWith('owners', [
      'group:default/finance-analytics',
      'group:default/marketing-analytics',
    ]);
    expect(logger.messages('warn').join('\n')).toContain(
      'customer-360 (owner group:default/marketing-analytics) via component:default/revenue-metrics',
    );
  });

  it('passes the same breaking change with a major version, still naming the consumers', async () => {
    await writeRevision({ version: '2.0.0', removeFields: ['total_amount'] });
    const { ctx, done } = run({ entityRef: 'component:default/web-orders' });
    await done;
    expect(ctx.output).toHaveBeenCalledWith('versionOk', true);
    expect(ctx.output).toHaveBeenCalledWith('breaking', true);
    expect(ctx.output).toHaveBeenCalledWith('consumers', [
      'component:default/revenue-metrics',
      'component:default/customer-360',
    ]);
  });

  it('compares with a previous contract in the workspace when given', async () => {
    dir.setContent({
      'previous.yaml': serializeOdcs(webOrdersContract()),
      'contract.odcs.yaml': serializeOdcs(webOrdersContract()),
    });
    const { ctx, contracts, done } = run({
      entityRef: 'web-orders',
      previousContractPath: 'previous.yaml',
    });
    await done;
    expect(contracts.asked).toEqual([]);
    expect(ctx.output).toHaveBeenCalledWith('requiredBump', 'none');
  });

  it.each([
    [
      { contractPath: '../contract.odcs.yaml' },
      /^contractPath "..\/contract.odcs.yaml" contains ".."/,
    ],
    [
      { previousContractPath: '/etc/hosts' },
      /^previousContractPath "\/etc\/hosts" is an absolute path/,
    ],
  ])('refuses a path outside the workspace: %j', async (input, message) => {
    await writeRevision({ version: '1.5.0' });
    await expect(
      run({ entityRef: 'web-orders', ...input }).done,
    ).rejects.toThrow(message);
  });

  it('says what to do when the product has no readable contract', async () => {
    await writeRevision({ version: '1.5.0' });
    await expect(
      run({ entityRef: 'component:default/feature-usage' }).done,
    ).rejects.toThrow(
      'The catalog holds no readable contract for component:default/feature-usage (no contract annotation): fix its contract first, or give previousContractPath',
    );
  });

  it('classifies the same way in a dry run', async () => {
    await writeRevision({ version: '1.4.1', removeFields: ['total_amount'] });
    await expect(run({ entityRef: 'web-orders' }, true).done).rejects.toThrow(
      /too small/,
    );
  });
});
