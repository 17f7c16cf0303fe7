import type {
  DataProductDetails,
  DataProductSummary,
} from '@backstage-data-mesh/plugin-data-mesh-client';
import type { SloView } from '@backstage-data-mesh/plugin-data-mesh-common';
import type { Entity } from '@backstage/catalog-model';

/** A data product entity, as the catalog holds the example `sales-orders`. */
export const salesOrdersEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'sales-orders',
    namespace: 'default',
    title: 'Sales orders',
    annotations: { 'data-mesh/contract': './sales-orders.odcs.yaml' },
  },
  spec: {
    type: 'data-product',
    lifecycle: 'production',
    owner: 'group:sales-analytics',
    system: 'sales-data',
    dataProduct: { kind: 'source-aligned', inputPorts: [] },
  },
};

/** A product summary with every field set; override what a test is about. */
export function summary(
  overrides: Partial<DataProductSummary> = {},
): DataProductSummary {
  return {
    entityRef: 'component:default/sales-orders',
    name: 'sales-orders',
    namespace: 'default',
    title: 'Sales orders',
    description: 'Every order placed in the web shop.',
    domain: 'domain:default/sales',
    system: 'system:default/sales-data',
    owner: 'group:default/sales-analytics',
    productKind: 'source-aligned',
    classification: 'confidential',
    lifecycle: 'production',
    version: '1.4.0',
    sloHealth: 'healthy',
    governance: 'pass',
    fieldNames: ['orders.order_id', 'orders.customer_email'],
    tags: ['sales'],
    access: { read: true, owners: ['group:default/sales-analytics'] },
    ...overrides,
  };
}

/** Product details with one evaluated server and one input port. */
export function details(
  overrides: Partial<DataProductDetails> = {},
): DataProductDetails {
  return {
    ...summary(),
    ports: [
      {
        name: 'orders-events',
        direction: 'input',
        type: 'kafka-topic',
        location: 'orders.v1',
      },
    ],
    servers: [
      {
        server: 'warehouse',
        type: 'postgres',
        environment: 'prod',
        location: 'localhost:5432/mesh.sales',
        evaluated: true,
      },
    ],
    processingErrors: [],
    ...overrides,
  };
}

/** An SLO view with every field set; override what a test is about. */
export function sloView(overrides: Partial<SloView> = {}): SloView {
  return {
    id: 'sla:freshness',
    name: 'Freshness',
    kind: 'freshness',
    target: {
      text: 'data at most 1 hour old',
      operator: '<=',
      value: 3600,
      unit: 'seconds',
      objective: 0.99,
    },
    status: 'pass',
    since: '2025-06-01T00:00:00Z',
    lastValue: 1200,
    lastObservedAt: '2025-06-15T11:00:00Z',
    attainment: 0.995,
    observations: 200,
    errorBudget: { allowed: 2, consumed: 1, remaining: 0.5, burnRate: 0.5 },
    source: 'scheduler',
    ...overrides,
  };
}
