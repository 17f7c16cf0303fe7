import type { SloResponse } from '@backstage-data-mesh/plugin-data-mesh-common';
import { screen, within } from '@testing-library/react';
import {
  backendError,
  fakeDataMeshApi,
  pending,
} from '../../__testUtils__/fakeDataMeshApi';
import { details, sloView } from '../../__testUtils__/fixtures';
import { renderForProduct } from '../../__testUtils__/renderForProduct';
import { SloContent } from './SloContent';

const freshness30 = sloView();
const nulls30 = sloView({
  id: 'quality:orders.customer_id:nullValues',
  name: 'No null customer_id',
  kind: 'completeness',
  target: {
    text: 'null values in orders.customer_id = 0',
    operator: '=',
    value: 0,
    unit: 'rows',
    objective: 0.99,
  },
  status: 'fail',
  since: '2025-06-14T06:00:00Z',
  lastValue: 12,
  attainment: 0.9,
  observations: 30,
  errorBudget: { allowed: 0.3, consumed: 3, remaining: 0, burnRate: 10 },
  lastError: undefined,
});
const broken30 = sloView({
  id: 'sla:latency',
  name: 'Latency',
  kind: 'latency',
  status: 'error',
  lastError: 'connect ECONNREFUSED 127.0.0.1:5432',
});

function slos(
  window: '7d' | '30d',
  list = [freshness30, nulls30, broken30],
): SloResponse {
  return {
    window,
    evaluatedAt: '2025-06-15T11:00:00Z',
    slos:
      window === '30d'
        ? list
        : list.map(s => ({
            ...s,
            attainment: s.attainment === 0.9 ? 0.75 : s.attainment,
            observations: 7,
          })),
  };
}

describe('SloContent', () => {
  it('shows every SLO with target, status, attainment and error budget for 7 and 30 days', async () => {
    const api = fakeDataMeshApi({
      getSlos: async (_, window) => slos(window),
      getSloHistory: async () => ({
        window: '30d',
        points: [
          {
            sloId: 'sla:freshness',
            at: '2025-06-14T00:00:00Z',
            status: 'pass',
            value: 1000,
          },
          {
            sloId: 'sla:freshness',
            at: '2025-06-15T00:00:00Z',
            status: 'fail',
            value: 5000,
          },
        ],
      }),
      getProduct: async () => details(),
    });
    await renderForProduct(<SloContent />, api);

    const table = await screen.findByRole('table', {
      name: 'Service level objectives',
    });
    const nulls = within(table).getByText('No null customer_id').closest('tr')!;
    expect(within(nulls).getByText('Fail')).toBeInTheDocument();
    expect(
      within(nulls).getByText('null values in orders.customer_id = 0'),
    ).toBeInTheDocument();
    expect(
      within(nulls).getByLabelText('Attainment over 7 days'),
    ).toHaveTextContent('75.0 %');
    expect(
      within(nulls).getByLabelText('Attainment over 30 days'),
    ).toHaveTextContent('90.0 %');
    expect(
      within(nulls).getAllByText(/budget 0.0 % left · burn 10.0×/),
    ).toHaveLength(2);
    const latency = within(table).getByText('Latency').closest('tr')!;
    expect(within(latency).getByText('Error')).toBeInTheDocument();
    // the error on a row of its own, below its SLO
    expect((latency.nextElementSibling as HTMLElement).textContent).toContain(
      'Last error: connect ECONNREFUSED 127.0.0.1:5432',
    );
    expect(
      within(table).getByText('Freshness').closest('tr'),
    ).toHaveTextContent('99.5 %');
    // values in human units: 1200 seconds and 12 rows
    expect(
      within(within(table).getByText('Freshness').closest('tr')!).getByText(
        '20 minutes',
      ),
    ).toBeInTheDocument();
    expect(within(nulls).getByText('12 rows')).toBeInTheDocument();

    expect(
      await screen.findByRole('img', {
        name: 'History of Freshness: 2 observations',
      }),
    ).toBeInTheDocument();
    expect(screen.queryByText('No observations yet')).not.toBeInTheDocument();
  });

  it('shows the health the explorer shows, at risk with a spent budget, and why', async () => {
    const spent = sloView({
      condition: 'at-risk',
      conditionReason: 'its 30-day error budget is spent',
    });
    const api = fakeDataMeshApi({
      getSlos: async (_, window) => ({
        window,
        health: {
          health: 'at-risk',
          reasons: ['Freshness: its 30-day error budget is spent'],
        },
        slos: [spent],
      }),
      getSloHistory: async () => ({ window: '30d', points: [] }),
      getProduct: async () => details({ sloHealth: 'at-risk' }),
    });
    await renderForProduct(<SloContent />, api);
    expect(await screen.findByLabelText('Why')).toHaveTextContent(
      'Freshness: its 30-day error budget is spent',
    );
    const table = screen.getByRole('table', {
      name: 'Service level objectives',
    });
    const row = within(table).getByText('Freshness').closest('tr')!;
    expect(within(row).getByText('Pass')).toBeInTheDocument();
    expect(within(row).getByText('At risk')).toBeInTheDocument();
    expect(
      within(row).getByText('its 30-day error budget is spent'),
    ).toBeInTheDocument();
  });

  it("shows each output port's SLOs and the product's summary for a product with several ports", async () => {
    const api = fakeDataMeshApi({
      getSlos: async (_, window) => ({
        ...slos(window),
        ports: {
          summary: { status: 'fail', pass: 1, fail: 1, error: 1, unknown: 0 },
          ports: [
            {
              port: 'local',
              type: 'local',
              slos: [
                { id: 'sla:freshness', status: 'pass' },
                { id: 'quality:orders.customer_id:nullValues', status: 'fail' },
                { id: 'sla:latency', status: 'unknown' },
              ],
              summary: {
                status: 'fail',
                pass: 1,
                fail: 1,
                error: 0,
                unknown: 1,
              },
            },
            {
              port: 'warehouse',
              type: 'postgres',
              slos: [
                { id: 'sla:freshness', status: 'pass' },
                {
                  id: 'quality:orders.customer_id:nullValues',
                  status: 'unknown',
                },
                { id: 'sla:latency', status: 'unknown' },
              ],
              summary: {
                status: 'pass',
                pass: 1,
                fail: 0,
                error: 0,
                unknown: 2,
              },
            },
          ],
        },
      }),
      getSloHistory: async () => ({ window: '30d', points: [] }),
      getProduct: async () => details(),
    });
    await renderForProduct(<SloContent />, api);
    const table = await screen.findByRole('table', { name: 'Output ports' });
    expect(screen.getByLabelText('Product summary')).toHaveTextContent(
      'Product: 1 passing · 1 failing · 1 in error, over 2 output ports',
    );
    const local = within(table).getByText('local', { selector: 'p' });
    const localRow = local.closest('tr')!;
    expect(within(localRow).getByText('Fail')).toBeInTheDocument();
    expect(localRow).toHaveTextContent('1 passing · 1 failing · 1 not checked');
    expect(localRow).toHaveTextContent('No null customer_id');
    const warehouseRow = within(table).getByText('warehouse').closest('tr')!;
    expect(within(warehouseRow).getByText('Pass')).toBeInTheDocument();
    expect(warehouseRow).toHaveTextContent('1 passing · 2 not checked');
  });

  it('says the contract declares no SLOs', async () => {
    const api = fakeDataMeshApi({
      getSlos: async window => ({ window: window as any, slos: [] }),
      getSloHistory: async () => ({ window: '30d', points: [] }),
      getProduct: async () => details(),
    });
    await renderForProduct(<SloContent />, api);
    expect(await screen.findByText('No SLOs')).toBeInTheDocument();
  });

  it('says no server is configured when nothing was measured and the contract names none', async () => {
    const unmeasured = sloView({
      status: 'unknown',
      observations: 0,
      lastObservedAt: undefined,
      lastValue: undefined,
      since: undefined,
      attainment: 1,
    });
    const api = fakeDataMeshApi({
      getSlos: async (_, window) => ({ window, slos: [unmeasured] }),
      getSloHistory: async () => ({ window: '30d', points: [] }),
      getProduct: async () => details({ servers: [] }),
    });
    await renderForProduct(<SloContent />, api);
    expect(await screen.findByText(/No server configured/)).toBeInTheDocument();
    expect(screen.getByText(/push its results/)).toBeVisible();
    expect(screen.getAllByText('No observations')).toHaveLength(2);
    expect(
      screen.getByText(/No observations yet: the history fills in/),
    ).toBeInTheDocument();
  });

  it('says no observations exist yet when a server is measured', async () => {
    const unmeasured = sloView({
      status: 'unknown',
      observations: 0,
      lastObservedAt: undefined,
    });
    const api = fakeDataMeshApi({
      getSlos: async (_, window) => ({ window, slos: [unmeasured] }),
      getSloHistory: async () => ({ window: '30d', points: [] }),
      getProduct: async () => details(),
    });
    await renderForProduct(<SloContent />, api);
    expect(await screen.findByText(/No observations yet$/)).toBeInTheDocument();
    expect(
      screen.getByText(/measures these SLOs on warehouse/),
    ).toBeInTheDocument();
  });

  it('highlights the SLO a notification links to', async () => {
    const api = fakeDataMeshApi({
      getSlos: async (_, window) => slos(window),
      getSloHistory: async () => ({ window: '30d', points: [] }),
      getProduct: async () => details(),
      getLineage: async () => ({
        root: 'component:default/sales-orders',
        direction: 'up',
        depth: 1,
        truncated: false,
        nodes: [],
        edges: [],
      }),
    });
    await renderForProduct(
      <SloContent />,
      api,
      undefined,
      '/?slo=quality%3Aorders.customer_id%3AnullValues',
    );
    const table = await screen.findByRole('table', {
      name: 'Service level objectives',
    });
    const row = within(table).getByText('No null customer_id').closest('tr')!;
    expect(row).toHaveAttribute('aria-current', 'true');
    expect(
      within(table).getByText('Freshness').closest('tr'),
    ).not.toHaveAttribute('aria-current');
  });

  it('says of stale data since when it is stale, when it last loaded, and how the upstream products do', async () => {
    const stale = sloView({
      status: 'fail',
      since: '2025-06-14T11:00:00Z',
      // 3 days old at 11:00 on the 15th, with a limit of 1 hour
      lastValue: 3 * 86_400,
      lastObservedAt: '2025-06-15T11:00:00Z',
      lastError: 'measured 259200 seconds; target: data at most 1 hour old',
    });
    const api = fakeDataMeshApi({
      getSlos: async (_, window) => ({ window, slos: [stale] }),
      getSloHistory: async () => ({ window: '30d', points: [] }),
      getProduct: async () => details(),
      getLineage: async () => ({
        root: 'component:default/sales-orders',
        direction: 'up',
        depth: 1,
        truncated: false,
        nodes: [
          {
            entityRef: 'component:default/sales-orders',
            sloHealth: 'breached',
            depth: 0,
          },
          {
            entityRef: 'component:default/product-events',
            title: 'Product events',
            sloHealth: 'unknown',
            depth: 1,
          },
        ],
        edges: [
          {
            from: 'component:default/product-events',
            to: 'component:default/sales-orders',
            source: 'declared',
          },
        ],
      }),
    });
    await renderForProduct(<SloContent />, api);
    const row = (
      await screen.findByText(
        'Last error: measured 259200 seconds; target: data at most 1 hour old',
      )
    ).closest('tr')!;
    expect(
      within(row).getByText(/^Data stale since 2025-06-12 12:00 UTC/),
    ).toBeInTheDocument();
    expect(
      within(row).getByText(/^Last loaded 2025-06-12 11:00 UTC/),
    ).toBeInTheDocument();
    expect(await within(row).findByText(/^Upstream:/)).toHaveTextContent(
      'Upstream: Product events (not measured)',
    );
  });

  it('says why SLOs are unknown when the portal cannot measure the product', async () => {
    const unmeasured = sloView({
      status: 'unknown',
      since: undefined,
      notMeasuredBecause:
        "the portal measures none of the product's servers (server production is of type custom, which the portal does not evaluate)",
    });
    const api = fakeDataMeshApi({
      getSlos: async (_, window) => ({ window, slos: [unmeasured] }),
      getSloHistory: async () => ({ window: '30d', points: [] }),
      getProduct: async () =>
        details({
          servers: [
            {
              server: 'production',
              type: 'custom',
              evaluated: false,
              notEvaluatedBecause:
                'server production is of type custom, which the portal does not evaluate',
            },
          ],
        }),
    });
    await renderForProduct(<SloContent />, api);
    expect(
      await screen.findByText(/Why every SLO is unknown/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/^The portal measures none of the product's servers/),
    ).toBeInTheDocument();
    expect(screen.getByText('Not measured: see why above')).toBeInTheDocument();
  });

  it('shows a progress bar while loading and the error when the backend fails', async () => {
    const loading = fakeDataMeshApi({
      getSlos: pending,
      getSloHistory: pending,
      getProduct: pending,
    });
    const { unmount } = await renderForProduct(<SloContent />, loading);
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
    unmount();

    const failing = fakeDataMeshApi({
      getSlos: async () => {
        throw await backendError(503, 'the SLO store is unavailable');
      },
      getSloHistory: pending,
      getProduct: pending,
    });
    await renderForProduct(<SloContent />, failing);
    expect(
      await screen.findByText(/Could not load the SLOs/),
    ).toBeInTheDocument();
    // The panel says it in its message line, and again in the response body it shows
    // once that has rendered.
    expect(
      screen.getAllByText(/the SLO store is unavailable/)[0],
    ).toBeInTheDocument();
  });
});
