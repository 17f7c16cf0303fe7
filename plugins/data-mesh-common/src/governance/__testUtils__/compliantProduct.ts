/**
 * A product that complies with every built-in policy, for tests: each test breaks one thing.
 * (Test support only; not exported from the package.)
 */
export function compliantEntity(): any {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'sales-orders',
      annotations: {
        'data-mesh/domain': 'sales',
        'data-mesh/classification': 'confidential',
      },
    },
    spec: {
      type: 'data-product',
      lifecycle: 'production',
      owner: 'group:sales-analytics',
    },
  };
}

export function compliantContract(): any {
  return {
    apiVersion: 'v3.1.0',
    kind: 'DataContract',
    id: 'sales-orders',
    version: '1.0.0',
    status: 'active',
    domain: 'sales',
    support: [{ channel: 'email', url: 'mailto:sales-analytics@example.com' }],
    customProperties: [{ property: 'auditLogging', value: true }],
    schema: [
      {
        name: 'orders',
        physicalType: 'table',
        quality: [{ metric: 'rowCount', mustBeGreaterThan: 0 }],
        properties: [
          {
            name: 'order_id',
            logicalType: 'string',
            description: 'Unique order identifier.',
            primaryKey: true,
            required: true,
            quality: [
              { metric: 'nullValues', mustBe: 0, dimension: 'completeness' },
            ],
          },
          {
            name: 'customer_email',
            logicalType: 'string',
            description: 'E-mail address of the customer.',
            tags: ['pii'],
            encryptedName: 'customer_email_enc',
            customProperties: [{ property: 'piiCategory', value: 'contact' }],
          },
        ],
      },
    ],
    slaProperties: [
      { property: 'freshness', value: 24, unit: 'h' },
      { property: 'completeness', value: 99.5, unit: 'percent' },
      { property: 'accuracy', value: 99.9, unit: 'percent' },
      { property: 'retention', value: 3, unit: 'y' },
    ],
  };
}
