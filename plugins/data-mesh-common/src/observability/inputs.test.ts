import { corpusText, itCorpus } from '../__testUtils__/corpus';
import { openLineageQualityChecks, portalSummaryChecks } from './inputs';

describe('openLineageQualityChecks', () => {
  itCorpus(
    "reads the example event's dataQualityAssertions facet as checks",
    () => {
      const event = JSON.parse(
        corpusText('openlineage', 'events', 'example_full_event.json'),
      );
      const checks = event.inputs.flatMap((d: unknown) =>
        openLineageQualityChecks(d, 'orders'),
      );
      expect(checks).toEqual([
        {
          status: 'pass',
          type: 'row_count',
          model: 'orders',
          path: '/inputFacets/dataQualityAssertions/assertions/0',
          message: 'row_count_equal_to',
        },
        {
          status: 'pass',
          type: 'field_not_null',
          model: 'orders',
          field: 'id',
          path: '/inputFacets/dataQualityAssertions/assertions/1',
          message: 'no_null_values',
        },
      ]);
    },
  );

  it('reads failed assertions, warnings and the metrics facet', () => {
    const checks = openLineageQualityChecks({
      namespace: 'postgres://db',
      name: 'shop.public.orders',
      inputFacets: {
        dataQualityAssertions: {
          assertions: [
            {
              assertion: 'unique',
              column: 'order_id',
              success: false,
              severity: 'error',
              expected: '0',
              actual: '3',
            },
            {
              assertion: 'not_null',
              column: 'note',
              success: false,
              severity: 'warn',
            },
            { assertion: 'custom_sql', name: 'no_refunds', success: true },
            { assertion: 'missing success' },
          ],
        },
        dataQualityMetrics: {
          rowCount: 1200,
          columnMetrics: {
            customer_id: { nullCount: 30, count: 1200 },
            total: { distinctCount: 4 },
          },
        },
      },
    });
    expect(checks).toEqual([
      {
        status: 'fail',
        type: 'field_unique',
        model: 'orders',
        field: 'order_id',
        value: 3,
        severity: 'error',
        path: '/inputFacets/dataQualityAssertions/assertions/0',
        message: 'unique, expected 0, actual 3',
      },
      {
        status: 'pass',
        type: 'field_not_null',
        model: 'orders',
        field: 'note',
        severity: 'warning',
        path: '/inputFacets/dataQualityAssertions/assertions/1',
        message: 'warning: not_null',
      },
      {
        status: 'pass',
        type: 'custom_sql',
        model: 'orders',
        name: 'no_refunds',
        path: '/inputFacets/dataQualityAssertions/assertions/2',
        message: 'no_refunds',
      },
      {
        status: 'pass',
        sloId: 'volume:orders',
        value: 1200,
        path: '/inputFacets/dataQualityMetrics/rowCount',
      },
      {
        status: 'pass',
        sloId: 'metric:null_percentage:orders.customer_id',
        value: 2.5,
        path: '/inputFacets/dataQualityMetrics/columnMetrics/customer_id',
      },
    ]);
  });
});

describe('portalSummaryChecks', () => {
  it("reads a Data Product Portal summary's dimensions and technical assets", () => {
    const checks = portalSummaryChecks({
      overall_status: 'failure',
      dimensions: {
        completeness: { status: 'success', score: 99.2 },
        validity: 'failure',
        timeliness: 'not-run',
      },
      technical_assets: [
        { name: 'orders', status: 'warning' },
        { name: 'refunds', status: 'success' },
      ],
      details_url: 'https://quality.example.com/runs/42',
      output_port: 'orders-port',
    });
    const details = 'details: https://quality.example.com/runs/42';
    expect(checks).toEqual([
      {
        status: 'pass',
        type: 'completeness',
        name: 'completeness',
        value: 99.2,
        port: 'orders-port',
        path: '/dimensions/completeness',
        message: `completeness: success, score 99.2, ${details}`,
      },
      {
        status: 'fail',
        type: 'validity',
        name: 'validity',
        port: 'orders-port',
        path: '/dimensions/validity',
        message: `validity: failure, ${details}`,
      },
      {
        status: 'pass',
        type: 'asset',
        model: 'orders',
        name: 'orders',
        port: 'orders-port',
        path: '/technical_assets/0',
        message: `warning: orders: warning, ${details}`,
      },
      {
        status: 'pass',
        type: 'asset',
        model: 'refunds',
        name: 'refunds',
        port: 'orders-port',
        path: '/technical_assets/1',
        message: `refunds: success, ${details}`,
      },
    ]);
  });

  it('falls back to the overall status, and reads dimensions given as a list', () => {
    expect(portalSummaryChecks({ overall_status: 'success' })).toEqual([
      {
        status: 'pass',
        type: 'overall_status',
        name: 'overall status',
        path: '/overall_status',
        message: 'overall status: success',
      },
    ]);
    expect(
      portalSummaryChecks({
        overall_status: 'error',
        dimensions: [{ dimension: 'Uniqueness', status: 'error' }],
      }),
    ).toEqual([
      {
        status: 'error',
        type: 'uniqueness',
        name: 'Uniqueness',
        path: '/dimensions/0',
        message: 'Uniqueness: error',
      },
    ]);
    expect(portalSummaryChecks('success')).toEqual([]);
  });
});
