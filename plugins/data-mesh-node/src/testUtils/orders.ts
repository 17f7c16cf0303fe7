/**
 * The data the SLO engine specification reads, and the SLOs and contracts it checks it with.
 */
import type {
  OdcsContract,
  SloDefinition,
  SloMeasure,
} from '@backstage-data-mesh/plugin-data-mesh-common';

const MINUTE = 60_000;

function orderId(i: number): string | null {
  if (i === 0) return null;
  return i === 9 ? 'o-8' : `o-${i}`;
}

/**
 * The `orders` table the specification reads: 10 rows, one null id, one duplicate id, two invalid statuses (lost, n/a), one negative total.
 *
 * @public
 */
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

/**
 * An SLO with the measure `measure`.
 *
 * @public
 */
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

/**
 * The contract of the `orders` table with the columns `columns` (`name: logicalType`),
 * `required` ones marked so.
 *
 * @public
 */
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
