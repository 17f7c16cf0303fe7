/**
 * Keeps the product index (the explorer's list in the database) in step with the products
 * and their SLO states: whole at start, then the products that changed, and a product's
 * health whenever a run of it is recorded.
 */
import type {
  ObservationStore,
  StoredSloState,
} from '../database/ObservationStore';
import type { IndexedProduct, ProductIndex } from '../database/ProductIndex';
import {
  fieldNames,
  freshAtOf,
  governanceOf,
  groupStates,
  healthOf,
} from '../router/summaries';
import type { DataProduct } from './DataProduct';

/** Above this many changed products, every state is read at once instead of per product. */
const READ_ALL_STATES_FROM = 50;

/** The index's row of a product. */
export function indexedProductOf(
  product: DataProduct,
  states: StoredSloState[],
): IndexedProduct {
  const { access } = product;
  return {
    entityRef: product.entityRef,
    name: product.name,
    namespace: product.namespace,
    title: product.title ?? product.name,
    domain: product.domain,
    owner: product.owner,
    productKind: product.productKind,
    level: product.classification,
    lifecycle: product.lifecycle,
    governance: governanceOf(product),
    sloHealth: healthOf(product, states),
    freshAt: freshAtOf(product, states),
    discover: access.discover,
    read: access.read,
    write: { refs: access.write.refs },
    words: [
      product.name,
      product.title ?? '',
      product.description ?? '',
      ...product.tags,
      ...fieldNames(product),
    ].filter(Boolean),
  };
}

export class ProductIndexer {
  constructor(
    private readonly index: ProductIndex,
    private readonly observations: ObservationStore,
  ) {}

  /** The whole mesh: the index then holds exactly these products. */
  async all(products: readonly DataProduct[]): Promise<void> {
    const states = groupStates(await this.observations.states());
    await this.index.sync(
      products.map(p => indexedProductOf(p, states.get(p.entityRef) ?? [])),
    );
  }

  /** Products that changed, and products that left the mesh. */
  async changed(
    products: readonly DataProduct[],
    removed: readonly string[],
  ): Promise<void> {
    let states: Map<string, StoredSloState[]>;
    if (products.length >= READ_ALL_STATES_FROM) {
      states = groupStates(await this.observations.states());
    } else {
      states = new Map();
      for (const product of products)
        states.set(
          product.entityRef,
          await this.observations.states(product.entityRef),
        );
    }
    await this.index.write(
      products.map(p => indexedProductOf(p, states.get(p.entityRef) ?? [])),
    );
    await this.index.remove(removed);
  }

  /** A run of the product was recorded: its health and freshness may have changed. */
  async recorded(product: DataProduct): Promise<void> {
    const states = await this.observations.states(product.entityRef);
    await this.index.setHealth(
      product.entityRef,
      healthOf(product, states),
      freshAtOf(product, states),
    );
  }
}
