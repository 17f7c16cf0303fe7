import { columnOwner } from './LineageService';

const product = (...objects: Array<{ name: string; physicalName?: string }>) =>
  ({ contract: { schema: objects } } as any);

describe('columnOwner', () => {
  it("names a product's column by its schema object, never by the file's path on a server", () => {
    expect(
      columnOwner(
        '/srv/portal/.data/example-data/data/sales-orders/orders.parquet',
        product({ name: 'orders' }),
      ),
    ).toBe('orders');
    expect(
      columnOwner(
        '/srv/data/ledger/journal_lines_v2.parquet',
        product(
          { name: 'journal_lines', physicalName: 'journal_lines_v2' },
          { name: 'accounts' },
        ),
      ),
    ).toBe('journal_lines');
  });

  it('names an external dataset by its table or file name', () => {
    expect(columnOwner('orders.v1', undefined)).toBe('orders.v1');
    expect(columnOwner('/landing/raw/events.json', undefined)).toBe('events');
  });
});
