import type { LineageResponse } from '@backstage-data-mesh/plugin-data-mesh-common';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ProductLineageQuery } from '../../api';
import {
  backendError,
  fakeDataMeshApi,
  pending,
} from '../../__testUtils__/fakeDataMeshApi';
import { renderForProduct } from '../../__testUtils__/renderForProduct';
import { LineageContent } from './LineageContent';

function lineage(query: ProductLineageQuery): LineageResponse {
  const nodes: LineageResponse['nodes'] = [
    {
      entityRef: 'component:default/sales-orders',
      title: 'Sales orders',
      owner: 'group:default/sales-analytics',
      domain: 'domain:default/sales',
      sloHealth: 'healthy',
      depth: 0,
    },
    {
      entityRef: 'dataset:kafka/orders.v1',
      title: 'orders.v1',
      sloHealth: 'unknown',
      external: true,
      depth: 1,
    },
    {
      entityRef: 'component:default/revenue-metrics',
      title: 'Revenue metrics',
      owner: 'group:default/sales-analytics',
      domain: 'domain:default/sales',
      sloHealth: 'breached',
      depth: 1,
    },
  ];
  const edges: LineageResponse['edges'] = [
    {
      from: 'dataset:kafka/orders.v1',
      to: 'component:default/sales-orders',
      source: 'openlineage',
    },
    {
      from: 'component:default/sales-orders',
      to: 'component:default/revenue-metrics',
      source: 'declared',
      columns: query.columns
        ? [{ from: 'orders.total_amount', to: 'revenue.amount' }]
        : undefined,
    },
  ];
  if (query.depth > 1) {
    nodes.push({
      entityRef: 'component:default/financial-metrics',
      title: 'Financial metrics',
      owner: 'group:default/finance-analytics',
      sloHealth: 'error',
      depth: 2,
    });
    edges.push({
      from: 'component:default/revenue-metrics',
      to: 'component:default/financial-metrics',
      source: 'declared',
    });
  }
  return {
    root: query.entityRef,
    direction: query.direction,
    depth: query.depth,
    nodes,
    edges,
    truncated: query.depth === 1,
  };
}

describe('LineageContent', () => {
  it('draws one hop both ways by default and lists the neighbours with owner and health', async () => {
    const queries: ProductLineageQuery[] = [];
    const api = fakeDataMeshApi({
      getLineage: async q => {
        queries.push(q);
        return lineage(q);
      },
    });
    await renderForProduct(<LineageContent />, api);

    expect(
      await screen.findByRole('img', {
        name: /Lineage graph of 3 data products/,
      }),
    ).toHaveAttribute('data-node-count', '3');
    expect(queries).toEqual([
      {
        entityRef: 'component:default/sales-orders',
        depth: 1,
        direction: 'both',
        columns: false,
      },
    ]);
    expect(
      screen.getByText(/1 upstream and 1 downstream product within 1 hop/),
    ).toBeInTheDocument();
    expect(screen.getByText(/More lie further away/)).toBeInTheDocument();

    const table = screen.getByRole('table', {
      name: 'Products in the lineage graph',
    });
    const revenue = within(table).getByText('Revenue metrics').closest('tr')!;
    expect(within(revenue).getByText('downstream, 1 hop')).toBeInTheDocument();
    expect(within(revenue).getByText('Breached')).toBeInTheDocument();
    expect(
      within(revenue).getByRole('link', { name: 'Revenue metrics' }),
    ).toHaveAttribute('href', '/catalog/default/component/revenue-metrics');
    const source = within(table)
      .getByText(/orders.v1 \(external dataset\)/)
      .closest('tr')!;
    expect(within(source).getByText('upstream, 1 hop')).toBeInTheDocument();
    expect(within(source).queryByRole('link')).not.toBeInTheDocument();
  });

  it('shows a product the user may not discover as a hidden product, without a link', async () => {
    const api = fakeDataMeshApi({
      getLineage: async q => {
        const response = lineage(q);
        response.nodes.push({
          entityRef: 'hidden:1',
          hidden: true,
          sloHealth: 'unknown',
          depth: 1,
        });
        response.edges.push({
          from: 'component:default/sales-orders',
          to: 'hidden:1',
          source: 'declared',
        });
        return response;
      },
    });
    await renderForProduct(<LineageContent />, api);
    const table = await screen.findByRole('table', {
      name: 'Products in the lineage graph',
    });
    const hidden = within(table).getByText('Hidden product').closest('tr')!;
    expect(within(hidden).queryByRole('link')).not.toBeInTheDocument();
    expect(within(hidden).getByText('downstream, 1 hop')).toBeInTheDocument();
  });

  it('says a product whose data the user may not read is restricted, not unmeasured', async () => {
    const api = fakeDataMeshApi({
      getLineage: async q => {
        const response = lineage(q);
        response.nodes[2] = {
          ...response.nodes[2],
          sloHealth: 'unknown',
          restricted: true,
        };
        return response;
      },
    });
    await renderForProduct(<LineageContent />, api);
    const table = await screen.findByRole('table', {
      name: 'Products in the lineage graph',
    });
    const revenue = within(table).getByText('Revenue metrics').closest('tr')!;
    expect(within(revenue).getByText('Restricted')).toBeInTheDocument();
    expect(within(revenue).queryByText('Not measured')).not.toBeInTheDocument();
  });

  it('asks again when the depth, direction or column lineage change', async () => {
    const queries: ProductLineageQuery[] = [];
    const api = fakeDataMeshApi({
      getLineage: async q => {
        queries.push(q);
        return lineage(q);
      },
    });
    await renderForProduct(<LineageContent />, api);
    await screen.findByRole('table', { name: 'Products in the lineage graph' });

    await userEvent.click(screen.getByRole('button', { name: 'Downstream' }));
    await userEvent.click(screen.getByRole('combobox', { name: 'Depth' }));
    await userEvent.click(
      await screen.findByRole('option', { name: '2 hops' }),
    );
    expect(await screen.findByText('Financial metrics')).toBeInTheDocument();
    expect(screen.getByText('downstream, 2 hops')).toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Column lineage' }),
    );
    const columns = await screen.findByRole('table', {
      name: 'Column lineage',
    });
    expect(
      within(columns).getByText('orders.total_amount'),
    ).toBeInTheDocument();
    expect(within(columns).getByText('revenue.amount')).toBeInTheDocument();

    expect(queries.slice(1)).toEqual([
      {
        entityRef: 'component:default/sales-orders',
        depth: 1,
        direction: 'down',
        columns: false,
      },
      {
        entityRef: 'component:default/sales-orders',
        depth: 2,
        direction: 'down',
        columns: false,
      },
      {
        entityRef: 'component:default/sales-orders',
        depth: 2,
        direction: 'down',
        columns: true,
      },
    ]);
  });

  it('opens with the settings a shared link names, and draws the column lineage', async () => {
    const queries: ProductLineageQuery[] = [];
    const api = fakeDataMeshApi({
      getLineage: async q => {
        queries.push(q);
        return lineage(q);
      },
    });
    await renderForProduct(
      <LineageContent />,
      api,
      undefined,
      '/?depth=2&direction=down&columns=true',
    );
    const diagram = await screen.findByRole('img', {
      name: 'Column lineage from Sales orders to Revenue metrics: 1 column link',
    });
    expect(diagram.querySelectorAll('path')).toHaveLength(1);
    expect(
      within(diagram).getByText('orders.total_amount'),
    ).toBeInTheDocument();
    expect(queries[0]).toEqual({
      entityRef: 'component:default/sales-orders',
      depth: 2,
      direction: 'down',
      columns: true,
    });
    expect(
      screen.getByRole('checkbox', { name: 'Column lineage' }),
    ).toBeChecked();
  });

  it('shows which products governance blocks', async () => {
    const api = fakeDataMeshApi({
      getLineage: async q => {
        const answer = lineage(q);
        answer.nodes[2] = { ...answer.nodes[2], governance: 'block' };
        return answer;
      },
    });
    await renderForProduct(<LineageContent />, api);
    const table = await screen.findByRole('table', {
      name: 'Products in the lineage graph',
    });
    expect(
      within(
        within(table).getByText('Revenue metrics').closest('tr')!,
      ).getByText('Block'),
    ).toBeInTheDocument();
  });

  it('says when no product feeds or reads this one', async () => {
    const api = fakeDataMeshApi({
      getLineage: async q => ({
        root: q.entityRef,
        direction: q.direction,
        depth: q.depth,
        nodes: [lineage(q).nodes[0]],
        edges: [],
        truncated: false,
      }),
    });
    await renderForProduct(<LineageContent />, api);
    expect(await screen.findByText('No lineage')).toBeInTheDocument();
  });

  it('says when column lineage is asked for but unknown', async () => {
    const api = fakeDataMeshApi({
      getLineage: async q => lineage({ ...q, columns: false }),
    });
    await renderForProduct(<LineageContent />, api);
    await screen.findByRole('table', { name: 'Products in the lineage graph' });
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Column lineage' }),
    );
    expect(
      await screen.findByText(/No column lineage is known for these products/),
    ).toBeInTheDocument();
  });

  it('shows progress, then the error when the backend fails', async () => {
    const { unmount } = await renderForProduct(
      <LineageContent />,
      fakeDataMeshApi({ getLineage: pending }),
    );
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
    unmount();
    await renderForProduct(
      <LineageContent />,
      fakeDataMeshApi({
        getLineage: async () => {
          throw await backendError(400, 'depth must be between 1 and 10');
        },
      }),
    );
    expect(
      await screen.findByText(/Could not load the lineage/),
    ).toBeInTheDocument();
    // The panel says it in its message line, and again in the response body it shows
    // once that has rendered.
    expect(
      screen.getAllByText(/depth must be between 1 and 10/)[0],
    ).toBeInTheDocument();
  });
});
