import type { OdcsContract } from '../odcs/model';
import { deriveSlos } from '../slo/deriveSlos';
import { parseAlertCondition, readObservability } from './plan';

/** The design notes' product: its observability block as the importer keeps it. */
function contract(observability: unknown): OdcsContract {
  return {
    apiVersion: 'v3.1.0',
    kind: 'DataContract',
    id: 'urn:test:orders',
    version: '1.0.0',
    status: 'active',
    servers: [{ server: 'local', type: 'local', path: 'orders/*.csv' } as any],
    schema: [
      {
        name: 'orders',
        properties: [
          { name: 'order_id', logicalType: 'string', required: true },
          { name: 'total_amount', logicalType: 'number' },
        ],
      },
    ],
    customProperties: [{ property: 'observability', value: observability }],
  };
}

const NOTES = {
  metrics: [
    'row_count',
    'null_percentage_by_column',
    'schema_drift',
    { name: 'avg_order_value', expression: 'AVG(total_amount)' },
  ],
  alerts: [
    { type: 'freshness', condition: 'age_hours > 26', severity: 'critical' },
    {
      type: 'volume',
      condition: 'row_count_change > 50%',
      severity: 'warning',
    },
  ],
};

describe('readObservability', () => {
  it("reads the design notes' metrics and alerts", () => {
    const { plan, issues } = readObservability(contract(NOTES));
    expect(issues).toEqual([]);
    expect(plan).toMatchObject({
      declared: true,
      rowCount: true,
      nullRates: true,
      schemaDrift: true,
      customMetrics: [
        {
          name: 'avg_order_value',
          expression: 'AVG(total_amount)',
          object: 'orders',
          path: '/customProperties/0/value/metrics/3',
        },
      ],
      alerts: [
        {
          type: 'freshness',
          condition: { metric: 'age_hours', operator: '>', threshold: 26 },
          severity: 'critical',
          text: 'age_hours > 26',
        },
        {
          type: 'volume',
          condition: {
            metric: 'row_count_change',
            operator: '>',
            threshold: 50,
            unit: '%',
          },
          severity: 'warning',
        },
      ],
    });
  });

  it('warns, with the path, about what it cannot read', () => {
    const { plan, issues } = readObservability(
      contract({
        metrics: ['avg_order_value'],
        alerts: [
          { type: 'volume', condition: 'rows fell a lot', severity: 'loud' },
        ],
      }),
    );
    expect(plan.alerts).toEqual([]);
    expect(issues.map(i => [i.path, i.message.split(':')[0]])).toEqual([
      [
        '/customProperties/0/value/metrics/0',
        'metric "avg_order_value" is not one the portal measures by itself (row_count, null_percentage_by_column, null_percentage, schema_drift)',
      ],
      [
        '/customProperties/0/value/alerts/0/condition',
        'alert condition "rows fell a lot" is not "<metric> <operator> <number>" (e.g. "age_hours > 26", "row_count_change > 50%") or a condition such as "quality_check_failed".',
      ],
    ]);
  });

  it('reads conditions with and without a comparison', () => {
    expect(parseAlertCondition('quality_check_failed')).toEqual({
      metric: 'quality_check_failed',
    });
    expect(parseAlertCondition('null_rate >= 2.5 %')).toEqual({
      metric: 'null_rate',
      operator: '>=',
      threshold: 2.5,
      unit: '%',
    });
    expect(parseAlertCondition('age_hours >')).toBeUndefined();
  });
});

describe('volume SLOs', () => {
  it('watches the row count of every object, by the threshold of the volume alert', () => {
    const { slos } = deriveSlos(
      contract({
        alerts: [
          {
            type: 'volume',
            condition: 'row_count_change > 30%',
            severity: 'warning',
          },
        ],
      }),
    );
    expect(slos.find(s => s.kind === 'volume')).toMatchObject({
      id: 'volume:orders',
      name: 'volume of orders',
      kind: 'volume',
      target: {
        text: 'rows in orders within 30 % of the day before and of the usual for the weekday',
        operator: '<=',
        value: 30,
        unit: 'rows',
        bounds: 'change',
        objective: 0.99,
      },
      measure: { type: 'volume', object: 'orders' },
      path: '/schema/0',
    });
    expect(
      deriveSlos(contract(undefined)).slos.find(s => s.kind === 'volume')
        ?.target.value,
    ).toBe(50);
  });
});
