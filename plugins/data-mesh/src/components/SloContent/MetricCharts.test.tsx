import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import type { SloView } from '@backstage-data-mesh/plugin-data-mesh-common';
import { MetricCharts } from './MetricCharts';

const metric = (
  id: string,
  name: string,
  extra: Partial<SloView>,
): SloView => ({
  id,
  name,
  kind: 'metric',
  target: {
    text: `${name}, kept as a series`,
    operator: '>=',
    value: 0,
    bounds: 'series',
    objective: 0.99,
  },
  status: 'pass',
  attainment: 1,
  observations: 2,
  errorBudget: { allowed: 0.02, consumed: 0, remaining: 1, burnRate: 0 },
  ...extra,
});

describe('MetricCharts', () => {
  it("shows each metric with its last value in its unit, and the owners' alert", async () => {
    await renderInTestApp(
      <MetricCharts
        metrics={[
          metric(
            'metric:null_percentage:orders.customer_id',
            'null rate of orders.customer_id',
            {
              lastValue: 12.5,
              target: {
                text: 'null values',
                operator: '>=',
                value: 0,
                unit: 'percent',
                bounds: 'series',
                objective: 0.99,
              },
            },
          ),
          metric('metric:avg_order_value', 'avg_order_value', {
            lastValue: 41.2,
            alert: { severity: 'warning', text: 'avg_order_value < 20' },
          }),
          metric('metric:empty', 'empty', {}),
        ]}
        points={[
          {
            sloId: 'metric:avg_order_value',
            at: '2026-12-01T00:00:00Z',
            status: 'pass',
            value: 40,
          },
        ]}
      />,
    );
    expect(
      screen.getByText('null rate of orders.customer_id'),
    ).toBeInTheDocument();
    expect(screen.getByText('now 12.5 %')).toBeInTheDocument();
    expect(
      screen.getByText('now 41.2 · alerts when avg_order_value < 20'),
    ).toBeInTheDocument();
    expect(screen.getByText('not measured yet')).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: 'avg_order_value over 30 days' }),
    ).toBeInTheDocument();
  });
});
