import { SidebarItem } from '@backstage/core-components';
import StorageIcon from '@mui/icons-material/Storage';

/**
 * The sidebar entry of the Data Products page, for apps on the legacy frontend system:
 * `<DataProductsSidebarItem />` in `Root.tsx`, beside the other `SidebarItem`s. It links to
 * `/data-products`, where the app mounts `DataProductsPage`.
 *
 * @public
 */
export function DataProductsSidebarItem() {
  return (
    <SidebarItem icon={StorageIcon} to="data-products" text="Data Products" />
  );
}
