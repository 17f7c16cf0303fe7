import type { PolicyResult } from '@backstage-data-mesh/plugin-data-mesh-common';
import type { GovernanceResponse } from '@backstage-data-mesh/plugin-data-mesh-client';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  backendError,
  fakeDataMeshApi,
  pending,
} from '../../__testUtils__/fakeDataMeshApi';
import { renderForProduct } from '../../__testUtils__/renderForProduct';
import { GovernanceContent } from './GovernanceContent';

function result(overrides: Partial<PolicyResult>): PolicyResult {
  return {
    id: 'owner-required',
    severity: 'error',
    mode: 'enforced',
    status: 'passed',
    passed: true,
    outcome: 'pass',
    message: 'The product has an owner.',
    source: 'built-in',
    since: '2025-06-01T00:00:00Z',
    ...overrides,
  };
}

function report(
  overrides: Partial<GovernanceResponse> = {},
): GovernanceResponse {
  const results = [
    result({}),
    result({
      id: 'pii-classified',
      description: 'Personal data is classified',
      outcome: 'block',
      status: 'failed',
      passed: false,
      message: 'customer_email holds personal data but has no classification.',
      remediation: 'Set classification: restricted on customer_email.',
      since: '2025-06-10T08:00:00Z',
    }),
    result({
      id: 'freshness-slo',
      severity: 'warning',
      mode: 'grace',
      graceUntil: '2025-09-01T00:00:00Z',
      outcome: 'warn',
      status: 'failed',
      passed: false,
      message: 'No freshness SLO is declared.',
      source: 'policies/sales.yaml',
    }),
    result({
      id: 'tags-required',
      mode: 'draft',
      outcome: 'draft',
      status: 'failed',
      passed: false,
      message: 'No tags.',
    }),
  ];
  return {
    entityRef: 'component:default/sales-orders',
    health: 'block',
    evaluatedAt: '2025-06-15T10:00:00Z',
    blocked: true,
    results,
    summary: { pass: 1, warn: 1, block: 1, info: 0, draft: 1 },
    issues: [],
    ...overrides,
  };
}

describe('GovernanceContent', () => {
  it('opens on the failing policies, the passing ones folded into one line', async () => {
    const api = fakeDataMeshApi({ getGovernance: async () => report() });
    await renderForProduct(<GovernanceContent />, api);
    const table = await screen.findByRole('table', { name: 'Policy verdicts' });
    expect(
      within(table)
        .getAllByRole('row')
        .map(r => r.getAttribute('data-policy'))
        .filter(Boolean),
    ).toEqual(['pii-classified', 'freshness-slo', 'tags-required']);
    expect(
      screen.getByRole('checkbox', { name: 'Failing only' }),
    ).toBeChecked();
    await userEvent.click(
      within(table).getByRole('button', { name: 'Show the 1 passing policy' }),
    );
    expect(within(table).getByText('Pass').closest('tr')).toHaveAttribute(
      'data-policy',
      'owner-required',
    );
    expect(
      screen.getByRole('checkbox', { name: 'Failing only' }),
    ).not.toBeChecked();
  });

  it('shows the breaking-change gate of a coming version, with a link to who it hits', async () => {
    const api = fakeDataMeshApi({
      getGovernance: async () => report(),
      getContractVersions: async () => ({
        items: [
          {
            id: 'v2',
            version: '2.0.0',
            source: 'announced',
            current: false,
            firstSeenAt: '2025-06-10T00:00:00Z',
            announcedAt: '2025-06-10T00:00:00Z',
            breaking: true,
            comparable: true,
            gate: {
              state: 'waiting',
              announcedAt: '2025-06-10T00:00:00Z',
              deprecationEndsAt: '2025-07-10T00:00:00Z',
              consumers: [],
              pending: 1,
              reason: '1 of 2 consumers it hits have not acknowledged.',
            },
          },
          {
            id: 'v1',
            version: '1.4.0',
            source: 'seen',
            current: true,
            firstSeenAt: '2025-05-01T00:00:00Z',
            publishedAt: '2025-05-01T00:00:00Z',
            comparable: true,
          },
        ],
      }),
    });
    await renderForProduct(<GovernanceContent />, api);
    const gates = await screen.findByRole('list', {
      name: 'Breaking-change gates',
    });
    const gate = within(gates).getByRole('listitem');
    expect(gate).toHaveTextContent('Version 2.0.0');
    expect(gate).toHaveTextContent('waiting');
    expect(gate).toHaveTextContent(
      '1 of 2 consumers it hits have not acknowledged.',
    );
    expect(
      within(gate).getByRole('link', {
        name: 'Who it hits and who acknowledged',
      }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/sales-orders/contract?version=v2',
    );
  });

  it('lists every policy verdict, blocking first, with why and since when', async () => {
    const api = fakeDataMeshApi({ getGovernance: async () => report() });
    await renderForProduct(
      <GovernanceContent />,
      api,
      undefined,
      '/?policies=all',
    );

    const table = await screen.findByRole('table', { name: 'Policy verdicts' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map(r => r.getAttribute('data-policy'))).toEqual([
      'pii-classified',
      'freshness-slo',
      'tags-required',
      'owner-required',
    ]);
    expect(within(rows[0]).getByText('Block')).toBeInTheDocument();
    expect(
      within(rows[0]).getByText(/has no classification/),
    ).toBeInTheDocument();
    expect(
      within(rows[0]).getByText(/To comply: Set classification: restricted/),
    ).toBeInTheDocument();
    expect(
      within(rows[0]).getByTitle('2025-06-10 08:00 UTC'),
    ).toHaveTextContent(/ago$/);
    expect(within(rows[1]).getByText('Warn')).toBeInTheDocument();
    expect(
      within(rows[1]).getByText('grace until 2025-09-01'),
    ).toBeInTheDocument();
    expect(
      within(rows[1]).getByText('from policies/sales.yaml'),
    ).toBeInTheDocument();
    expect(within(rows[2]).getByText('Draft')).toBeInTheDocument();
    expect(within(rows[3]).getByText('Pass')).toBeInTheDocument();
    expect(within(rows[3]).queryByText(/To comply/)).not.toBeInTheDocument();

    expect(screen.getByText(/This product is blocked/)).toBeInTheDocument();
    expect(screen.getByText('1 block')).toBeInTheDocument();
  });

  it('shows what kept policies from being evaluated', async () => {
    const api = fakeDataMeshApi({
      getGovernance: async () =>
        report({
          blocked: false,
          health: 'unknown',
          results: [],
          summary: { pass: 0, warn: 0, block: 0, info: 0, draft: 0 },
          issues: [
            {
              severity: 'error',
              path: '/policies/0/condition',
              message: 'condition is not valid CEL: unexpected token',
              file: 'policies/global.yaml',
              line: 4,
            },
          ],
        }),
    });
    await renderForProduct(<GovernanceContent />, api);
    expect(
      await screen.findByText(/Some policies could not be evaluated/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /policies\/global.yaml:4 error condition is not valid CEL/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('No policy applies to this product.'),
    ).toBeInTheDocument();
  });

  it('says when the policies have not run yet', async () => {
    const api = fakeDataMeshApi({
      getGovernance: async () =>
        report({
          evaluatedAt: undefined,
          results: [],
          blocked: false,
          health: 'unknown',
          summary: { pass: 0, warn: 0, block: 0, info: 0, draft: 0 },
        }),
    });
    await renderForProduct(<GovernanceContent />, api);
    expect(await screen.findByText('Not evaluated yet')).toBeInTheDocument();
  });

  it('shows progress, then the error when the backend fails', async () => {
    const { unmount } = await renderForProduct(
      <GovernanceContent />,
      fakeDataMeshApi({ getGovernance: pending }),
    );
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
    unmount();
    await renderForProduct(
      <GovernanceContent />,
      fakeDataMeshApi({
        getGovernance: async () => {
          throw await backendError(500, 'policy store unreadable');
        },
      }),
    );
    expect(
      await screen.findByText(/Could not load the governance verdict/),
    ).toBeInTheDocument();
    // The panel says it in its message line, and again in the response body it shows
    // once that has rendered.
    expect(
      screen.getAllByText(/policy store unreadable/)[0],
    ).toBeInTheDocument();
  });
});
