import type { OdcsContract } from '../odcs/model';
import { deriveSlos } from '../slo/deriveSlos';
import {
  findSchemaElement,
  physicalName,
  schemaObjects,
  schemaProperties,
} from './schemaObjects';

const contract: OdcsContract = {
  apiVersion: 'v3.1.0',
  kind: 'DataContract',
  id: 'orders',
  version: '1.0.0',
  status: 'active',
  schema: [
    {
      name: 'orders',
      physicalName: 'orders_v1',
      properties: [
        { name: 'id', physicalName: '  ', required: true },
        { name: 'created', physicalName: 'created_at', logicalType: 'date' },
        { name: '' } as any,
      ],
    },
    { name: '', physicalName: 'nameless' } as any,
    { name: 'lines' },
  ],
  slaProperties: [
    { property: 'availability', value: 99.9 },
    { property: 'freshness', value: 1, unit: 'd' },
  ],
};

describe('schema objects and physical names', () => {
  it('lists the objects and properties that have a name', () => {
    expect(schemaObjects(contract).map(o => o.name)).toEqual([
      'orders',
      'lines',
    ]);
    expect(schemaProperties(contract.schema![0]).map(p => p.name)).toEqual([
      'id',
      'created',
    ]);
    expect(schemaObjects(undefined)).toEqual([]);
  });

  it('names an element by its physical name unless that is blank', () => {
    expect(physicalName({ name: 'orders', physicalName: 'orders_v1' })).toBe(
      'orders_v1',
    );
    expect(physicalName({ name: 'id', physicalName: '  ' })).toBe('id');
    expect(physicalName({ name: 'id' })).toBe('id');
  });

  it('finds the column an SLA element names, by logical or physical name', () => {
    expect(findSchemaElement(contract, 'orders.created')).toEqual({
      object: 'orders_v1',
      column: 'created_at',
      granularity: 'day',
    });
    expect(findSchemaElement(contract, 'orders_v1.created_at')?.column).toBe(
      'created_at',
    );
    expect(findSchemaElement(contract, undefined)?.column).toBe('created_at');
  });

  // The SLOs check the objects that lineage and the checks' sessions read: the named ones,
  // by their physical names.
  it('gives the SLOs the physical names of the named objects', () => {
    const { slos } = deriveSlos(contract);
    expect(slos.find(s => s.kind === 'availability')?.measure).toEqual({
      type: 'reachable',
      objects: ['orders_v1', 'lines'],
    });
    expect(slos.find(s => s.kind === 'freshness')?.measure).toMatchObject({
      object: 'orders_v1',
      column: 'created_at',
    });
  });
});
