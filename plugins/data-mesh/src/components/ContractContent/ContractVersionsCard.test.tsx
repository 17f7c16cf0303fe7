import type {
  AcknowledgeVersionRequest,
  ContractVersionView,
} from '@backstage-data-mesh/plugin-data-mesh-client';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeDataMeshApi } from '../../__testUtils__/fakeDataMeshApi';
import { renderForProduct } from '../../__testUtils__/renderForProduct';
import { ContractVersionsCard } from './ContractVersionsCard';

const product = { namespace: 'default', name: 'sales-orders' };
const removed = {
  path: 'schema.orders.properties.discount',
  kind: 'property-removed' as const,
  severity: 'breaking' as const,
  message: 'The field orders.discount was removed.',
  bump: 'major' as const,
};

const versions: ContractVersionView[] = [
  {
    id: 'v3',
    version: '2.0.0',
    source: 'seen',
    current: true,
    firstSeenAt: '2026-03-01T00:00:00.000Z',
    previousVersion: '1.1.0',
    previousId: 'v2',
    breaking: true,
    requiredBump: 'major',
    counts: { breaking: 1, warning: 0, info: 0 },
    comparable: true,
    gate: {
      state: 'waiting',
      announcedAt: '2026-03-01T00:00:00.000Z',
      deprecationEndsAt: '2026-03-31T00:00:00.000Z',
      pending: 1,
      reason: '1 of 2 hit consumers has not acknowledged.',
      consumers: [
        {
          ref: 'component:default/revenue-metrics',
          kind: 'product',
          via: ['input-port'],
          owners: ['group:default/finance'],
          changes: [removed],
          acknowledgement: {
            consumer: 'component:default/revenue-metrics',
            decision: 'acknowledged',
            by: 'user:default/fiona',
            at: '2026-03-02T09:00:00.000Z',
          },
        },
        {
          ref: 'component:default/lead-attribution',
          kind: 'product',
          via: ['openlineage'],
          owners: ['group:default/marketing'],
          changes: [removed],
        },
      ],
    },
  },
  {
    id: 'v2',
    version: '1.1.0',
    source: 'seen',
    current: false,
    firstSeenAt: '2026-02-01T00:00:00.000Z',
    previousVersion: '1.0.0',
    previousId: 'v1',
    breaking: false,
    comparable: true,
    counts: { breaking: 0, warning: 0, info: 1 },
  },
  {
    id: 'changelog:1.0.0',
    version: '1.0.0',
    source: 'changelog',
    current: false,
    firstSeenAt: '2026-01-01T00:00:00.000Z',
    comparable: false,
    changelog: ['First release.'],
  },
];

describe('ContractVersionsCard', () => {
  it('lists the versions, says which broke, and opens the one a notification names with its hit consumers and answers', async () => {
    const answers: AcknowledgeVersionRequest[] = [];
    const api = fakeDataMeshApi({
      getContractVersions: async () => ({ items: versions }),
      diffContractVersions: async (_p, from, to) => ({
        from: versions.find(v => v.id === from)!,
        to: versions.find(v => v.id === to)!,
        diff: {
          changes: [removed],
          requiredBump: 'major',
          oldVersion: '1.1.0',
          newVersion: '2.0.0',
          actualBump: 'major',
          versionOk: true,
          versionMessage: 'A major version, as the changes need.',
        },
      }),
      acknowledgeVersion: async (_p, _id, answer) => {
        answers.push(answer);
        return undefined;
      },
    });
    await renderForProduct(
      <ContractVersionsCard product={product} />,
      api,
      undefined,
      '/?version=v3',
    );

    const table = await screen.findByRole('table', {
      name: 'Contract versions',
    });
    const v2 = within(table).getByTestId('version-2.0.0');
    expect(within(v2).getByText('breaking')).toBeInTheDocument();
    expect(within(v2).getByText('2 hit, 1 acknowledged')).toBeInTheDocument();
    expect(
      within(within(table).getByTestId('version-1.1.0')).getByText(
        'not breaking',
      ),
    ).toBeInTheDocument();
    expect(
      within(within(table).getByTestId('version-1.0.0')).getByText(
        'changelog only',
      ),
    ).toBeInTheDocument();

    const hit = await screen.findByRole('table', {
      name: 'Consumers hit by 2.0.0',
    });
    expect(
      await screen.findAllByText(/The field orders.discount was removed/),
    ).not.toHaveLength(0);
    const acknowledged = within(hit)
      .getByText('component:default/revenue-metrics')
      .closest('tr')!;
    expect(
      within(acknowledged).getByText(/acknowledged by user:default\/fiona/),
    ).toBeInTheDocument();
    const waiting = within(hit)
      .getByText('component:default/lead-attribution')
      .closest('tr')!;
    expect(within(waiting).getByText('not yet')).toBeInTheDocument();
    await userEvent.click(
      within(waiting).getByRole('button', { name: 'Acknowledge' }),
    );
    expect(answers).toEqual([
      {
        consumer: 'component:default/lead-attribution',
        decision: 'acknowledged',
      },
    ]);
  });
});
