import type {
  AccessDecisionInput,
  AccessRequestInput,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type {
  AccessRequestView,
  ProductAccessResponse,
} from '@backstage-data-mesh/plugin-data-mesh-client';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeDataMeshApi } from '../../__testUtils__/fakeDataMeshApi';
import { renderForProduct } from '../../__testUtils__/renderForProduct';
import { AccessContent } from './AccessContent';

const entityRef = 'component:default/sales-orders';
const day = 86_400_000;

function access(part: Partial<ProductAccessResponse>): ProductAccessResponse {
  return {
    entityRef,
    read: false,
    decide: false,
    outputPorts: ['orders'],
    maxDays: 90,
    ...part,
  };
}

const pendingRequest: AccessRequestView = {
  id: 'r1',
  entityRef,
  requester: 'user:default/sam',
  principal: 'user:default/sam',
  purpose: 'quarterly revenue report',
  until: new Date(Date.now() + 10 * day).toISOString(),
  state: 'pending',
  createdAt: new Date(Date.now() - 3_600_000).toISOString(),
};

describe('AccessContent', () => {
  it('lets one who may see but not read the product ask its owners, with a purpose and a port', async () => {
    const sent: AccessRequestInput[] = [];
    let asked = false;
    const api = fakeDataMeshApi({
      getProductAccess: async () =>
        asked ? access({ pending: pendingRequest }) : access({}),
      listAccessRequests: async () => ({
        items: asked ? [pendingRequest] : [],
      }),
      requestAccess: async request => {
        sent.push(request);
        asked = true;
        return pendingRequest;
      },
    });
    await renderForProduct(<AccessContent />, api);

    expect(
      await screen.findByText(/You may see this product, not its data/),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Request access' }),
    );
    const dialog = await screen.findByRole('dialog');
    const send = within(dialog).getByRole('button', {
      name: 'Send the request',
    });
    expect(send).toBeDisabled();
    await userEvent.type(
      within(dialog).getByLabelText(/Purpose/),
      'quarterly revenue report',
    );
    await userEvent.click(send);

    expect(sent).toEqual([{ entityRef, purpose: 'quarterly revenue report' }]);
    expect(
      await screen.findByText(/the product's owners have not answered yet/),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Request access' }),
    ).not.toBeInTheDocument();
  });

  it('shows the owners the pending requests to approve with an end, the grants and the audit trail', async () => {
    const decisions: Array<[string, AccessDecisionInput]> = [];
    const api = fakeDataMeshApi({
      getProductAccess: async () => access({ read: true, decide: true }),
      listAccessRequests: async () => ({ items: [pendingRequest] }),
      listGrants: async () => ({
        items: [
          {
            id: 'g1',
            entityRef,
            principal: 'group:default/finance',
            state: 'active',
            createdAt: new Date(Date.now() - day).toISOString(),
            expiresAt: new Date(Date.now() + 5 * day).toISOString(),
            grantedBy: 'user:default/olivia',
            platforms: [
              {
                platform: 'postgres:warehouse',
                account: 'finance_reader',
                state: 'applied',
              },
            ],
          },
        ],
      }),
      getAccessAudit: async () => ({
        items: [
          {
            id: 1,
            entityRef,
            at: new Date().toISOString(),
            actor: 'user:default/sam',
            action: 'requested',
            principal: 'user:default/sam',
            detail: 'quarterly revenue report',
          },
        ],
      }),
      decideAccessRequest: async (id, decision) => {
        decisions.push([id, decision]);
        return { ...pendingRequest, state: 'approved' };
      },
    });
    await renderForProduct(<AccessContent />, api);

    const pendingTable = await screen.findByRole('table', {
      name: 'Pending requests',
    });
    expect(
      within(pendingTable).getByText('quarterly revenue report'),
    ).toBeInTheDocument();
    const grants = await screen.findByRole('table', { name: 'Grants' });
    expect(
      within(grants).getByText(/postgres:warehouse as finance_reader: applied/),
    ).toBeInTheDocument();
    expect(
      within(grants).getByRole('button', { name: 'Revoke' }),
    ).toBeInTheDocument();
    const audit = await screen.findByRole('table', { name: 'Audit trail' });
    expect(within(audit).getByText('requested')).toBeInTheDocument();

    // Refusing needs a note; approving starts at the requester's end.
    await userEvent.click(
      within(pendingTable).getByRole('button', { name: 'Refuse' }),
    );
    let dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByRole('button', { name: 'Refuse' }),
    ).toBeDisabled();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Cancel' }),
    );

    await userEvent.click(
      within(pendingTable).getByRole('button', { name: 'Approve' }),
    );
    dialog = await screen.findByRole('dialog');
    const ends = within(dialog).getByLabelText(
      'Access ends',
    ) as HTMLInputElement;
    expect(ends.value).not.toBe('');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Approve' }),
    );

    expect(decisions).toHaveLength(1);
    const [id, decision] = decisions[0];
    expect(id).toBe('r1');
    expect(decision.decision).toBe('approve');
    // The requester's end, to the minute the input shows.
    expect(
      Math.abs(
        Date.parse(decision.expiresAt!) - Date.parse(pendingRequest.until!),
      ),
    ).toBeLessThan(60_000);
  });
});
