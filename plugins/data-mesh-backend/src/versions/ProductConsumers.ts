/**
 * The consumers of a product as the backend knows them: the products whose input ports name
 * it (by ref or by its contract id, with the fields they declare), the users and groups
 * holding a read grant, and the products OpenLineage saw reading it (with the columns).
 * Decided by `consumersOfProduct` of data-mesh-common.
 */
import {
  type ProductConsumer,
  consumersOfProduct,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type { DataProduct, ProductCatalog } from '../products/DataProduct';
import type { GrantLookup } from '../access/ProductAccessGate';
import type { LineageService } from '../lineage/LineageService';

export class ProductConsumers {
  constructor(
    private readonly options: {
      products: ProductCatalog;
      grants: GrantLookup;
      lineage: Pick<LineageService, 'graph'>;
    },
  ) {}

  async of(product: DataProduct): Promise<ProductConsumer[]> {
    const products = await this.options.products.listProducts();
    const graph = await this.options.lineage.graph();
    const down = graph.traverse(product.entityRef, {
      direction: 'down',
      depth: 1,
      columns: true,
    });
    return consumersOfProduct({
      product,
      products,
      grants: this.options.grants(product.entityRef),
      lineage: down.edges,
    });
  }
}
