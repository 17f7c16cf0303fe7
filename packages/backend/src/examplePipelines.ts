import fs from 'node:fs/promises';
import path from 'node:path';
import {
  coreServices,
  createBackendModule,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  type AuthService,
  type DiscoveryService,
  type LoggerService,
} from '@backstage/backend-plugin-api';
// The generators live with the example mesh they write for, outside the packages.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { generateExampleData } from '../../../examples/generate-data';
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { exampleLineageEvents } from '../../../examples/pipeline-lineage';

/** How often, and how many times, the first lineage report is tried while the backend starts. */
const LINEAGE_RETRY_MS = 5_000;
const LINEAGE_ATTEMPTS = 36;

/**
 * Sends OpenLineage events to the data-mesh backend's OpenLineage endpoint, as the plugin
 * itself (a service token), exactly as a pipeline would send them.
 */
async function reportLineage(
  events: Array<Record<string, unknown>>,
  deps: { auth: AuthService; discovery: DiscoveryService },
): Promise<void> {
  const baseUrl = await deps.discovery.getBaseUrl('data-mesh');
  const { token } = await deps.auth.getPluginRequestToken({
    onBehalfOf: await deps.auth.getOwnServiceCredentials(),
    targetPluginId: 'data-mesh',
  });
  for (const event of events) {
    const response = await fetch(`${baseUrl}/openlineage/api/v1/lineage`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify(event),
    });
    if (!response.ok) {
      throw new Error(
        `the OpenLineage endpoint answered ${
          response.status
        }: ${await response.text()}`,
      );
    }
  }
}

/** Reports the lineage, trying again while the backend is still starting; never throws. */
function reportWhenUp(
  events: Array<Record<string, unknown>>,
  deps: {
    auth: AuthService;
    discovery: DiscoveryService;
    logger: LoggerService;
  },
  stopped: () => boolean,
) {
  let attempt = 0;
  const tryOnce = () => {
    if (stopped()) return;
    attempt += 1;
    reportLineage(events, deps).then(
      () =>
        deps.logger.info(
          `Example pipelines reported ${events.length} OpenLineage event(s)`,
        ),
      error => {
        if (attempt < LINEAGE_ATTEMPTS && !stopped()) {
          setTimeout(tryOnce, LINEAGE_RETRY_MS).unref?.();
        } else {
          deps.logger.warn(
            `Example pipelines could not report their lineage: ${error}`,
          );
        }
      },
    );
  };
  tryOnce();
}

/**
 * Stands in for the example products' pipelines: on start and then on a schedule, rewrites
 * their data as of now (examples/generate-data.ts, reading the products under
 * `dataMesh.examples.pipelines.examples`) into `dataMesh.examples.pipelines.directory`,
 * where the `local` server of app-config.yaml reads it, and reports what each pipeline read
 * and wrote, column by column, to the portal's OpenLineage endpoint
 * (examples/pipeline-lineage.ts, from examples/pipelines.yaml). Without this, the example
 * data would be as old as the files checked in under examples/data, every freshness SLO
 * would fail, and no product would have column lineage. Only the example portal installs
 * it; it does nothing when the config key is absent.
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
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        lifecycle: coreServices.lifecycle,
      },
      async init({ config, logger, scheduler, auth, discovery, lifecycle }) {
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
        let stopped = false;
        lifecycle.addShutdownHook(() => {
          stopped = true;
        });
        await scheduler.scheduleTask({
          id: 'data-mesh-example-pipelines',
          scope: 'local',
          ...schedule,
          fn: async () => {
            const now = Date.now();
            const files = await generateExampleData({ examples, out, now });
            logger.info(
              `Example pipelines wrote ${files.length} file(s) to ${out}`,
            );
            reportWhenUp(
              exampleLineageEvents({ examples, out, now }),
              { auth, discovery, logger },
              () => stopped,
            );
          },
        });
      },
    });
  },
});
