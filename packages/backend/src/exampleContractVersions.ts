/**
 * The example portal's contract history: on start, the versions of examples/versions are
 * recorded through the data-mesh backend's versions route (`POST …/versions`, as a
 * producer's CI would), so the Versions view of sales orders shows a past version, the current
 * one and an announced breaking one, with the consumers it hits and the answer one of them
 * gave. Only the example portal installs it; it does nothing without
 * `dataMesh.examples.contractVersions`.
 */
import path from 'node:path';
import {
  coreServices,
  createBackendModule,
  type AuthService,
  type DiscoveryService,
} from '@backstage/backend-plugin-api';
import { parseProductRef } from '@backstage-data-mesh/plugin-data-mesh-common';
// The versions live with the example mesh they belong to, outside the packages.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { exampleContractVersions } from '../../../examples/contract-versions';

/** How often, and how many times, recording is tried while the catalog fills. */
const RETRY_MS = 10_000;
const ATTEMPTS = 60;

interface GateView {
  consumers: Array<{ ref: string; acknowledgement?: unknown }>;
}

/** Records every version and acknowledgement; a product not in the catalog yet throws. */
export async function recordExampleVersions(
  examples: string,
  deps: { auth: AuthService; discovery: DiscoveryService },
  now = Date.now(),
): Promise<number> {
  const baseUrl = await deps.discovery.getBaseUrl('data-mesh');
  const { token } = await deps.auth.getPluginRequestToken({
    onBehalfOf: await deps.auth.getOwnServiceCredentials(),
    targetPluginId: 'data-mesh',
  });
  const post = async (route: string, body: unknown) => {
    const response = await fetch(`${baseUrl}${route}`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(
        `POST ${route} answered ${response.status}: ${await response.text()}`,
      );
    return response.json();
  };
  let recorded = 0;
  for (const entry of exampleContractVersions(examples, now)) {
    const { namespace, name } = parseProductRef(entry.product);
    const route = `/products/${encodeURIComponent(
      namespace,
    )}/${encodeURIComponent(name)}/versions`;
    // The version the catalog serves comes first, so the others are placed around it.
    const known = await fetch(`${baseUrl}${route}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const items = known.ok
      ? (
          (await known.json()) as {
            items: Array<{ current: boolean; source: string }>;
          }
        ).items
      : [];
    if (!items.some(v => v.current && v.source === 'seen'))
      throw new Error(
        `${entry.product} is not in the portal yet (${known.status})`,
      );
    const { version } = (await post(route, {
      contract: entry.contract,
      ...(entry.publishedAt ? { publishedAt: entry.publishedAt } : {}),
    })) as { version: { id: string; gate?: GateView } };
    recorded += 1;
    for (const answer of entry.acknowledgements) {
      const hit = version.gate?.consumers.find(c => c.ref === answer.consumer);
      // Answered before (the portal keeps its database across starts): left as it is.
      if (!hit || hit.acknowledgement) continue;
      await post(
        `${route}/${encodeURIComponent(version.id)}/acknowledgements`,
        {
          consumer: answer.consumer,
          decision: 'acknowledged',
          onBehalfOf: answer.by,
          ...(answer.note ? { note: answer.note } : {}),
        },
      );
    }
  }
  return recorded;
}

/** Installs the example contract history (`dataMesh.examples.contractVersions`). */
export const exampleContractVersionsModule = createBackendModule({
  pluginId: 'data-mesh',
  moduleId: 'example-contract-versions',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        lifecycle: coreServices.lifecycle,
      },
      async init({ config, logger, auth, discovery, lifecycle }) {
        const examples = config.getOptionalString(
          'dataMesh.examples.contractVersions',
        );
        if (!examples) return;
        let stopped = false;
        let attempt = 0;
        const tryOnce = () => {
          if (stopped) return;
          attempt += 1;
          recordExampleVersions(path.resolve(examples), {
            auth,
            discovery,
          }).then(
            count =>
              logger.info(`Example contract versions recorded: ${count}`),
            error => {
              if (attempt < ATTEMPTS && !stopped)
                setTimeout(tryOnce, RETRY_MS).unref?.();
              else
                logger.warn(
                  `Example contract versions could not be recorded: ${error}`,
                );
            },
          );
        };
        lifecycle.addStartupHook(() => {
          tryOnce();
        });
        lifecycle.addShutdownHook(() => {
          stopped = true;
        });
      },
    });
  },
});
