/* eslint-disable jest/no-export -- the shared specification both engine test files run */
/**
 * One specification for every check engine: the same table, the same SLOs, the same
 * expected values, whether the data sits in a file read by DuckDB or in PostgreSQL.
 */
import {
  type OdcsContract,
  type SloDefinition,
  type SloMeasure,
  deriveSlos,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type { EngineSession } from './types';
import { measureDrift } from '../measureDrift';

/** The `orders` contract with its four columns, as `name: logicalType`, and `required` ones. */
export function ordersContract(
  columns: Record<string, string>,
  required: string[] = [],
): OdcsContract {
  return {
    apiVersion: 'v3.1.0',
    kind: 'DataContract',
    id: 'urn:test:orders',
    version: '1.0.0',
    status: 'active',
    schema: [
      {
        name: 'orders',
        properties: Object.entries(columns).map(([name, logicalType]) => ({
          name,
          logicalType: logicalType as any,
          ...(required.includes(name) ? { required: true } : {}),
        })),
      },
    ],
  };
}

const MINUTE = 60_000;

function orderId(i: number): string | null {
  if (i === 0) return null;
  return i === 9 ? 'o-8' : `o-${i}`;
}

/** The `orders` table: 10 rows, one null id, one duplicate id, two invalid statuses (lost, n/a), one negative total. */
export function orderRows(now: number) {
  const statuses = [
    'open',
    'shipped',
    'open',
    'lost',
    'n/a',
    'shipped',
    'open',
    'shipped',
    'open',
    'shipped',
  ];
  return statuses.map((status, i) => ({
    order_id: orderId(i),
    status,
    total: i === 5 ? -3 : 10 * (i + 1),
    updated_at: new Date(now - 30 * MINUTE - i * 24 * 60 * MINUTE),
  }));
}

export function slo(id: string, measure: SloMeasure): SloDefinition {
  return {
    id,
    name: id,
    kind: 'quality',
    target: { text: '', operator: '<=', value: 0, objective: 0.99 },
    measure,
    path: '',
  };
}

const lib = (
  metric: any,
  property?: string,
  extra: Partial<Extract<SloMeasure, { type: 'library' }>> = {},
) =>
  slo(`${metric}:${property ?? ''}:${extra.unit ?? 'rows'}`, {
    type: 'library',
    metric,
    object: 'orders',
    property,
    unit: 'rows',
    ...extra,
  });

/** What the data of an engine declares beyond column names. */
export interface DeclaredSchema {
  /** The format states its types (not CSV, JSON). */
  types: boolean;
  /** The engine knows which columns allow nulls (tables, not files). */
  nullability: boolean;
}

/** Registers the engine specification on a session opened on the `orders` table. */
export function describeEngine(
  name: string,
  session: () => EngineSession,
  now: () => number,
  declared: DeclaredSchema = { types: true, nullability: false },
) {
  describe(`${name}: schema drift`, () => {
    const drift = slo('schema:drift', {
      type: 'schema',
      objects: ['orders'],
    });
    const columns = {
      order_id: 'string',
      status: 'string',
      total: 'number',
      updated_at: 'timestamp',
    };

    it('describes the columns as the engine holds them', async () => {
      const { observed, missing } = await session().describe(['orders']);
      expect(missing).toEqual([]);
      expect(observed).toHaveLength(1);
      expect(observed[0]).toMatchObject({
        object: 'orders',
        typed: declared.types,
        nullability: declared.nullability,
      });
      expect(observed[0].columns.map(c => c.name)).toEqual([
        'order_id',
        'status',
        'total',
        'updated_at',
      ]);
    });

    it('finds no drift when the data has the schema of the contract', async () => {
      const measured = await measureDrift(
        session(),
        ordersContract(columns),
        drift,
      );
      expect(measured).toEqual({
        sloId: 'schema:drift',
        value: 0,
        details: { findings: [] },
      });
    });

    it('finds a field renamed in the data: missing from it, and a column the contract does not know', async () => {
      const { status, ...rest } = columns;
      const measured = await measureDrift(
        session(),
        ordersContract({ ...rest, state: status }),
        drift,
      );
      expect(measured.value).toBe(1);
      expect(measured.message).toBe(
        'orders.state is in the contract but not in the data; orders.status is in the data but not in the contract (warning)',
      );
      expect(
        (measured.details as any).findings.map((f: any) => [f.kind, f.field]),
      ).toEqual([
        ['missing', 'state'],
        ['unknown', 'status'],
      ]);
    });

    it(`${
      declared.types ? 'finds' : 'cannot find'
    } a changed type (the format ${
      declared.types ? 'states' : 'does not state'
    } its types)`, async () => {
      const measured = await measureDrift(
        session(),
        ordersContract({ ...columns, updated_at: 'date' }),
        drift,
      );
      expect(measured.value).toBe(declared.types ? 1 : 0);
      const typeFinding =
        /^orders\.updated_at holds .*TIMESTAMP.* values where the contract says date$/i;
      expect(typeFinding.test(measured.message ?? '')).toBe(declared.types);
    });

    it(`${
      declared.nullability ? 'finds' : 'does not judge'
    } a required field that allows nulls`, async () => {
      const measured = await measureDrift(
        session(),
        ordersContract(columns, ['order_id']),
        drift,
      );
      expect(measured.value).toBe(declared.nullability ? 1 : 0);
    });

    it('reports an object the data does not have', async () => {
      const measured = await measureDrift(
        session(),
        ordersContract(columns),
        slo('schema:drift', { type: 'schema', objects: ['orders', 'refunds'] }),
      );
      expect(measured.value).toBe(0);
      const withRefunds = ordersContract(columns);
      withRefunds.schema!.push({
        name: 'refunds',
        properties: [{ name: 'id', logicalType: 'string' }],
      });
      const missing = await measureDrift(
        session(),
        withRefunds,
        slo('schema:drift', { type: 'schema', objects: ['orders', 'refunds'] }),
      );
      expect(missing.value).toBe(1);
      expect(missing.message).toBe(
        'refunds is in the contract but not in the data',
      );
    });
  });

  describe(`${name}: library metrics`, () => {
    it.each([
      ['nullValues', lib('nullValues', 'order_id'), 1],
      [
        'nullValues in percent',
        lib('nullValues', 'order_id', { unit: 'percent' }),
        10,
      ],
      [
        'missingValues (null and empty by default)',
        lib('missingValues', 'order_id'),
        1,
      ],
      [
        'missingValues from arguments',
        lib('missingValues', 'status', {
          arguments: { missingValues: ['n/a', 'lost'] },
        }),
        2,
      ],
      [
        'invalidValues from validValues',
        lib('invalidValues', 'status', {
          arguments: { validValues: ['open', 'shipped'] },
        }),
        2,
      ],
      [
        'invalidValues from a pattern',
        lib('invalidValues', 'status', {
          arguments: { pattern: '^(open|shipped)$' },
        }),
        2,
      ],
      ['duplicateValues', lib('duplicateValues', 'order_id'), 1],
      [
        'duplicateValues in percent of non-null values',
        lib('duplicateValues', 'order_id', { unit: 'percent' }),
        100 / 9,
      ],
      ['rowCount', lib('rowCount'), 10],
    ])('%s', async (_label, definition, expected) => {
      const measured = await session().measure(definition);
      expect(measured.error).toBeUndefined();
      expect(measured.value).toBeCloseTo(expected as number, 6);
    });

    it('completeness over several columns', async () => {
      const measured = await session().measure(
        slo('c', {
          type: 'completeness',
          object: 'orders',
          columns: ['order_id', 'status'],
        }),
      );
      expect(measured.value).toBeCloseTo(95, 6);
    });
  });

  describe(`${name}: freshness and retention`, () => {
    it('measures the age of the newest and of the oldest row in seconds', async () => {
      const newest = await session().measure(
        slo('f', { type: 'newestAge', object: 'orders', column: 'updated_at' }),
      );
      const expectedNewest = (Date.now() - (now() - 30 * MINUTE)) / 1000;
      expect(newest.value).toBeGreaterThan(expectedNewest - 5);
      expect(newest.value).toBeLessThan(expectedNewest + 5);
      const oldest = await session().measure(
        slo('r', { type: 'oldestAge', object: 'orders', column: 'updated_at' }),
      );
      const expectedOldest =
        (Date.now() - (now() - 30 * MINUTE - 9 * 24 * 60 * MINUTE)) / 1000;
      expect(oldest.value).toBeGreaterThan(expectedOldest - 5);
      expect(oldest.value).toBeLessThan(expectedOldest + 5);
    });

    it('reports a missing column as an error, not a crash', async () => {
      const measured = await session().measure(
        slo('f', {
          type: 'newestAge',
          object: 'orders',
          column: 'no_such_column',
        }),
      );
      expect(measured.value).toBeUndefined();
      expect(measured.error).toMatch(/no_such_column/);
    });

    it('sees the data as reachable', async () => {
      expect(
        await session().measure(
          slo('a', { type: 'reachable', objects: ['orders'] }),
        ),
      ).toEqual({ sloId: 'a', value: 1 });
      const missing = await session().measure(
        slo('a', { type: 'reachable', objects: ['missing_table'] }),
      );
      expect(missing.value).toBe(0);
      expect(missing.unreachable).toBeDefined();
    });
  });

  describe(`${name}: contract SQL`, () => {
    const sql = (query: string) =>
      slo('sql', { type: 'sql', query, object: 'orders', property: 'total' });

    it('runs a rule and takes its single value, with placeholders for object and property', async () => {
      expect(
        (
          await session().measure(
            sql('SELECT COUNT(*) FROM orders WHERE total < 0'),
          )
        ).value,
      ).toBe(1);
      expect(
        (
          await session().measure(
            sql('select count(*) from ${object} where {property} >= 50;'),
          )
        ).value,
      ).toBe(5);
    });

    it('refuses queries that write, and leaves the data as it was', async () => {
      for (const query of [
        'DELETE FROM orders',
        'UPDATE orders SET total = 0',
        'DROP TABLE orders',
        'SELECT 1; DROP TABLE orders',
        'CREATE TABLE stolen AS SELECT * FROM orders',
      ]) {
        const measured = await session().measure(sql(query));
        expect({ query, value: measured.value }).toEqual({
          query,
          value: undefined,
        });
        expect(measured.error).toMatch(/SELECT|single|read-only|statement/i);
      }
      expect((await session().measure(lib('rowCount'))).value).toBe(10);
    });

    it('says when a rule returns no number', async () => {
      const empty = await session().measure(sql('SELECT NULL AS nothing'));
      expect(empty.error).toContain('one number');
      const words = await session().measure(sql("SELECT 'many' AS words"));
      expect(words.value).toBeUndefined();
      expect(words.error).toBe('conversion error in rule "sql"');
    });

    it('reads the first column of the first row only', async () => {
      expect(
        (
          await session().measure(
            sql('SELECT total FROM orders ORDER BY total'),
          )
        ).value,
      ).toBe(-3);
      expect(
        (await session().measure(sql("SELECT 7 AS n, 'text' AS t"))).value,
      ).toBe(7);
    });

    it('stores a category, never a value from the data, when the engine fails', async () => {
      const measured = await session().measure(
        sql("SELECT CAST('secret-ssn-123' AS INTEGER)"),
      );
      expect(measured.value).toBeUndefined();
      expect(measured.error).toBe('conversion error in rule "sql"');
      // the engine's words are kept for the backend log only
      expect(measured.detail).toContain('secret-ssn-123');
      const status = await session().measure(
        sql('SELECT CAST(MIN(status) AS INTEGER) FROM orders'),
      );
      expect(status.error).toBe('conversion error in rule "sql"');
      expect(JSON.stringify([status.error, status.unreachable])).not.toMatch(
        /lost|n\/a|open|shipped/,
      );
      const unknown = await session().measure(
        sql('SELECT COUNT(*) FROM no_such_table'),
      );
      expect(unknown.error).toBe('unknown table or column in rule "sql"');
      const syntax = await session().measure(sql('SELECT FROM WHERE'));
      expect(syntax.value).toBeUndefined();
      expect(syntax.error).toMatch(/syntax error|single SELECT/);
    });
  });

  describe(`${name}: volume`, () => {
    it('counts the rows of an object, the count a volume SLO keeps', async () => {
      const measured = await session().measure(
        slo('volume:orders', { type: 'volume', object: 'orders' }),
      );
      expect(measured).toEqual({ sloId: 'volume:orders', value: 10 });
    });
  });

  describe(`${name}: the metrics the owners name`, () => {
    const metrics = deriveSlos({
      ...ordersContract({ order_id: 'string', total: 'number' }),
      servers: [{ server: 'local', type: 'local', path: 'orders.csv' } as any],
      customProperties: [
        {
          property: 'observability',
          value: {
            metrics: [
              'null_percentage_by_column',
              { name: 'avg_total', expression: 'AVG(total)' },
            ],
          },
        },
      ],
    }).slos.filter(s => s.kind === 'metric');

    it("measures each column's null rate and a custom metric through the checks' path", async () => {
      const values: Record<string, number | undefined> = {};
      for (const metric of metrics) {
        const measured = await session().measure(metric);
        expect(measured.error).toBeUndefined();
        values[metric.id] = measured.value;
      }
      expect(values).toEqual({
        'metric:null_percentage:orders.order_id': 10,
        'metric:null_percentage:orders.total': 0,
        // 10 + 20 + … + 100, one total of -3 in place of 60
        'metric:avg_total': (550 - 60 - 3) / 10,
      });
    });
  });
}
