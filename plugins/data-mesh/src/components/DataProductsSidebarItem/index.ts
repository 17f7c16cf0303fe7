export { DataProductsSidebarItem } from './DataProductsSidebarItem';
