import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Generate the contract and catalog-info.yaml of a source-aligned data product',
    example: stringify({
      steps: [
        {
          id: 'generate',
          action: 'data-mesh:contract:generate',
          name: 'Generate the contract',
          input: {
            name: 'web-orders',
            title: 'Web orders',
            description:
              'Every order placed in the web shop, one row per order.',
            domain: 'domain:default/sales',
            system: 'system:default/retail',
            owner: 'group:default/analytics',
            productKind: 'source-aligned',
            classification: 'confidential',
            dataCategory: 'operational',
            contact: 'orders-team@example.com',
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
                description: 'When the order was placed.',
                required: true,
              },
            ],
            slos: {
              freshness: { value: 24, unit: 'h' },
              completeness: 99.5,
              availability: 99.9,
              retention: { value: 7, unit: 'y' },
            },
            inputPorts: [
              {
                name: 'orders-events',
                type: 'kafka-topic',
                location: 'orders.v1',
              },
            ],
            outputPort: {
              name: 'warehouse',
              type: 'postgres',
              host: 'localhost',
              port: 5432,
              database: 'mesh',
              schema: 'sales',
            },
          },
        },
      ],
    }),
  },
  {
    description:
      'Generate an aggregate product that reads two upstream products, into a sub-folder',
    example: stringify({
      steps: [
        {
          id: 'generate',
          action: 'data-mesh:contract:generate',
          name: 'Generate the contract',
          input: {
            name: 'customer-revenue',
            domain: 'sales',
            owner: 'analytics',
            productKind: 'aggregate',
            classification: 'internal',
            inputPorts: [
              'component:default/orders',
              'component:default/segments',
            ],
            fields: [
              {
                name: 'customer_id',
                type: 'string',
                description: 'Customer.',
                primaryKey: true,
              },
              {
                name: 'revenue',
                type: 'number',
                description: 'Revenue to date.',
                required: true,
              },
            ],
            targetPath: 'product',
          },
        },
      ],
    }),
  },
];
