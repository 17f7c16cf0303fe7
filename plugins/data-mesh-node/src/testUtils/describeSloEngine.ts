/* eslint-disable jest/no-export -- a specification for the test suites of SLO engines, published in testUtils */
/**
 * One specification for every SLO engine: the same table, the same SLOs, the same expected
 * values, whether the data sits in a file read by DuckDB, in PostgreSQL or in a warehouse of
 * your own. Run it from your engine's tests (Jest) on a session opened on the `orders`
 * table of {@link orderRows}.
 */
import type { SloMeasure } from '@backstage-data-mesh/plugin-data-mesh-common';
import type { EngineSession } from '../engines/types';
import {
  type DeclaredSchema,
  describeObservability,
} from './describeObservability';
import { slo } from './orders';

const MINUTE = 60_000;

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

/**
 * Registers the engine specification (Jest `describe` blocks) on a session opened on the
 * `orders` table: library metrics, freshness and retention, availability, contract SQL
 * (single SELECT only, one value read, a category instead of the engine's words), row
 * counts for volume, the owners' metrics, and schema drift. Pass `schema`, what the data
 * declares, when the engine's sessions implement `describe`; without it the specification
 * expects them not to, and schema drift to be not measured, saying why.
 *
 * @public
 */
export function describeSloEngine(
  name: string,
  session: () => EngineSession,
  now: () => number,
  schema?: DeclaredSchema,
) {
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

  describeObservability(name, session, schema);
}
