import fs from 'node:fs/promises';
import path from 'node:path';
import {
  coreServices,
  createBackendModule,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
// The generator lives with the example mesh it writes data for, outside the packages.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { generateExampleData } from '../../../examples/generate-data';

/**
 * Stands in for the example products' pipelines: on start and then on a schedule, rewrites
 * their data as of now (examples/generate-data.ts, reading the products under
 * `dataMesh.examples.pipelines.examples`) into `dataMesh.examples.pipelines.directory`,
 * where the `local` server of app-config.yaml reads it. Without this, the example data would
 * be as old as the files checked in under examples/data and every freshness SLO would fail.
 * Only the example portal installs it; it does nothing when the config key is absent.
 */
export const examplePipelinesModule = createBackendModule({
  pluginId: 'data-mesh',
  moduleId: 'example-pipelines',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
      },
      async init({ config, logger, scheduler }) {
        const settings = config.getOptionalConfig(
          'dataMesh.examples.pipelines',
        );
        if (!settings) return;
        const out = path.resolve(settings.getString('directory'));
        await fs.mkdir(out, { recursive: true });
        const examples = path.resolve(settings.getString('examples'));
        const schedule = settings.has('schedule')
          ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
              settings.getConfig('schedule'),
            )
          : { frequency: { minutes: 5 }, timeout: { minutes: 2 } };
        await scheduler.scheduleTask({
          id: 'data-mesh-example-pipelines',
          scope: 'local',
          ...schedule,
          fn: async () => {
            const files = await generateExampleData({
              examples,
              out,
              now: Date.now(),
            });
            logger.info(
              `Example pipelines wrote ${files.length} file(s) to ${out}`,
            );
          },
        });
      },
    });
  },
});
