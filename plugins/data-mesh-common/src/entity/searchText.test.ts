import { summarizeContract } from './contractSummary';
import { contractSearchText } from './searchText';

describe('contractSearchText', () => {
  it('writes the contract as sentences: its name and purpose, each object and field with its description', () => {
    const summary = summarizeContract(
      {
        apiVersion: 'v3.1.0',
        kind: 'DataContract',
        id: 'orders',
        version: '1.0.0',
        status: 'active',
        name: 'Orders',
        description: { purpose: 'The system of record for orders' },
        schema: [
          {
            name: 'orders',
            description: 'One row per order.',
            properties: [
              { name: 'net_revenue_eur', description: 'Revenue after refunds' },
              { name: 'order_id' },
            ],
          },
        ],
      },
      { format: 'odcs' },
    );
    expect(contractSearchText(summary)).toBe(
      [
        'Orders.',
        'The system of record for orders.',
        'orders: One row per order.',
        'net_revenue_eur: Revenue after refunds.',
        'order_id.',
      ].join('\n'),
    );
  });
});
