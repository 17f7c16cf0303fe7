import { readContract } from '@backstage-data-mesh/plugin-data-mesh-common';
import fs from 'node:fs';
import path from 'node:path';
import { contactsOf } from './contacts';

const example = (name: string, file: string) =>
  readContract(
    fs.readFileSync(
      path.resolve(__dirname, '../../../../examples/products', name, file),
      'utf8',
    ),
  ).contract;

describe('contactsOf', () => {
  it("reads the example sales orders' team and support channels", () => {
    expect(
      contactsOf(example('sales-orders', 'sales-orders.odcs.yaml')),
    ).toEqual({
      team: 'sales-analytics',
      members: [
        {
          label: 'sam@example.com',
          href: 'mailto:sam@example.com',
          detail: 'Data Product Owner',
        },
      ],
      channels: [
        {
          label: '#sales-data',
          href: 'https://chat.example.com/channels/sales-data',
          detail: 'Slack',
        },
        {
          label: 'sales-data@example.com',
          href: 'mailto:sales-data@example.com',
          detail: 'e-mail',
        },
      ],
    });
  });

  it('shows the contact a new product was created with', () => {
    expect(
      contactsOf({
        apiVersion: 'v3.1.0',
        kind: 'DataContract',
        id: 'x',
        version: '1.0.0',
        status: 'draft',
        team: { name: 'product-analytics' },
        support: [
          { channel: 'email', tool: 'email', url: 'mailto:ux@example.com' },
        ],
      } as any).channels,
    ).toEqual([
      {
        label: 'ux@example.com',
        href: 'mailto:ux@example.com',
        detail: 'e-mail',
      },
    ]);
  });

  it('reads the older list of members, leaves out who left, and links only web pages and e-mail', () => {
    const contacts = contactsOf(
      {
        team: [
          { username: 'ana', name: 'Ana', role: 'steward' },
          { username: 'old@example.com', dateOut: '2020-01-01' },
        ],
        support: [
          { channel: 'wiki', url: 'file:///etc/passwd' },
          {
            channel: 'tickets',
            tool: 'ticket',
            url: 'https://jira.example.com/DATA',
          },
        ],
      } as any,
      Date.parse('2025-01-01'),
    );
    expect(contacts.members).toEqual([
      { label: 'Ana (ana)', detail: 'steward' },
    ]);
    expect(contacts.channels).toEqual([
      { label: 'wiki' },
      {
        label: 'tickets',
        href: 'https://jira.example.com/DATA',
        detail: 'ticket',
      },
    ]);
    expect(contactsOf(undefined)).toEqual({ members: [], channels: [] });
  });
});
