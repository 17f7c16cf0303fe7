import { Content, Header, Page } from '@backstage/core-components';
import { DataProductsExplorer } from './DataProductsExplorer';

/** The Data Products page with its own header, for apps on the legacy frontend system. */
export function DataProductsPage() {
  return (
    <Page themeId="tool">
      <Header title="Data Products" subtitle="Every data product of the mesh" />
      <Content>
        <DataProductsExplorer />
      </Content>
    </Page>
  );
}
