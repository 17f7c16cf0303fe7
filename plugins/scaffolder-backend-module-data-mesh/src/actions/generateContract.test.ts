import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { readContract } from '@backstage-data-mesh/plugin-data-mesh-common';
import { promises as fs } from 'node:fs';
import { parse } from 'yaml';
import { createGenerateContractAction } from './generateContract';

const form = {
  name: 'web-orders',
  title: 'Web orders',
  description: 'Every order placed in the web shop.',
  domain: 'domain:default/sales',
  system: 'system:default/sales-data',
  owner: 'group:default/sales-analytics',
  productKind: 'source-aligned' as const,
  classification: 'internal',
  contact: 'sales-data@example.com',
  fields: [
    {
      name: 'order_id',
      type: 'string',
      description: 'Order identifier.',
      primaryKey: true,
    },
    {
      name: 'ordered_at',
      type: 'timestamp',
      description: 'When it was placed.',
      required: true,
    },
  ],
  slos: {
    freshness: { value: 24, unit: 'h' },
    completeness: 99.5,
    retention: { value: 3, unit: 'y' },
  },
};

describe('data-mesh:contract:generate', () => {
  const dir = createMockDirectory();
  const action = createGenerateContractAction();

  beforeEach(() => dir.clear());

  it('writes a valid ODCS contract and the catalog-info.yaml that points at it', async () => {
    const ctx = createMockActionContext<any, any>({
      input: form,
      workspacePath: dir.path,
    });
    await action.handler(ctx);

    const reading = readContract(
      await fs.readFile(dir.resolve('contract.odcs.yaml'), 'utf8'),
    );
    expect(reading.format).toBe('odcs');
    expect(reading.valid).toBe(true);
    expect(reading.contract).toMatchObject({
      id: 'urn:datacontract:sales:web-orders',
      version: '1.0.0',
      domain: 'sales',
      schema: [
        {
          name: 'web_orders',
          properties: [{ name: 'order_id' }, { name: 'ordered_at' }],
        },
      ],
    });
    const entity = parse(
      await fs.readFile(dir.resolve('catalog-info.yaml'), 'utf8'),
    );
    expect(entity).toMatchObject({
      kind: 'Component',
      metadata: {
        name: 'web-orders',
        annotations: { 'data-mesh/contract': './contract.odcs.yaml' },
      },
      spec: {
        type: 'data-product',
        owner: 'group:default/sales-analytics',
        system: 'sales-data',
      },
    });
    expect(ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'component:default/web-orders',
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'contractId',
      'urn:datacontract:sales:web-orders',
    );
    expect(ctx.output).toHaveBeenCalledWith('objectName', 'web_orders');
    expect(ctx.output).toHaveBeenCalledWith(
      'contractPath',
      'contract.odcs.yaml',
    );
  });

  it('writes into a folder of the workspace', async () => {
    const ctx = createMockActionContext<any, any>({
      input: { ...form, targetPath: 'product' },
      workspacePath: dir.path,
    });
    await action.handler(ctx);
    expect(Object.keys(dir.content()!)).toEqual(['product']);
    expect(Object.keys(dir.content({ path: 'product' })!).sort()).toEqual([
      'catalog-info.yaml',
      'contract.odcs.yaml',
    ]);
    expect(ctx.output).toHaveBeenCalledWith(
      'catalogInfoPath',
      'product/catalog-info.yaml',
    );
  });

  it.each(['../outside', '/tmp/outside', 'a/../../outside'])(
    'refuses targetPath %j and writes nothing',
    async targetPath => {
      dir.setContent({ workspace: {} });
      const ctx = createMockActionContext<any, any>({
        input: { ...form, targetPath },
        workspacePath: dir.resolve('workspace'),
      });
      await expect(action.handler(ctx)).rejects.toThrow(/^targetPath/);
      expect(dir.content()).toEqual({ workspace: {} });
      expect(ctx.output).not.toHaveBeenCalled();
    },
  );

  it('does the same in a dry run: it only writes into the (temporary) workspace', async () => {
    const ctx = {
      ...createMockActionContext<any, any>({
        input: form,
        workspacePath: dir.path,
      }),
      isDryRun: true,
    };
    await action.handler(ctx);
    expect(Object.keys(dir.content()!).sort()).toEqual([
      'catalog-info.yaml',
      'contract.odcs.yaml',
    ]);
    expect(ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'component:default/web-orders',
    );
    expect(action.supportsDryRun).toBe(true);
  });
});
