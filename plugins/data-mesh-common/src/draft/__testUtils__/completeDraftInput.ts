import type { DataProductDraftInput } from '../types';

/**
 * A complete form for a source-aligned product, as a domain team fills it in: every built-in
 * policy passes on it.
 */
export function completeDraftInput(): DataProductDraftInput {
  return {
    name: 'web-orders',
    title: 'Web orders',
    description: 'Every order placed in the web shop, one row per order.',
    usage: 'Join on customer_id for customer analytics.',
    domain: 'domain:default/sales',
    system: 'system:default/sales-data',
    owner: 'group:default/sales-analytics',
    productKind: 'source-aligned',
    classification: 'confidential',
    lifecycle: 'experimental',
    dataCategory: 'operational',
    contact: 'sales-data@example.com',
    auditLogging: true,
    fields: [
      {
        name: 'order_id',
        type: 'string',
        description: 'Order identifier.',
        primaryKey: true,
      },
      {
        name: 'customer_email',
        type: 'string',
        description: 'E-mail given at checkout.',
        pii: true,
        piiCategory: 'contact',
        encrypted: true,
      },
      {
        name: 'total_amount',
        type: 'number',
        description: 'Order total with tax.',
        required: true,
      },
      {
        name: 'ordered_at',
        type: 'timestamp',
        description: 'When the order was placed (UTC).',
        required: true,
      },
    ],
    slos: {
      freshness: { value: 24, unit: 'h' },
      completeness: 99.5,
      accuracy: 99.9,
      availability: 99.9,
      retention: { value: 7, unit: 'y' },
    },
    inputPorts: [
      { name: 'orders-events', type: 'kafka-topic', location: 'orders.v1' },
    ],
    outputPort: {
      name: 'warehouse',
      type: 'postgres',
      host: 'localhost',
      port: 5432,
      database: 'mesh',
      schema: 'sales',
    },
  };
}
