import { readContract } from '@backstage-data-mesh/plugin-data-mesh-common';
import { DataProductContractResponse } from '@backstage-data-mesh/plugin-data-mesh-client';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fileText } from '../../__testUtils__/ownFiles';
import {
  backendError,
  fakeDataMeshApi,
  pending,
} from '../../__testUtils__/fakeDataMeshApi';
import { details } from '../../__testUtils__/fixtures';
import { renderForProduct } from '../../__testUtils__/renderForProduct';
import { ContractContent } from './ContractContent';

function contractResponse(path: string): DataProductContractResponse {
  const source = fileText(path);
  const reading = readContract(source, { fileName: path });
  return {
    format: reading.format,
    contract: reading.contract,
    source,
    location: `/examples/${path}`,
    issues: reading.issues,
  };
}

describe('ContractContent', () => {
  it('shows the version, status, schema, quality rules, servers and source of a real contract', async () => {
    const api = fakeDataMeshApi({
      getContract: async () => contractResponse('parcels.odcs.yaml'),
      getProduct: async () => details(),
    });
    await renderForProduct(<ContractContent />, api);

    expect(await screen.findByTestId('contract-version')).toHaveTextContent(
      '2.3.0',
    );
    const fields = screen.getByRole('table', { name: 'Fields of handovers' });
    const row = (name: string) =>
      within(fields).getByText(name).closest<HTMLElement>('[role=row]')!;
    const day = row('handed_over_on');
    expect(within(day).getByText('partition 1')).toBeInTheDocument();
    expect(within(day).queryByText('PII')).not.toBeInTheDocument();
    const id = row('handover_id');
    expect(within(id).getByText('primary key 1')).toBeInTheDocument();
    expect(
      within(id).getByText('c1f1a2b4-7d1e-4c36-9a0e-7b1c2d3e4f50'),
    ).toBeInTheDocument();
    expect(
      within(row('carrier_code')).getByText('references carriers.code'),
    ).toBeInTheDocument();
    // "confidential" is a sensitive classification: the field holds personal data.
    expect(within(row('recipient_email')).getByText('PII')).toBeInTheDocument();
    expect(
      screen.getByRole('table', { name: 'Quality rules' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Servers' })).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: /Download .*\.odcs\.yaml/ }),
    ).toBeInTheDocument();
  });

  it('marks the fields where the data departs from the contract', async () => {
    const api = fakeDataMeshApi({
      getContract: async () => contractResponse('parcels.odcs.yaml'),
      getProduct: async () => details(),
      getSchemaDrift: async () => ({
        status: 'fail',
        observedAt: '2025-06-15T11:00:00Z',
        findings: [
          {
            kind: 'missing',
            severity: 'breaking',
            object: 'handovers',
            field: 'carrier_code',
            message:
              'handovers.carrier_code is in the contract but not in the data',
          },
          {
            kind: 'unknown',
            severity: 'warning',
            object: 'handovers',
            field: 'carrier',
            actual: 'VARCHAR',
            message: 'handovers.carrier is in the data but not in the contract',
          },
        ],
      }),
    });
    await renderForProduct(<ContractContent />, api);
    const fields = await screen.findByRole('table', {
      name: 'Fields of handovers',
    });
    const receiver = within(fields)
      .getByText('carrier_code')
      .closest<HTMLElement>('[role=row]')!;
    expect(
      within(receiver).getByLabelText(
        'Schema drift: handovers.carrier_code is in the contract but not in the data',
      ),
    ).toHaveTextContent('drift: not in the data');
    expect(
      screen.getByText(/the data breaks the contract in 1 place/),
    ).toBeInTheDocument();
    expect(screen.getByRole('note')).toHaveTextContent(
      'In the data but not in the contract: carrier (VARCHAR)',
    );
  });

  it('indents nested objects and array items, and collapses them', async () => {
    const api = fakeDataMeshApi({
      getContract: async () => contractResponse('parcels.odcs.yaml'),
      getProduct: async () => details(),
    });
    await renderForProduct(<ContractContent />, api);

    const table = await screen.findByRole('table', {
      name: 'Fields of handovers',
    });
    expect(within(table).getByText('[items]')).toBeInTheDocument();
    expect(within(table).getByText('gate')).toBeInTheDocument();
    expect(within(table).getByText('width_mm')).toBeInTheDocument();
    await userEvent.click(
      within(table).getByRole('button', { name: 'Collapse scans' }),
    );
    expect(within(table).queryByText('gate')).not.toBeInTheDocument();
    expect(within(table).getByText('width_mm')).toBeInTheDocument();
    expect(
      within(table).getByRole('button', { name: 'Expand scans' }),
    ).toHaveAttribute('aria-expanded', 'false');
  });

  it('narrows the schema to the fields a search matches, keeping their parents', async () => {
    const api = fakeDataMeshApi({
      getContract: async () => contractResponse('parcels.odcs.yaml'),
      getProduct: async () => details(),
    });
    await renderForProduct(<ContractContent />, api);
    await screen.findByRole('table', { name: 'Fields of handovers' });

    await userEvent.type(
      screen.getByRole('textbox', { name: 'Search fields' }),
      'gate',
    );

    expect(
      await screen.findByText(/1 of \d+ fields match|\d+ of \d+ fields match/),
    ).toBeInTheDocument();
    const table = screen.getByRole('table', {
      name: 'Fields of handovers',
    });
    expect(within(table).getByText('gate')).toBeInTheDocument();
    expect(within(table).getByText('scans')).toBeInTheDocument();
    expect(within(table).queryByText('weight_grams')).not.toBeInTheDocument();
    expect(
      screen.queryByRole('table', { name: 'Fields of carriers' }),
    ).not.toBeInTheDocument();
  });

  it('lists what is wrong with an invalid contract and still offers its source', async () => {
    const response = contractResponse('invalid/empty-enum.odcs.yaml');
    expect(response.issues.length).toBeGreaterThan(0);
    const api = fakeDataMeshApi({
      getContract: async () => ({ ...response, contract: undefined }),
      getProduct: async () => details(),
      getContractVersions: async () => ({ items: [] }),
    });
    await renderForProduct(<ContractContent />, api);

    expect(
      await screen.findByText(/issues? in the contract/),
    ).toBeInTheDocument();
    expect(
      screen.getByText('The contract could not be read'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Copy/ })).toBeInTheDocument();
  });

  it('shows a progress bar while the contract loads', async () => {
    const api = fakeDataMeshApi({ getContract: pending, getProduct: pending });
    await renderForProduct(<ContractContent />, api);
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('says what failed when the backend answers with an error', async () => {
    const api = fakeDataMeshApi({
      getContract: async () => {
        throw await backendError(500, 'the catalog did not answer');
      },
      getProduct: pending,
    });
    await renderForProduct(<ContractContent />, api);
    expect(
      await screen.findByText(/Could not load the contract/),
    ).toBeInTheDocument();
    // The panel says it in its message line, and again in the response body it shows
    // once that has rendered.
    expect(
      screen.getAllByText(/the catalog did not answer/)[0],
    ).toBeInTheDocument();
  });

  it('explains a product that is not shown to the user, rather than showing an error', async () => {
    const api = fakeDataMeshApi({
      getContract: async () => {
        throw await backendError(
          404,
          'no data product component:default/sales-orders',
        );
      },
      getProduct: pending,
    });
    await renderForProduct(<ContractContent />, api);
    expect(
      await screen.findByText('This data product is not shown to you'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Could not load/)).not.toBeInTheDocument();
  });

  it('says whom to ask when the user may see a product but not its data', async () => {
    const api = fakeDataMeshApi({
      getContract: async () => {
        throw await backendError(
          403,
          'component:default/sales-orders is confidential: its data is shown to its readers only. Ask group:default/sales-analytics for read access.',
        );
      },
      getProduct: pending,
    });
    await renderForProduct(<ContractContent />, api);
    expect(
      await screen.findByText(
        'Restricted: you may see this product, not its data',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Ask group:default\/sales-analytics for read access/),
    ).toBeInTheDocument();
  });

  it('says that examples and the source are for readers when the contract comes redacted', async () => {
    const api = fakeDataMeshApi({
      getContract: async () => ({
        format: 'odcs',
        contract: {
          apiVersion: 'v3.1.0',
          kind: 'DataContract',
          id: 'orders',
          version: '1.0.0',
          status: 'active',
        },
        redacted: true,
        issues: [],
      }),
      getProduct: pending,
    });
    await renderForProduct(<ContractContent />, api);
    expect(
      await screen.findByText(
        /examples and source file are shown to the product's readers only/,
      ),
    ).toBeInTheDocument();
  });

  it('says when the contract declares no schema', async () => {
    const api = fakeDataMeshApi({
      getContract: async () => ({
        format: 'odcs',
        contract: {
          apiVersion: 'v3.1.0',
          kind: 'DataContract',
          id: 'empty',
          version: '0.1.0',
          status: 'draft',
        },
        source: 'apiVersion: v3.1.0\n',
        issues: [],
      }),
      getProduct: async () => details({ servers: [], ports: [] }),
    });
    await renderForProduct(<ContractContent />, api);
    expect(
      await screen.findByText('This contract declares no schema'),
    ).toBeInTheDocument();
    expect(screen.getByText(/No server configured/)).toBeInTheDocument();
  });

  it('skips rendering rows out of view in long schemas only, keeping them in the document', async () => {
    const contract = (fields: number) => ({
      format: 'odcs',
      contract: {
        apiVersion: 'v3.1.0' as const,
        kind: 'DataContract' as const,
        id: 'wide',
        version: '1.0.0',
        schema: [
          {
            name: 'wide',
            properties: Array.from({ length: fields }, (_, i) => ({
              name: `f${i}`,
              logicalType: 'string' as const,
            })),
          },
        ],
      },
      source: '',
      issues: [],
    });
    const short = await renderForProduct(
      <ContractContent />,
      fakeDataMeshApi({
        getContract: async () => contract(100),
        getProduct: async () => details(),
      }),
    );
    expect(
      await screen.findByRole('table', { name: 'Fields of wide' }),
    ).not.toHaveClass('long');
    short.unmount();

    await renderForProduct(
      <ContractContent />,
      fakeDataMeshApi({
        getContract: async () => contract(101),
        getProduct: async () => details(),
      }),
    );
    const table = await screen.findByRole('table', { name: 'Fields of wide' });
    expect(table).toHaveClass('long');
    expect(within(table).getAllByRole('row')).toHaveLength(102);
  });
});
