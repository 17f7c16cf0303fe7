/**
 * A small mesh for tests: two data products whose contracts and CSV data live in a
 * temporary directory, a catalog that lists them, and a backend with the plugin.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  type NotificationSendOptions,
  notificationService,
} from '@backstage/plugin-notifications-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { Knex } from 'knex';
import { dataMeshPlugin } from '../plugin';

export const OWNER = 'user:default/owner';

/** Writes orders.csv with `rows` rows, the newest `ageMinutes` old. */
export function writeOrders(
  dir: string,
  options: { rows?: number; ageMinutes?: number; nullIds?: number } = {},
) {
  const rows = options.rows ?? 20;
  const newest = Date.now() - (options.ageMinutes ?? 5) * 60_000;
  const lines = ['order_id,customer_id,status,total,updated_at'];
  for (let i = 0; i < rows; i++) {
    const at = new Date(newest - i * 3_600_000)
      .toISOString()
      .replace('T', ' ')
      .replace('Z', '');
    const id = i < (options.nullIds ?? 0) ? '' : `o-${i}`;
    lines.push(
      `${id},c-${i % 7},${i % 3 === 0 ? 'open' : 'shipped'},${10 + i},${at}`,
    );
  }
  fs.mkdirSync(path.join(dir, 'orders'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'orders', 'orders.csv'),
    `${lines.join('\n')}\n`,
  );
}

const ORDERS_CONTRACT = `apiVersion: v3.1.0
kind: DataContract
id: urn:test:orders
name: Orders
version: 1.0.0
status: active
servers:
  - server: local
    type: local
    path: orders/orders.csv
    format: csv
  - server: warehouse
    type: postgres
    host: warehouse
    port: 5432
    database: shop
    schema: public
schema:
  - name: orders
    properties:
      - name: order_id
        logicalType: string
        required: true
        quality:
          - metric: nullValues
            mustBe: 0
      - name: customer_id
        logicalType: string
      - name: status
        logicalType: string
      - name: total
        logicalType: number
      - name: updated_at
        logicalType: timestamp
    quality:
      - id: enough-rows
        metric: rowCount
        mustBeGreaterThan: 5
slaProperties:
  - property: freshness
    value: 1
    unit: h
    element: orders.updated_at
`;

const REVENUE_CONTRACT = `apiVersion: v3.1.0
kind: DataContract
id: urn:test:revenue
name: Revenue
version: 2.0.0
status: active
servers:
  - server: local
    type: local
    path: revenue/revenue.csv
    format: csv
schema:
  - name: revenue
    properties:
      - name: day
        logicalType: date
      - name: amount
        logicalType: number
`;

export function writeMesh(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dm-mesh-'));
  fs.writeFileSync(path.join(dir, 'orders.odcs.yaml'), ORDERS_CONTRACT);
  fs.writeFileSync(path.join(dir, 'revenue.odcs.yaml'), REVENUE_CONTRACT);
  writeOrders(dir);
  fs.mkdirSync(path.join(dir, 'revenue'));
  fs.writeFileSync(
    path.join(dir, 'revenue', 'revenue.csv'),
    'day,amount\n2025-01-01,10\n',
  );
  return dir;
}

function product(
  dir: string,
  name: string,
  extra: {
    annotations?: Record<string, string>;
    relations?: any[];
    owner: string;
    inputPorts?: any[];
  },
) {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      title: name[0].toUpperCase() + name.slice(1),
      annotations: {
        'backstage.io/managed-by-location': `file:${path.join(
          dir,
          'catalog-info.yaml',
        )}`,
        'data-mesh/contract': `./${name}.odcs.yaml`,
        ...extra.annotations,
      },
    },
    spec: {
      type: 'data-product',
      lifecycle: 'production',
      owner: extra.owner,
      system: 'sales-data',
      dataProduct: {
        kind: 'source-aligned',
        inputPorts: extra.inputPorts ?? [],
      },
    },
    relations: extra.relations ?? [],
  };
}

export interface TestMesh {
  server: any;
  dir: string;
  notifications: NotificationSendOptions[];
}

/**
 * Starts a backend with the plugin on `knex`. Permissions: pushing is allowed to service
 * principals only; restricted data to {@link OWNER} only; everything else is allowed.
 */
export async function startMesh(
  knex: Knex,
  dir = writeMesh(),
): Promise<TestMesh> {
  const notifications: NotificationSendOptions[] = [];
  const { server } = await startTestBackend({
    features: [
      dataMeshPlugin,
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          dataMesh: {
            servers: { local: { directory: dir } },
            slo: {
              schedule: {
                frequency: { trigger: 'manual' },
                timeout: { minutes: 1 },
              },
              queryTimeoutMs: 5000,
            },
          },
        },
      }),
      catalogServiceMock.factory({
        entities: [
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'System',
            metadata: { name: 'sales-data', namespace: 'default' },
            spec: { owner: 'group:sales', domain: 'sales' },
          },
          product(dir, 'orders', { owner: 'group:default/sales' }),
          product(dir, 'revenue', {
            owner: OWNER,
            annotations: { 'data-mesh/classification': 'restricted' },
            inputPorts: [
              { name: 'orders', product: 'component:default/orders' },
            ],
            relations: [
              {
                type: 'consumesDataFrom',
                targetRef: 'component:default/orders',
              },
            ],
          }),
        ],
      }),
      mockServices.permissions.mock({
        async authorize(requests, options) {
          const principal = (options.credentials as any).principal;
          return requests.map(request => {
            const name = request.permission.name;
            if (
              name === 'data-mesh.results.create' ||
              name === 'data-mesh.lineage.create'
            ) {
              return {
                result:
                  principal.type === 'service'
                    ? AuthorizeResult.ALLOW
                    : AuthorizeResult.DENY,
              };
            }
            if (name === 'data-mesh.product.restricted.read') {
              return {
                result:
                  principal.userEntityRef === OWNER
                    ? AuthorizeResult.ALLOW
                    : AuthorizeResult.DENY,
              };
            }
            return { result: AuthorizeResult.ALLOW };
          });
        },
      }).factory,
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({
          async send(options: NotificationSendOptions) {
            notifications.push(options);
          },
        }),
      }),
    ],
  });
  return { server, dir, notifications };
}
