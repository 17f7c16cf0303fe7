import { screen, within } from '@testing-library/react';
import {
  backendError,
  fakeDataMeshApi,
  pending,
} from '../../__testUtils__/fakeDataMeshApi';
import { details, salesOrdersEntity } from '../../__testUtils__/fixtures';
import { renderForProduct } from '../../__testUtils__/renderForProduct';
import { DataProductCard } from './DataProductCard';

describe('DataProductCard', () => {
  it('shows owner, domain, kind, version, classification, SLO health, governance and links to the tabs', async () => {
    const api = fakeDataMeshApi({
      getProduct: async () =>
        details({ sloHealth: 'breached', governance: 'warn' }),
    });
    await renderForProduct(<DataProductCard />, api);

    expect(await screen.findByText('Breached')).toBeInTheDocument();
    expect(screen.getByText('Warn')).toBeInTheDocument();
    expect(screen.getByText('1.4.0')).toBeInTheDocument();
    expect(screen.getByText('confidential')).toBeInTheDocument();
    expect(screen.getByText('source-aligned')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'sales-analytics' }),
    ).toHaveAttribute('href', '/catalog/default/group/sales-analytics');
    expect(screen.getByRole('link', { name: 'sales' })).toHaveAttribute(
      'href',
      '/catalog/default/domain/sales',
    );
    const tabs = screen.getByRole('navigation', { name: 'Data product tabs' });
    expect(
      within(tabs)
        .getAllByRole('link')
        .map(a => [a.textContent, a.getAttribute('href')]),
    ).toEqual([
      ['Contract', '/catalog/default/component/sales-orders/contract'],
      ['SLOs', '/catalog/default/component/sales-orders/slos'],
      ['Lineage', '/catalog/default/component/sales-orders/lineage'],
      ['Governance', '/catalog/default/component/sales-orders/governance'],
      ['Access', '/catalog/default/component/sales-orders/access'],
    ]);
  });

  it("says whom to ask: the owner, the contract's team and its support channels", async () => {
    const api = fakeDataMeshApi({
      getProduct: async () => details(),
      getContract: async () => ({
        format: 'odcs',
        issues: [],
        contract: {
          apiVersion: 'v3.1.0',
          kind: 'DataContract',
          id: 'urn:datacontract:sales:orders',
          version: '1.4.0',
          status: 'active',
          team: {
            name: 'sales-analytics',
            members: [
              { username: 'sam@example.com', role: 'Data Product Owner' },
            ],
          },
          support: [
            {
              channel: '#sales-data',
              tool: 'slack',
              url: 'https://chat.example.com/channels/sales-data',
            },
          ],
        } as any,
      }),
    });
    await renderForProduct(<DataProductCard />, api);
    const contacts = await screen.findByRole('region', { name: 'Contacts' });
    expect(
      await within(contacts).findByRole('link', { name: /^#sales-data/ }),
    ).toHaveAttribute('href', 'https://chat.example.com/channels/sales-data');
    expect(
      within(contacts).getByRole('link', { name: /^sam@example.com/ }),
    ).toHaveAttribute('href', 'mailto:sam@example.com');
    expect(
      within(contacts).getByText(/Data Product Owner/),
    ).toBeInTheDocument();
    expect(
      within(contacts).getByRole('link', { name: 'sales-analytics' }),
    ).toHaveAttribute('href', '/catalog/default/group/sales-analytics');
  });

  it('shows what the catalog knows while the backend answers', async () => {
    await renderForProduct(
      <DataProductCard />,
      fakeDataMeshApi({ getProduct: pending }),
    );
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
    expect(screen.getByText('source-aligned')).toBeInTheDocument();
    expect(screen.getByText('production')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'sales-analytics' }),
    ).toBeInTheDocument();
  });

  it('keeps the catalog facts and says what is unknown when the backend fails', async () => {
    const api = fakeDataMeshApi({
      getProduct: async () => {
        throw await backendError(503, 'backend starting');
      },
    });
    await renderForProduct(<DataProductCard />, api, {
      ...salesOrdersEntity,
      spec: { ...salesOrdersEntity.spec, dataProduct: { kind: 'aggregate' } },
    });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /SLO health and governance are unknown/,
    );
    expect(screen.getByText('aggregate')).toBeInTheDocument();
  });
});
