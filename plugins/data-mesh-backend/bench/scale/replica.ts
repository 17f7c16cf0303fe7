/* eslint-disable no-console -- a benchmark's replica reports what it does */
/*
 * One backend replica of the scale benchmark, in a process of its own: the catalog with the
 * data-mesh module, the data-mesh backend with its PostgreSQL engine module (the warehouse
 * stand-in is PostgreSQL), and the permission backend with the suite's policy, on the
 * benchmark's PostgreSQL. Started by scale.bench.ts with the config as its
 * first argument (JSON); it reports its port, answers `rss` and stops on `stop`.
 */
import { startTestBackend } from '@backstage/backend-test-utils';
import { mockServices } from '@backstage/backend-test-utils';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { databaseServiceFactory } from '@backstage/backend-defaults/database';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import permissionPlugin from '@backstage/plugin-permission-backend';
import {
  type NotificationSendOptions,
  notificationService,
} from '@backstage/plugin-notifications-node';
import catalogModuleDataMesh from '@backstage-data-mesh/plugin-catalog-backend-module-data-mesh';
import postgresModule from '@backstage-data-mesh/plugin-data-mesh-backend-module-postgres';
import { dataMeshPlugin } from '../../src/plugin';
import {
  authWithActors,
  httpAuthWithActors,
  testPolicyModule,
  userInfo,
} from '../../src/__testUtils__/testMesh';

async function main() {
  const config = JSON.parse(process.argv[2]);
  const sent: NotificationSendOptions[] = [];
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleDataMesh,
      dataMeshPlugin,
      postgresModule,
      permissionPlugin,
      testPolicyModule,
      userInfo,
      authWithActors,
      httpAuthWithActors,
      databaseServiceFactory,
      mockServices.rootConfig.factory({ data: config }),
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({
          async send(options: NotificationSendOptions) {
            sent.push(options);
          },
        }),
      }),
    ],
  });
  const address = backend.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.send!({ type: 'ready', port });
  process.on('message', async (message: any) => {
    if (message?.type === 'rss') {
      process.send!({ type: 'rss', rss: process.memoryUsage().rss });
    } else if (message?.type === 'notifications') {
      process.send!({ type: 'notifications', count: sent.length });
    } else if (message?.type === 'stop') {
      await backend.stop();
      process.exit(0);
    }
  });
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
