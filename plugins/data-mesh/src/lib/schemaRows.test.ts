import type { OdcsSchemaObject } from '@backstage-data-mesh/plugin-data-mesh-common';
import { schemaRows, searchSchemaRows, visibleSchemaRows } from './schemaRows';

const customers: OdcsSchemaObject = {
  name: 'customers',
  properties: [
    { name: 'id', logicalType: 'string', description: 'Customer id' },
    {
      name: 'address',
      logicalType: 'object',
      properties: [
        { name: 'city', logicalType: 'string', tags: ['geo'] },
        {
          name: 'lines',
          logicalType: 'array',
          items: { logicalType: 'string' },
        },
      ],
    },
    {
      name: 'orders',
      logicalType: 'array',
      items: {
        logicalType: 'object',
        properties: [
          { name: 'total', logicalType: 'number', businessName: 'Order total' },
        ],
      },
    },
    {
      name: 'attributes',
      logicalType: 'map',
      map: {
        key: { logicalType: 'string' },
        value: { logicalType: 'integer' },
      },
    },
  ],
};

describe('schemaRows', () => {
  it('lists nested properties, array items and map keys and values depth first', () => {
    expect(
      schemaRows(customers).map(r => [r.path, r.depth, r.role, r.hasChildren]),
    ).toEqual([
      ['id', 0, 'property', false],
      ['address', 0, 'property', true],
      ['address.city', 1, 'property', false],
      ['address.lines', 1, 'property', true],
      ['address.lines[]', 2, 'items', false],
      ['orders', 0, 'property', true],
      ['orders[]', 1, 'items', true],
      ['orders[].total', 2, 'property', false],
      ['attributes', 0, 'property', true],
      ['attributes{key}', 1, 'key', false],
      ['attributes{value}', 1, 'value', false],
    ]);
  });

  it('gives no rows for an object without properties', () => {
    expect(schemaRows({ name: 'empty' })).toEqual([]);
  });
});

describe('searchSchemaRows', () => {
  const rows = schemaRows(customers);

  it('keeps matches and their ancestors', () => {
    expect(searchSchemaRows(rows, 'total').map(r => r.path)).toEqual([
      'orders',
      'orders[]',
      'orders[].total',
    ]);
  });

  it('matches business names, tags and descriptions, without case, every word', () => {
    expect(searchSchemaRows(rows, 'ORDER total').map(r => r.path)).toContain(
      'orders[].total',
    );
    expect(searchSchemaRows(rows, 'geo').map(r => r.path)).toEqual([
      'address',
      'address.city',
    ]);
    expect(searchSchemaRows(rows, 'customer id').map(r => r.path)).toEqual([
      'id',
    ]);
    expect(searchSchemaRows(rows, 'geo total')).toEqual([]);
  });

  it('keeps every row for an empty query', () => {
    expect(searchSchemaRows(rows, '  ')).toBe(rows);
  });
});

describe('visibleSchemaRows', () => {
  it('hides every descendant of a collapsed row, not the row itself', () => {
    const rows = schemaRows(customers);
    expect(
      visibleSchemaRows(rows, new Set(['address', 'orders[]'])).map(
        r => r.path,
      ),
    ).toEqual([
      'id',
      'address',
      'orders',
      'orders[]',
      'attributes',
      'attributes{key}',
      'attributes{value}',
    ]);
  });
});
