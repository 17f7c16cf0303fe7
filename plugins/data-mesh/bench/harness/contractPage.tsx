/* Runs in the browser: the Contract tab, and Backstage's Table as the baseline. */
import type { DataProductContractResponse } from '@backstage-data-mesh/plugin-data-mesh-client';
import { Table } from '@backstage/core-components';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { ContractContent } from '../../src/components/ContractContent';
import { describeConstraints, propertyFlags } from '../../src/lib/constraints';
import { schemaRows } from '../../src/lib/schemaRows';
import { fakeDataMeshApi } from '../../src/__testUtils__/fakeDataMeshApi';
import { details, salesOrdersEntity } from '../../src/__testUtils__/fixtures';
import { startApp, timeMount } from './benchApp';

interface ContractRun {
  variant: 'contract-tab' | 'backstage-table';
  response: DataProductContractResponse;
  rows: number;
  /** A smaller contract to open first: the measured tab is then the second one opened. */
  warmup?: DataProductContractResponse;
}

const allRows = (rows: number) => () =>
  document.querySelectorAll('[data-path]').length >= rows &&
  !!document.querySelector('[aria-label="Servers"]');

(window as any).__bench = {
  async run({ variant, response, rows, warmup }: ContractRun) {
    let current = warmup ?? response;
    await startApp(
      fakeDataMeshApi({
        getContract: async () => current,
        getProduct: async () => details(),
      }),
    );
    if (variant === 'contract-tab' && warmup) {
      await timeMount(
        <EntityProvider entity={salesOrdersEntity}>
          <ContractContent />
        </EntityProvider>,
        allRows(1),
      );
      await timeMount(<></>, () => !document.querySelector('[data-path]'));
      current = response;
    }
    if (variant === 'contract-tab') {
      const ms = await timeMount(
        <EntityProvider entity={salesOrdersEntity}>
          <ContractContent />
        </EntityProvider>,
        () =>
          document.querySelectorAll('[data-path]').length >= rows &&
          !!document.querySelector('table[aria-label="Servers"]'),
      );
      return { ms, rendered: document.querySelectorAll('[data-path]').length };
    }
    // The baseline: the same fields in Backstage's Table (material-table), unpaged.
    const data = (response.contract?.schema ?? []).flatMap(object =>
      schemaRows(object).map(row => ({
        field: `${object.name}.${row.path}`,
        type: row.property.logicalType ?? '',
        keys: propertyFlags(row.property).join(', '),
        constraints: describeConstraints(row.property).join('; '),
        classification: row.property.classification ?? '',
        description: row.property.description ?? '',
        examples: (row.property.examples ?? []).join(', '),
      })),
    );
    const ms = await timeMount(
      <Table
        title="Schema"
        options={{ paging: false, search: true }}
        columns={[
          'field',
          'type',
          'keys',
          'constraints',
          'classification',
          'description',
          'examples',
        ].map(field => ({ title: field, field }))}
        data={data}
      />,
      () => document.querySelectorAll('tbody tr').length >= rows,
    );
    return { ms, rendered: document.querySelectorAll('tbody tr').length };
  },
};
