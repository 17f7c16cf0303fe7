/**
 * A small mesh for tests: data products whose catalog file, contracts and CSV data live in a
 * temporary directory, read by the real catalog, and the plugin behind the real permission
 * framework with the suite's default policy.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  type BackendFeature,
  coreServices,
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleDataMesh from '@backstage-data-mesh/plugin-catalog-backend-module-data-mesh';
import permissionPlugin from '@backstage/plugin-permission-backend';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import type { PermissionPolicy } from '@backstage/plugin-permission-node';
import {
  type NotificationSendOptions,
  notificationService,
} from '@backstage/plugin-notifications-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { dataMeshPolicyDecision } from '@backstage-data-mesh/plugin-data-mesh-node';
import knexFactory, { type Knex } from 'knex';
import request from 'supertest';
import { stringify } from 'yaml';
import { dataMeshPlugin } from '../plugin';

/** Owns `revenue` (restricted) and, through group:default/sales, `orders`. */
export const OWNER = 'user:default/owner';
/** A member of group:default/product only: owns nothing in the mesh. */
export const OTHER = 'user:default/other';
/** The subject of the test pipeline token (mockCredentials.service()). */
export const PIPELINE = 'external:test-service';

const MEMBERSHIP: Record<string, string[]> = {
  [OWNER]: [OWNER, 'group:default/sales'],
  [OTHER]: [OTHER, 'group:default/product'],
};

/**
 * Writes orders.csv with `rows` rows, the newest `ageMinutes` old; `renamed` columns carry
 * another name in the file than in the contract.
 */
export function writeOrders(
  dir: string,
  options: {
    rows?: number;
    ageMinutes?: number;
    nullIds?: number;
    renamed?: Record<string, string>;
  } = {},
) {
  const rows = options.rows ?? 20;
  const newest = Date.now() - (options.ageMinutes ?? 5) * 60_000;
  const header = ['order_id', 'customer_id', 'status', 'total', 'updated_at']
    .map(c => options.renamed?.[c] ?? c)
    .join(',');
  const lines = [header];
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

/** A data product entity of the test mesh whose contract is `./<name>.odcs.yaml`. */
export function product(
  name: string,
  extra: {
    annotations?: Record<string, string>;
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
  };
}

/** The catalog file of the mesh: the organisation, the sales domain and the products. */
export function writeCatalog(dir: string, products: object[] = []) {
  const entities = [
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'sales' },
      spec: { type: 'team', children: [], members: ['owner'] },
    },
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'product' },
      spec: { type: 'team', children: [], members: ['other'] },
    },
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name: 'owner' },
      spec: { memberOf: ['sales'] },
    },
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name: 'other' },
      spec: { memberOf: ['product'] },
    },
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Domain',
      metadata: { name: 'sales' },
      spec: { owner: 'group:sales' },
    },
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: { name: 'sales-data' },
      spec: { owner: 'group:sales', domain: 'sales' },
    },
    product('orders', { owner: 'group:default/sales' }),
    product('revenue', {
      owner: OWNER,
      annotations: { 'data-mesh/classification': 'restricted' },
      inputPorts: [{ name: 'orders', product: 'component:default/orders' }],
    }),
    ...products,
  ];
  fs.writeFileSync(
    path.join(dir, 'catalog-info.yaml'),
    entities.map(e => stringify(e)).join('---\n'),
  );
}

export interface TestMesh {
  server: any;
  dir: string;
  notifications: NotificationSendOptions[];
  /** Stops the backend as a replica stops: its shutdown hooks run. */
  stop(): Promise<void>;
}

/**
 * The databases of a test backend: `knex` for the data-mesh plugin, an in-memory SQLite for
 * the catalog and the other plugins.
 */
function databases(knex: Knex) {
  return createServiceFactory({
    service: coreServices.database,
    deps: { plugin: coreServices.pluginMetadata },
    async factory({ plugin }) {
      if (plugin.getId() === 'data-mesh')
        return { getClient: async () => knex };
      const own = knexFactory({
        client: 'better-sqlite3',
        connection: ':memory:',
        useNullAsDefault: true,
      });
      return { getClient: async () => own };
    },
  });
}

/** Installs `policy` as the permission backend's policy. */
function policyModule(policy: PermissionPolicy) {
  return createBackendModule({
    pluginId: 'permission',
    moduleId: 'test-data-mesh-policy',
    register(reg) {
      reg.registerInit({
        deps: { extension: policyExtensionPoint },
        async init({ extension }) {
          extension.setPolicy(policy);
        },
      });
    },
  });
}

/** The suite's default permission policy; everything else allowed. */
export const testPolicyModule = policyModule({
  async handle(query, user) {
    return (
      dataMeshPolicyDecision(query, user) ?? { result: AuthorizeResult.ALLOW }
    );
  },
});

/**
 * The test backend's auth: the mock, except that a token a plugin sends on behalf of a
 * user keeps the plugin as the actor, as real Backstage tokens do (the permission backend
 * answers conditional questions only to a plugin acting for a user, not to the user).
 */
export const authWithActors = createServiceFactory({
  service: coreServices.auth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }) {
    const inner = mockServices.auth({ pluginId: plugin.getId() });
    const prefix = 'mock-service-token:';
    return {
      authenticate: async (token, options) => {
        if (token.startsWith(prefix)) {
          const { obo, target } = JSON.parse(token.slice(prefix.length));
          if (obo && (!target || target === plugin.getId())) {
            return mockCredentials.user(obo, {
              actor: { subject: 'plugin:caller' },
            }) as any;
          }
        }
        return inner.authenticate(token, options);
      },
      getNoneCredentials: () => inner.getNoneCredentials(),
      getOwnServiceCredentials: () => inner.getOwnServiceCredentials(),
      isPrincipal: ((credentials: any, type: any) =>
        inner.isPrincipal(credentials, type)) as any,
      getPluginRequestToken: options => inner.getPluginRequestToken(options),
      getLimitedUserToken: credentials =>
        inner.getLimitedUserToken(credentials),
      listPublicServiceKeys: () => inner.listPublicServiceKeys(),
    };
  },
});

/** {@link authWithActors} for requests: what `httpAuth.credentials` reads. */
export const httpAuthWithActors = createServiceFactory({
  service: coreServices.httpAuth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }) {
    const inner = mockServices.httpAuth({ pluginId: plugin.getId() });
    const prefix = 'mock-service-token:';
    return {
      credentials: (async (req: any, options: any) => {
        const token = /^Bearer[ ]+(\S+)$/i.exec(
          req.headers.authorization ?? '',
        )?.[1];
        if (token?.startsWith(prefix)) {
          const { obo, target } = JSON.parse(token.slice(prefix.length));
          if (
            obo &&
            (!target || target === plugin.getId()) &&
            (!options?.allow || options.allow.includes('user'))
          ) {
            return mockCredentials.user(obo, {
              actor: { subject: 'plugin:caller' },
            });
          }
        }
        return inner.credentials(req, options);
      }) as any,
      issueUserCookie: (res, options) => inner.issueUserCookie(res, options),
    };
  },
});

/** Users' ownership claims as the catalog's membership gives them. */
export const userInfo = createServiceFactory({
  service: coreServices.userInfo,
  deps: {},
  factory: () => ({
    async getUserInfo(credentials: any) {
      const ref = credentials.principal.userEntityRef;
      return {
        userEntityRef: ref,
        ownershipEntityRefs: MEMBERSHIP[ref] ?? [ref],
      };
    },
  }),
});

/**
 * Starts a backend with the real catalog (reading the mesh's catalog file, with the
 * data-mesh catalog module), the real
 * permission backend with the suite's default policy, and the plugin on `knex`. Returns once
 * the catalog lists every data product of the file.
 */
export async function startMesh(
  knex: Knex,
  dir = writeMesh(),
  config: Record<string, unknown> = {},
  policy?: PermissionPolicy,
  features: Array<BackendFeature | Promise<{ default: BackendFeature }>> = [],
  rootConfig: Record<string, unknown> = {},
): Promise<TestMesh> {
  if (!fs.existsSync(path.join(dir, 'catalog-info.yaml'))) writeCatalog(dir);
  const notifications: NotificationSendOptions[] = [];
  const backend = await startTestBackend({
    features: [
      ...features,
      dataMeshPlugin,
      catalogPlugin,
      catalogModuleDataMesh,
      permissionPlugin,
      policy ? policyModule(policy) : testPolicyModule,
      userInfo,
      authWithActors,
      httpAuthWithActors,
      databases(knex),
      mockServices.rootConfig.factory({
        data: {
          ...rootConfig,
          permission: { enabled: true },
          catalog: {
            rules: [
              { allow: ['Component', 'System', 'Domain', 'Group', 'User'] },
            ],
            locations: [
              { type: 'file', target: path.join(dir, 'catalog-info.yaml') },
            ],
          },
          dataMesh: {
            servers: { local: { directory: dir } },
            push: {
              subjects: {
                [PIPELINE]: { owners: ['group:default/sales', OWNER] },
              },
            },
            slo: {
              schedule: {
                frequency: { trigger: 'manual' },
                timeout: { minutes: 1 },
              },
              queryTimeoutMs: 5000,
            },
            ...config,
          },
        },
      }),
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
  const wanted = fs
    .readFileSync(path.join(dir, 'catalog-info.yaml'), 'utf8')
    .match(/type: data-product/g)!.length;
  const deadline = Date.now() + 30_000;
  for (;;) {
    const res = await request(backend.server)
      .get('/api/catalog/entities?filter=spec.type=data-product')
      .set('Authorization', mockCredentials.service.header());
    if (res.status === 200 && res.body.length >= wanted) break;
    if (Date.now() > deadline)
      throw new Error(
        `the catalog listed ${res.body?.length} of ${wanted} data products after 30 s`,
      );
    await new Promise(r => setTimeout(r, 200));
  }
  return {
    server: backend.server,
    dir,
    notifications,
    stop: () => backend.stop(),
  };
}
