import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import type { OdcsContract } from '@backstage-data-mesh/plugin-data-mesh-common';
import { QualityRulesCard } from './QualityRulesCard';

describe('QualityRulesCard', () => {
  it('says a library rule without words of its own from its metric, and marks what is not declared', async () => {
    const contract = {
      apiVersion: 'v3.1.0',
      kind: 'DataContract',
      id: 'orders',
      version: '1.0.0',
      status: 'active',
      schema: [
        {
          name: 'orders',
          quality: [
            { metric: 'rowCount', mustBeGreaterThan: 100 },
            {
              name: 'no refunds',
              type: 'sql',
              query: 'SELECT 0',
              mustBe: 0,
              dimension: 'accuracy',
              severity: 'error',
            },
          ],
        },
      ],
    } as unknown as OdcsContract;
    await renderInTestApp(<QualityRulesCard contract={contract} />);
    const [, rowCount, sql] = screen.getAllByRole('row');
    expect(
      within(rowCount)
        .getAllByRole('cell')
        .map(c => c.textContent),
    ).toEqual([
      'orders',
      'rows in orders > 100',
      'rowCount',
      '> 100',
      'coverage (implied)',
      '–',
    ]);
    expect(within(sql).getAllByRole('cell')[4].textContent).toBe('accuracy');
  });
});
