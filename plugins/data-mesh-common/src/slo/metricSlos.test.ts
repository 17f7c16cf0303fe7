import type { OdcsContract } from '../odcs/model';
import { deriveSlos } from './deriveSlos';
import { metricExpressionProblem } from './metricSlos';

function contract(metrics: unknown[], alerts: unknown[] = []): OdcsContract {
  return {
    apiVersion: 'v3.1.0',
    kind: 'DataContract',
    id: 'urn:test:orders',
    version: '1.0.0',
    status: 'active',
    servers: [{ server: 'local', type: 'local', path: 'orders.csv' } as any],
    schema: [
      {
        name: 'orders',
        properties: [
          { name: 'order_id', logicalType: 'string' },
          { name: 'total_amount', logicalType: 'number' },
        ],
      },
    ],
    customProperties: [
      { property: 'observability', value: { metrics, alerts } },
    ],
  };
}

describe('the metrics the owners name', () => {
  it('keeps a null rate per column and a custom metric as series', () => {
    const { slos, issues } = deriveSlos(
      contract(
        [
          'null_percentage_by_column',
          { name: 'avg_order_value', expression: 'AVG(total_amount)' },
        ],
        [
          {
            type: 'avg_order_value',
            condition: 'avg_order_value < 20',
            severity: 'warning',
          },
        ],
      ),
    );
    expect(issues).toEqual([]);
    const metrics = slos.filter(s => s.kind === 'metric');
    expect(metrics.map(s => [s.id, s.measure])).toEqual([
      [
        'metric:null_percentage:orders.order_id',
        {
          type: 'library',
          metric: 'nullValues',
          object: 'orders',
          property: 'order_id',
          unit: 'percent',
        },
      ],
      [
        'metric:null_percentage:orders.total_amount',
        {
          type: 'library',
          metric: 'nullValues',
          object: 'orders',
          property: 'total_amount',
          unit: 'percent',
        },
      ],
      [
        'metric:avg_order_value',
        {
          type: 'sql',
          query: 'SELECT AVG(total_amount) FROM "orders"',
          object: 'orders',
        },
      ],
    ]);
    expect(metrics[2]).toMatchObject({
      target: { bounds: 'series' },
      alert: {
        severity: 'warning',
        condition: { metric: 'avg_order_value', operator: '<', threshold: 20 },
      },
    });
  });

  it('measures no expression that would choose what is read, and says why with the path', () => {
    const { slos, issues } = deriveSlos(
      contract([
        {
          name: 'sneaky',
          expression: 'AVG(total_amount) FROM other_product.orders --',
        },
      ]),
    );
    expect(slos.filter(s => s.kind === 'metric')).toEqual([]);
    expect(issues).toEqual([
      expect.objectContaining({
        path: '/customProperties/0/value/metrics/0/expression',
        message:
          'metric "sneaky" is not measured: the expression may not hold "FROM": write one aggregate over the object\'s columns, e.g. AVG(total_amount).',
      }),
    ]);
  });

  it.each([
    ["SUM(CASE WHEN order_id = 'from' THEN 1 ELSE 0 END)", undefined],
    ['AVG(total_amount) * 100 / NULLIF(COUNT(*), 0)', undefined],
    ['(SELECT MAX(x) FROM secrets)', 'the expression may not hold "SELECT"'],
    ["read_csv('/etc/passwd')", 'the expression may not hold "read_csv("'],
    ['COUNT(*); DROP TABLE orders', 'the expression may hold column names'],
    ["current_setting('x')", 'the expression may not call current_setting()'],
    ['AVG(a) /* hidden */', 'the expression may not hold "/*"'],
    ['SUM(a', 'the expression leaves a parenthesis open'],
    ['pg_read_file(1)', 'the expression may not hold "pg_read_file"'],
    ['ROUND(AVG(total_amount), 2)', undefined],
    [
      "SUM(CASE WHEN status IN ('open', 'late') THEN (total + 1) ELSE 0 END)",
      undefined,
    ],
    ['"orders"."total"', 'the expression may hold column names'],
  ])('judges %s', (expression, problem) => {
    const found = metricExpressionProblem(expression) ?? 'measurable';
    expect(found).toMatch(problem ?? 'measurable');
  });
});
