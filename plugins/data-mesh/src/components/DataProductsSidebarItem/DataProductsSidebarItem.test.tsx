import { screen } from '@testing-library/react';
import { SidebarPage, Sidebar } from '@backstage/core-components';
import { renderInTestApp } from '@backstage/test-utils';
import { DataProductsSidebarItem } from './DataProductsSidebarItem';

describe('DataProductsSidebarItem', () => {
  it('links the sidebar to the Data Products page', async () => {
    await renderInTestApp(
      <SidebarPage>
        <Sidebar>
          <DataProductsSidebarItem />
        </Sidebar>
      </SidebarPage>,
    );
    expect(
      screen.getByRole('link', { name: /Data Products/ }).getAttribute('href'),
    ).toBe('/data-products');
  });
});
