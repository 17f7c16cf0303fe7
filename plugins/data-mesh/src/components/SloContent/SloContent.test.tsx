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
    expect(
      within(latency).getByText('connect ECONNREFUSED 127.0.0.1:5432'),
    ).toBeInTheDocument();
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
    expect(
      screen.getByText(/the SLO store is unavailable/),
    ).toBeInTheDocument();
  });
});
