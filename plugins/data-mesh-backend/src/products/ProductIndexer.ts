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
  isDemoProduct,
  type ProductVerdict,
  verdictForViewer,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import { fieldNames, freshAtOf } from '../router/summaries';
import type { ProductVerdicts } from '../governance/ProductVerdicts';
import type { DataProduct } from './DataProduct';
import { groupStates, healthOf } from './productHealth';

/** Above this many changed products, every state is read at once instead of per product. */
const READ_ALL_STATES_FROM = 50;

/** The index's row of a product. */
export function indexedProductOf(
  product: DataProduct,
  states: StoredSloState[],
  verdict: ProductVerdict | undefined,
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
    demo: isDemoProduct(product),
    ...measuredOf(product, states, verdict),
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

/** What a product's runs change in its row: health, freshness and the governance verdict. */
function measuredOf(
  product: DataProduct,
  states: StoredSloState[],
  verdict: ProductVerdict | undefined,
) {
  return {
    sloHealth: healthOf(product, states),
    freshAt: freshAtOf(product, states),
    governance: verdict?.health ?? 'unknown',
    governancePublic: verdict
      ? verdictForViewer(verdict, { read: false }).health
      : 'unknown',
  };
}

export class ProductIndexer {
  constructor(
    private readonly index: ProductIndex,
    private readonly observations: ObservationStore,
    private readonly verdicts: ProductVerdicts,
  ) {}

  private row(product: DataProduct, states: StoredSloState[]): IndexedProduct {
    return indexedProductOf(
      product,
      states,
      this.verdicts.verdictOf(product, states),
    );
  }

  /** The whole mesh: the index then holds exactly these products. */
  async all(products: readonly DataProduct[]): Promise<void> {
    const states = groupStates(await this.observations.states());
    await this.index.sync(
      products.map(p => this.row(p, states.get(p.entityRef) ?? [])),
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
      products.map(p => this.row(p, states.get(p.entityRef) ?? [])),
    );
    await this.index.remove(removed);
  }

  /** A run of the product was recorded: its health, freshness and verdict may have changed. */
  async recorded(product: DataProduct): Promise<void> {
    const states = await this.observations.states(product.entityRef);
    await this.index.setMeasured(
      product.entityRef,
      measuredOf(product, states, this.verdicts.verdictOf(product, states)),
    );
  }
}
