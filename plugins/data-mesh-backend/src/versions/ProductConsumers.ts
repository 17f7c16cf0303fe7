/**
 * The consumers of a product as the backend knows them: the products whose input ports name
 * it (by ref or by its contract id, with the fields they declare), the users and groups
 * holding a read grant, and the products OpenLineage saw reading it (with the columns).
 * Decided by `consumersOf` of data-mesh-common.
 */
import {
  type ConsumerCandidate,
  type ProductConsumer,
  consumersOf,
  isBrokenProduct,
  readDataProductSpec,
  upstreamProductRef,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type { DataProduct, ProductCatalog } from '../products/DataProduct';
import type { GrantLookup } from '../access/ProductAccessGate';
import type { LineageService } from '../lineage/LineageService';

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

/** Whether a product's contract is broken: the catalog says so, or none could be read. */
export function isBroken(product: DataProduct): boolean {
  return isBrokenProduct(product.entity) || !product.contract;
}

/** The input ports of `reader` that read `product`, by its ref or its contract id. */
function portsOn(
  reader: DataProduct,
  product: DataProduct,
): ConsumerCandidate['ports'] {
  const ref = lower(product.entityRef);
  const contractId = product.contract?.id
    ? lower(String(product.contract.id))
    : undefined;
  const { spec } = readDataProductSpec(reader.entity);
  const ports: ConsumerCandidate['ports'] = [];
  for (const port of spec.inputPorts) {
    let upstream: string | undefined;
    try {
      upstream = upstreamProductRef(port, reader.entity);
    } catch {
      upstream = undefined;
    }
    const named =
      (upstream && lower(upstream) === ref) ||
      (!upstream &&
        contractId !== undefined &&
        port.contractId !== undefined &&
        lower(port.contractId) === contractId);
    if (named) ports.push(port.fields ? { fields: port.fields } : {});
  }
  return ports;
}

export class ProductConsumers {
  constructor(
    private readonly options: {
      products: ProductCatalog;
      grants: GrantLookup;
      lineage: Pick<LineageService, 'graph'>;
    },
  ) {}

  async of(product: DataProduct): Promise<ProductConsumer[]> {
    const all = await this.options.products.listProducts();
    const byRef = new Map(all.map(p => [lower(p.entityRef), p]));
    const candidates: ConsumerCandidate[] = [];
    for (const reader of all) {
      if (reader === product) continue;
      const ports = portsOn(reader, product);
      if (ports.length === 0) continue;
      candidates.push({
        entityRef: reader.entityRef,
        owner: reader.owner,
        broken: isBroken(reader),
        ports,
      });
    }
    const graph = await this.options.lineage.graph();
    const down = graph.traverse(product.entityRef, {
      direction: 'down',
      depth: 1,
      columns: true,
    });
    const openLineage = down.edges
      .filter(
        e =>
          e.source === 'openlineage' &&
          lower(e.from) === lower(product.entityRef) &&
          byRef.has(lower(e.to)),
      )
      .map(e => {
        const reader = byRef.get(lower(e.to))!;
        return {
          entityRef: reader.entityRef,
          owner: reader.owner,
          broken: isBroken(reader),
          columns: e.columns?.map(c => c.from),
        };
      })
      .filter(r => lower(r.entityRef) !== lower(product.entityRef));
    return consumersOf({
      contract: product.contract,
      products: candidates,
      grants: [...this.options.grants(product.entityRef)],
      openLineage,
    });
  }
}
