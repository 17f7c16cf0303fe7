import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { examplePipelinesModule } from './examplePipelines';

const examples = path.resolve(__dirname, '../../../examples');

describe('the example pipelines', () => {
  it('write fresh example data when the backend starts', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'dm-pipelines-'));
    const backend = await startTestBackend({
      features: [
        examplePipelinesModule,
        mockServices.rootConfig.factory({
          data: {
            dataMesh: {
              examples: { pipelines: { examples, directory: out } },
            },
          },
        }),
      ],
    });
    try {
      // The mock scheduler runs the task during startup, before startTestBackend resolves.
      const products = fs.readdirSync(path.join(out, 'data'));
      expect(products).toEqual(
        expect.arrayContaining(['sales-orders', 'feature-usage']),
      );
    } finally {
      await backend.stop();
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  it('do nothing without their configuration', async () => {
    const scheduler = mockServices.scheduler.mock();
    const backend = await startTestBackend({
      features: [
        examplePipelinesModule,
        scheduler.factory,
        mockServices.rootConfig.factory({ data: {} }),
      ],
    });
    expect(scheduler.scheduleTask).not.toHaveBeenCalled();
    await backend.stop();
  });
});
