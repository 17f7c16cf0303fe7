import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import {
  DataProductSearchResult,
  snippetLines,
} from './DataProductSearchResult';

const text = [
  'Every order placed in the web shop, one row per order.',
  'Sales orders.',
  'order_id: Unique order identifier.',
  'customer_email: E-mail address the customer gave at checkout.',
  'channel: Where the order came from.',
].join('\n');
const pre = '<mark-1>';
const post = '</mark-1>';
const highlighted = text.replace(/customer/g, `${pre}customer${post}`);

describe('snippetLines', () => {
  it('keeps the description and the lines the search matched', () => {
    expect(snippetLines(text, highlighted, pre)).toEqual({
      description: 'Every order placed in the web shop, one row per order.',
      matched: [
        `${pre}customer${post}_email: E-mail address the ${pre}customer${post} gave at checkout.`,
      ],
    });
  });
});

describe('DataProductSearchResult', () => {
  it('shows the title to the contract, the description, the matched fields and who owns it', async () => {
    await renderInTestApp(
      <DataProductSearchResult
        result={
          {
            title: 'Sales orders',
            text,
            location: '/catalog/default/component/sales-orders/contract',
            owner: 'group:default/sales-analytics',
            domain: 'domain:default/sales',
            classification: 'confidential',
          } as any
        }
        highlight={{
          preTag: pre,
          postTag: post,
          fields: { text: highlighted },
        }}
      />,
    );
    expect(screen.getByRole('link', { name: 'Sales orders' })).toHaveAttribute(
      'href',
      '/catalog/default/component/sales-orders/contract',
    );
    const matched = screen.getByRole('list', {
      name: 'Matched in the contract',
    });
    expect(within(matched).getAllByRole('listitem')).toHaveLength(1);
    expect(matched).toHaveTextContent(
      'customer_email: E-mail address the customer gave at checkout.',
    );
    expect(
      screen.getByText(
        'Data product · owner sales-analytics · domain sales · confidential',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/channel:/)).not.toBeInTheDocument();
  });
});
