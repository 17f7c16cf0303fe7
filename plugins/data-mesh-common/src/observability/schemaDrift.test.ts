import type { OdcsContract } from '../odcs/model';
import {
  compareSchemaToData,
  describeDrift,
  logicalTypeOfColumn,
  missingObjects,
  schemaDrift,
} from './schemaDrift';

const contract = {
  apiVersion: 'v3.1.0',
  kind: 'DataContract',
  id: 'urn:test:orders',
  version: '1.0.0',
  status: 'active',
  schema: [
    {
      name: 'Orders',
      physicalName: 'orders',
      properties: [
        {
          name: 'order_id',
          logicalType: 'string',
          primaryKey: true,
        },
        { name: 'Total', physicalName: 'total_amount', logicalType: 'number' },
        { name: 'product_count', logicalType: 'integer', required: true },
        { name: 'customer_segment', logicalType: 'string' },
        { name: 'order_date', logicalType: 'date', required: true },
      ],
    },
  ],
} as OdcsContract;

const parquet = (columns: Array<[string, string]>) => ({
  object: 'orders',
  typed: true,
  nullability: false,
  columns: columns.map(([name, type]) => ({ name, type })),
});

describe('schema drift', () => {
  it("finds nothing when the data has the contract's schema (an integer keeps a number promise)", () => {
    expect(
      compareSchemaToData(contract, [
        parquet([
          ['order_id', 'VARCHAR'],
          ['total_amount', 'BIGINT'],
          ['product_count', 'INTEGER'],
          ['customer_segment', 'VARCHAR'],
          ['order_date', 'DATE'],
        ]),
      ]),
    ).toEqual([]);
  });

  it('sees a column renamed in the data as a missing field and an unknown column', () => {
    const findings = compareSchemaToData(contract, [
      parquet([
        ['order_id', 'VARCHAR'],
        ['total_amount', 'DECIMAL(12,2)'],
        ['product_count', 'BIGINT'],
        ['segment', 'VARCHAR'],
        ['order_date', 'DATE'],
      ]),
    ]);
    expect(findings).toEqual([
      {
        kind: 'missing',
        severity: 'breaking',
        object: 'Orders',
        field: 'customer_segment',
        message:
          'Orders.customer_segment is in the contract but not in the data',
      },
      {
        kind: 'unknown',
        severity: 'warning',
        object: 'Orders',
        field: 'segment',
        actual: 'VARCHAR',
        message: 'Orders.segment is in the data but not in the contract',
      },
    ]);
    expect(describeDrift(findings)).toBe(
      'Orders.customer_segment is in the contract but not in the data; Orders.segment is in the data but not in the contract (warning)',
    );
  });

  it("sees a changed type, named by the contract's field", () => {
    const findings = compareSchemaToData(contract, [
      parquet([
        ['order_id', 'VARCHAR'],
        ['total_amount', 'VARCHAR'],
        ['product_count', 'INTEGER'],
        ['customer_segment', 'VARCHAR'],
        ['order_date', 'TIMESTAMP'],
      ]),
    ]);
    expect(findings.map(f => [f.kind, f.field, f.expected, f.actual])).toEqual([
      ['type', 'Total', 'number', 'string (VARCHAR)'],
      ['type', 'order_date', 'date', 'timestamp (TIMESTAMP)'],
    ]);
    expect(findings[0].message).toBe(
      'Orders.Total holds VARCHAR values where the contract says number',
    );
  });

  it('compares no types where the format declares none (CSV), only names', () => {
    const csv = {
      ...parquet([
        ['order_id', 'BIGINT'],
        ['total_amount', 'VARCHAR'],
        ['product_count', 'VARCHAR'],
        ['customer_segment', 'VARCHAR'],
      ]),
      typed: false,
    };
    expect(compareSchemaToData(contract, [csv])).toEqual([
      expect.objectContaining({ kind: 'missing', field: 'order_date' }),
    ]);
  });

  it('sees a nullable column the contract requires where the engine knows nullability, ignoring case', () => {
    const table = {
      object: 'orders',
      typed: true,
      nullability: true,
      columns: [
        { name: 'ORDER_ID', type: 'character varying', nullable: true },
        { name: 'total_amount', type: 'numeric(12,2)', nullable: true },
        { name: 'product_count', type: 'integer', nullable: false },
        { name: 'customer_segment', type: 'text', nullable: true },
        { name: 'order_date', type: 'date', nullable: true },
      ],
    };
    expect(
      compareSchemaToData(contract, [table]).map(f => [
        f.kind,
        f.field,
        f.actual,
      ]),
    ).toEqual([
      ['nullable', 'order_id', 'nullable'],
      ['nullable', 'order_date', 'nullable'],
    ]);
  });

  it('reports an object the engine could not find', () => {
    expect(missingObjects(contract, ['orders'])).toEqual([
      {
        kind: 'missing-object',
        severity: 'breaking',
        object: 'Orders',
        message: 'Orders is in the contract but not in the data',
      },
    ]);
  });

  it('puts the missing objects before the drift of the described ones, with one line about them', () => {
    const twoObjects = {
      ...contract,
      schema: [
        ...contract.schema!,
        { name: 'Refunds', physicalName: 'refunds', properties: [] },
      ],
    } as OdcsContract;
    const drift = schemaDrift(twoObjects, {
      missing: ['refunds'],
      observed: [
        parquet([
          ['order_id', 'VARCHAR'],
          ['total_amount', 'BIGINT'],
          ['product_count', 'INTEGER'],
          ['customer_segment', 'VARCHAR'],
          ['order_date', 'DATE'],
          ['channel', 'VARCHAR'],
        ]),
      ],
    });
    expect(drift.findings.map(f => [f.kind, f.object, f.field])).toEqual([
      ['missing-object', 'Refunds', undefined],
      ['unknown', 'Orders', 'channel'],
    ]);
    expect(drift.message).toBe(
      'Refunds is in the contract but not in the data; Orders.channel is in the data but not in the contract (warning)',
    );
  });

  it('gives no message when the data has the schema the contract describes', () => {
    expect(
      schemaDrift(contract, {
        missing: [],
        observed: [
          parquet([
            ['order_id', 'VARCHAR'],
            ['total_amount', 'DOUBLE'],
            ['product_count', 'INTEGER'],
            ['customer_segment', 'VARCHAR'],
            ['order_date', 'DATE'],
          ]),
        ],
      }),
    ).toEqual({ findings: [] });
  });

  it('reads the type names of DuckDB and PostgreSQL', () => {
    expect(
      [
        'VARCHAR',
        'character varying(36)',
        'BIGINT',
        'HUGEINT',
        'DECIMAL(12,2)',
        'numeric(10,0)',
        'double precision',
        'TIMESTAMP WITH TIME ZONE',
        'timestamp without time zone',
        'DATE',
        'time without time zone',
        'BOOLEAN',
        'INTEGER[]',
        'STRUCT(a INTEGER)',
        'jsonb',
      ].map(logicalTypeOfColumn),
    ).toEqual([
      'string',
      'string',
      'integer',
      'integer',
      'number',
      'integer',
      'number',
      'timestamp',
      'timestamp',
      'date',
      'time',
      'boolean',
      'array',
      'object',
      undefined,
    ]);
  });
});
