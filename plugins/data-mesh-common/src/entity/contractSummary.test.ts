import type { OdcsContract } from '../odcs/model';
import {
  SUMMARY_LIMITS,
  summarizeContract,
  summaryFieldNames,
} from './contractSummary';

const orders: OdcsContract = {
  apiVersion: 'v3.1.0',
  kind: 'DataContract',
  id: 'urn:datacontract:sales:orders',
  version: '1.4.0',
  name: 'Sales orders',
  status: 'active',
  domain: 'sales',
  description: { purpose: 'Every order   placed in the web shop.' },
  schema: [
    {
      name: 'orders',
      description: 'One row per order',
      properties: [
        { name: 'order_id', logicalType: 'string', description: 'Order key' },
        { name: 'customer_email', logicalType: 'string', tags: ['pii'] },
        {
          name: 'shipping',
          logicalType: 'object',
          properties: [{ name: 'city', logicalType: 'string' }],
        },
      ],
    },
  ],
};

describe('summarizeContract', () => {
  it('keeps identity, format, and the outline of the schema with nested fields flattened', () => {
    expect(summarizeContract(orders, { format: 'odcs' })).toEqual({
      id: 'urn:datacontract:sales:orders',
      version: '1.4.0',
      name: 'Sales orders',
      status: 'active',
      domain: 'sales',
      format: 'odcs',
      description: 'Every order placed in the web shop.',
      fieldCount: 4,
      personalData: true,
      objects: [
        {
          name: 'orders',
          description: 'One row per order',
          fields: [
            { name: 'order_id', type: 'string', description: 'Order key' },
            { name: 'customer_email', type: 'string', personalData: true },
            { name: 'shipping', type: 'object' },
            { name: 'shipping.city', type: 'string' },
          ],
        },
      ],
    });
  });

  it('stays bounded for a huge contract: lists the first fields, counts all, cuts descriptions', () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({
      name: `f${i}`,
      description: 'x'.repeat(10_000),
    }));
    const summary = summarizeContract(
      { ...orders, schema: [{ name: 'wide', properties: many }] },
      { format: 'odcs' },
    );
    expect(summary.fieldCount).toBe(5000);
    expect(summary.objects[0].fields).toHaveLength(SUMMARY_LIMITS.fields);
    expect(summary.objects[0].fields![0].description).toHaveLength(
      SUMMARY_LIMITS.descriptionLength,
    );
    expect(summary.truncated).toBe(true);
    expect(JSON.stringify(summary).length).toBeLessThan(64 * 1024);
  });

  it('outlines the objects without their fields for the catalog entity, still counting them and their personal data', () => {
    const wide = Array.from({ length: 5000 }, (_, i) => ({
      name: `f${i}`,
      description: 'x'.repeat(10_000),
    }));
    const outline = summarizeContract(
      {
        ...orders,
        schema: [...orders.schema!, { name: 'wide', properties: wide }],
      },
      { format: 'odcs', listFields: false },
    );
    expect(outline.objects).toEqual([
      { name: 'orders', description: 'One row per order' },
      { name: 'wide' },
    ]);
    expect(outline.fieldCount).toBe(5004);
    expect(outline.personalData).toBe(true);
    // Nothing listed was cut: the fields' descriptions are not part of an outline.
    expect(outline.truncated).toBeUndefined();
    expect(summaryFieldNames(outline)).toEqual([]);
  });

  it('says no personal data when no field is marked', () => {
    const summary = summarizeContract(
      { ...orders, schema: [{ name: 't', properties: [{ name: 'a' }] }] },
      { format: 'dcs' },
    );
    expect(summary.personalData).toBe(false);
    expect(summary.truncated).toBeUndefined();
  });
});

describe('summaryFieldNames', () => {
  it('writes every listed field as object.field', () => {
    expect(
      summaryFieldNames(summarizeContract(orders, { format: 'odcs' })),
    ).toEqual([
      'orders.order_id',
      'orders.customer_email',
      'orders.shipping',
      'orders.shipping.city',
    ]);
  });
});
