/* eslint-disable jest/no-export -- part of the SLO engine specification published in testUtils */
/**
 * The SLO engine specification of the observability checks: schema drift (when the engine's
 * sessions describe their objects), row counts for volume, and the metrics the owners name.
 */
import { deriveSlos } from '@backstage-data-mesh/plugin-data-mesh-common';
import { measureDrift } from '../engines/measureDrift';
import type { EngineSession } from '../engines/types';
import { ordersContract, slo } from './orders';

/**
 * What the data of an engine declares beyond column names, for the schema drift part of
 * the specification.
 *
 * @public
 */
export interface DeclaredSchema {
  /** The format states its types (not CSV, JSON). */
  types: boolean;
  /** The engine knows which columns allow nulls (tables, not files). */
  nullability: boolean;
}

const driftSlo = slo('schema:drift', { type: 'schema', objects: ['orders'] });
const columns = {
  order_id: 'string',
  status: 'string',
  total: 'number',
  updated_at: 'timestamp',
};

/**
 * Registers drift, volume and metric checks. Without `declared` the sessions must not
 * describe their objects, and drift must be not measured, saying why.
 */
export function describeObservability(
  name: string,
  session: () => EngineSession,
  declared: DeclaredSchema | undefined,
) {
  if (declared) describeDrift(name, session, declared);
  else
    describe(`${name}: schema drift`, () => {
      it('is not measured, saying why, on sessions that do not describe their objects', async () => {
        expect(session().describe).toBeUndefined();
        const measured = await measureDrift(
          session(),
          ordersContract(columns),
          driftSlo,
        );
        expect(measured.value).toBeUndefined();
        expect(measured.error).toMatch(
          /^not measured: .*does not describe the columns of its data/,
        );
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

/** The `orders` table as the session describes it. */
function describeOrders(session: EngineSession) {
  if (!session.describe)
    throw new Error(
      'the specification was given what the data declares (its 4th argument), but the session has no describe',
    );
  return session.describe(['orders']);
}

/** Schema drift on sessions that describe their objects. */
function describeDrift(
  name: string,
  session: () => EngineSession,
  declared: DeclaredSchema,
) {
  describe(`${name}: schema drift`, () => {
    it('describes the columns as the engine holds them', async () => {
      const { observed, missing } = await describeOrders(session());
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
        driftSlo,
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
        driftSlo,
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
        driftSlo,
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
        driftSlo,
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
}
