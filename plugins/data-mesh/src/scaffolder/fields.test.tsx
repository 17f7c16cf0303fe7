import type { Entity } from '@backstage/catalog-model';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { CatalogEntityField } from './CatalogEntityField';
import { ProductNameField, productNameHint } from './ProductNameField';

const entity = (
  kind: string,
  name: string,
  title: string,
  partOf?: string,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default', title },
  spec: {},
  relations: partOf ? [{ type: 'partOf', targetRef: partOf }] : [],
});

const catalog = [
  entity('Domain', 'sales', 'Sales'),
  entity('Domain', 'product', 'Product'),
  entity('System', 'sales-data', 'Sales data', 'domain:default/sales'),
  entity('System', 'product-data', 'Product data', 'domain:default/product'),
  entity('Group', 'sales-analytics', 'Sales Analytics'),
  entity('Group', 'product-analytics', 'Product Analytics'),
];

/** A form holding `initial`, where each field writes its value under its key. */
function Form(props: {
  initial: Record<string, unknown>;
  render(
    data: Record<string, unknown>,
    set: (key: string) => (value: unknown) => void,
  ): JSX.Element;
}) {
  const [data, setData] = useState(props.initial);
  const set = (key: string) => (value: unknown) =>
    setData(current => ({ ...current, [key]: value }));
  return (
    <>
      {props.render(data, set)}
      <output aria-label="form data">{JSON.stringify(data)}</output>
    </>
  );
}

const formData = () =>
  JSON.parse(screen.getByLabelText('form data').textContent ?? '{}');

const field = (key: string, extra: Record<string, unknown>) =>
  ({
    idSchema: { $id: `root_${key}` },
    schema: { title: key[0].toUpperCase() + key.slice(1) },
    rawErrors: [],
    ...extra,
  } as any);

describe('ProductNameField', () => {
  it('suggests the name from the title until the name is edited', async () => {
    await renderInTestApp(
      <Form
        initial={{ title: '' }}
        render={(data, set) => (
          <>
            <input
              aria-label="Title"
              value={String(data.title)}
              onChange={e => set('title')(e.target.value)}
            />
            <ProductNameField
              {...field('name', {})}
              formData={data.name as string}
              onChange={set('name')}
              formContext={{ formData: data }}
              uiSchema={{ 'ui:options': { titleField: 'title' } }}
            />
          </>
        )}
      />,
    );
    await userEvent.type(screen.getByLabelText('Title'), 'UX Checkout Events');
    await waitFor(() => expect(formData().name).toBe('ux-checkout-events'));
    expect(
      screen.getByText('Suggested from the title: edit it if you like.'),
    ).toBeInTheDocument();

    const name = screen.getByRole('textbox', { name: 'Name' });
    await userEvent.clear(name);
    await userEvent.type(name, 'UX orders');
    expect(
      screen.getByText(
        'Use lower-case letters and digits, words joined by single hyphens, e.g. ux-checkout-events.',
      ),
    ).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Title'), ' 2');
    expect(formData().name).toBe('UX orders');
  });

  it('says what a name may be made of, in words', () => {
    expect(productNameHint('Web Orders')).toBe(
      'Use lower-case letters and digits, words joined by single hyphens.',
    );
  });
});

describe('CatalogEntityField', () => {
  const render = (initial: Record<string, unknown>, owner?: string) =>
    renderInTestApp(
      <Form
        initial={initial}
        render={(data, set) => (
          <>
            <CatalogEntityField
              {...field('domain', {})}
              formData={data.domain as string}
              onChange={set('domain')}
              formContext={{ formData: data }}
              uiSchema={{ 'ui:options': { kind: 'Domain' } }}
            />
            <CatalogEntityField
              {...field('system', {})}
              formData={data.system as string}
              onChange={set('system')}
              formContext={{ formData: data }}
              uiSchema={{
                'ui:options': { kind: 'System', partOfField: 'domain' },
              }}
            />
            <CatalogEntityField
              {...field('owner', {})}
              formData={data.owner as string}
              onChange={set('owner')}
              formContext={{ formData: data }}
              uiSchema={{
                'ui:options': { kind: 'Group', defaultToUserGroup: true },
              }}
            />
          </>
        )}
      />,
      {
        apis: [
          catalogApiMock({ entities: catalog }),
          mockApis.identity({
            userEntityRef: 'user:default/pat',
            ownershipEntityRefs: owner
              ? ['user:default/pat', owner]
              : ['user:default/pat'],
          }),
        ],
      },
    );

  it("shows titles, offers the chosen domain's systems only, and starts with the user's team", async () => {
    await render({}, 'group:default/product-analytics');
    await waitFor(() =>
      expect(formData().owner).toBe('group:default/product-analytics'),
    );
    expect(screen.getByRole('combobox', { name: 'Owner' })).toHaveValue(
      'Product Analytics',
    );
    expect(screen.getByRole('combobox', { name: 'System' })).toBeDisabled();
    expect(screen.getByText('Pick the domain first.')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('combobox', { name: 'Domain' }));
    await userEvent.click(
      await screen.findByRole('option', { name: /^Sales/ }),
    );
    expect(formData().domain).toBe('domain:default/sales');
    expect(screen.getByRole('combobox', { name: 'Domain' })).toHaveValue(
      'Sales',
    );
    const system = screen.getByRole('combobox', { name: 'System' });
    await waitFor(() => expect(system).toBeEnabled());
    await userEvent.click(system);
    expect(
      await screen.findByRole('option', { name: /^Sales data/ }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('option', { name: /^Product data/ }),
    ).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('option', { name: /^Sales data/ }));
    expect(formData().system).toBe('system:default/sales-data');

    // another domain: the sales system is not part of it any more
    await userEvent.click(screen.getByRole('combobox', { name: 'Domain' }));
    await userEvent.click(
      await screen.findByRole('option', { name: /^Product/ }),
    );
    await waitFor(() => expect(formData().system).toBeUndefined());
  });

  it('leaves the owner empty for someone in no team', async () => {
    await render({});
    await screen.findByRole('combobox', { name: 'Owner' });
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(formData().owner).toBeUndefined();
  });
});
