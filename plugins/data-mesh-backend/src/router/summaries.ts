/**
 * The API's view of a product: summary for the list, details for its page.
 */
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  type ProductVerdict,
  readDataProductSpec,
  redactContractData,
  upstreamProductRef,
  verdictForViewer,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type {
  DataProductContractResponse,
  DataProductDetails,
  DataProductListResponse,
  DataProductServer,
  DataProductSummary,
} from '@backstage-data-mesh/plugin-data-mesh-client';
import type { StoredSloState } from '../database/ObservationStore';
import { groupStates, healthOf } from '../products/productHealth';
import type { DataProduct } from '../products/DataProduct';
import type { ServerRegistry } from '../evaluation/ServerRegistry';
import type { ProductSight } from '../access/ProductAccessGate';
import type { RouterContext } from './context';
import type { ListQuery } from './listQuery';

/** The product's one verdict in brief, as the caller may see it (see `verdictForViewer`). */
function governanceOf(
  verdict: ProductVerdict | undefined,
  sight: ProductSight,
): Pick<
  DataProductSummary,
  'governance' | 'governanceEvaluatedAt' | 'governanceWithheld'
> {
  if (!verdict) return { governance: 'unknown' };
  const shown = verdictForViewer(verdict, sight);
  return {
    governance: shown.health,
    governanceEvaluatedAt: shown.evaluatedAt,
    ...(shown.withheld ? { governanceWithheld: shown.withheld } : {}),
  };
}

/** The SLO that says how fresh the product's data is: freshness, else latency. */
function freshnessSlo(product: DataProduct) {
  return (
    product.slos.find(s => s.kind === 'freshness') ??
    product.slos.find(s => s.kind === 'latency')
  );
}

/** When the product's data last changed (ms), from its freshness SLO's last measurement. */
export function freshAtOf(
  product: DataProduct,
  states: StoredSloState[],
): number | undefined {
  const freshness = freshnessSlo(product);
  const state = freshness && states.find(s => s.sloId === freshness.id);
  if (!state?.lastObservedAt || state.lastValue === undefined) return undefined;
  return Math.round(Date.parse(state.lastObservedAt) - state.lastValue * 1000);
}

/** Every property name of the contract's schema, written `object.property`. */
export function fieldNames(product: DataProduct): string[] {
  const names: string[] = [];
  for (const object of product.contract?.schema ?? []) {
    for (const property of object?.properties ?? []) {
      if (object?.name && property?.name)
        names.push(`${object.name}.${property.name}`);
    }
  }
  return names;
}

/**
 * The product as the explorer lists it, for a caller who may discover it, with its one
 * governance verdict. Without `read`, what the data shows (SLO health, when it last changed,
 * the verdicts of policies that read the quality results) is left out.
 */
export function toSummary(
  product: DataProduct,
  states: StoredSloState[],
  sight: ProductSight,
  verdict: ProductVerdict | undefined,
): DataProductSummary {
  const summary: DataProductSummary = {
    entityRef: product.entityRef,
    name: product.name,
    namespace: product.namespace,
    sloHealth: sight.read ? healthOf(product, states) : 'unknown',
    ...governanceOf(verdict, sight),
    fieldNames: fieldNames(product),
    tags: product.tags,
    access: { read: sight.read, owners: product.access.owners },
  };
  const optional: Array<[keyof DataProductSummary, unknown]> = [
    ['title', product.title],
    ['description', product.description],
    ['domain', product.domain],
    ['system', product.system],
    ['owner', product.owner],
    ['productKind', product.productKind],
    ['classification', product.classification],
    ['lifecycle', product.lifecycle],
    ['version', product.contract?.version],
  ];
  for (const [key, value] of optional)
    if (value !== undefined) (summary as any)[key] = value;
  const freshness = freshnessSlo(product);
  if (freshness) {
    summary.freshness = { maxAgeSeconds: freshness.target.value as number };
    const freshAt = sight.read ? freshAtOf(product, states) : undefined;
    if (freshAt !== undefined)
      summary.freshness.lastUpdatedAt = new Date(freshAt).toISOString();
  }
  return summary;
}

function serverLocation(server: Record<string, unknown>): string | undefined {
  const s = (k: string) =>
    server[k] === undefined ? undefined : String(server[k]);
  if (s('host'))
    return `${s('host')}${s('port') ? `:${s('port')}` : ''}${
      s('database') ? `/${s('database')}` : ''
    }${s('schema') ? `.${s('schema')}` : ''}`;
  return s('location') ?? s('path') ?? s('database') ?? s('project');
}

export function toDetails(
  product: DataProduct,
  states: StoredSloState[],
  servers: ServerRegistry,
  sight: ProductSight,
  verdict: ProductVerdict | undefined,
): DataProductDetails {
  const { spec, issues } = readDataProductSpec(product.entity);
  const ports: DataProductDetails['ports'] = spec.inputPorts.map(port => {
    let ref: string | undefined;
    try {
      ref = upstreamProductRef(port, product.entity);
    } catch {
      ref = undefined;
    }
    return {
      name: port.name,
      direction: 'input' as const,
      product: ref,
      contractId: port.contractId,
      outputPort: port.outputPort,
      type: port.type,
      location: port.location,
    };
  });
  for (const port of spec.outputPorts ?? []) {
    ports.push({
      name: port.name,
      direction: 'output',
      contractId: port.contractId,
      type: port.type,
    });
  }
  const serverViews: DataProductServer[] = (product.contract?.servers ?? [])
    .filter(Boolean)
    .map(server => {
      const choice = servers.choose(product, server);
      return {
        server: server.server,
        type: server.type,
        environment: server.environment,
        description: server.description,
        location: serverLocation(server as unknown as Record<string, unknown>),
        evaluated: 'evaluated' in choice,
        notEvaluatedBecause: 'reason' in choice ? choice.reason : undefined,
      };
    });
  return {
    ...toSummary(product, states, sight, verdict),
    ports: ports.map(
      p =>
        Object.fromEntries(
          Object.entries(p).filter(([, v]) => v !== undefined),
        ) as any,
    ),
    servers: serverViews.map(
      s =>
        Object.fromEntries(
          Object.entries(s).filter(([, v]) => v !== undefined),
        ) as any,
    ),
    contractRef: product.location
      ? {
          location: product.location,
          id: product.contract?.id,
          format: product.format,
        }
      : undefined,
    processingErrors: [
      ...issues,
      ...product.issues.filter(i => i.severity === 'error'),
    ],
  };
}

/**
 * One page of the products `credentials` may discover that match the query, filtered and
 * paged in the database, as the explorer lists them; their data only where they may read it.
 */
export async function productPage(
  ctx: Pick<
    RouterContext,
    | 'products'
    | 'observations'
    | 'gate'
    | 'auth'
    | 'userInfo'
    | 'productIndex'
    | 'verdicts'
  >,
  credentials: BackstageCredentials,
  query: ListQuery,
): Promise<DataProductListResponse> {
  const products = await ctx.products.listProducts();
  const access = await ctx.gate.listingAccess(credentials, products);
  const teams = ctx.auth.isPrincipal(credentials, 'user')
    ? (await ctx.userInfo.getUserInfo(credentials)).ownershipEntityRefs
    : [];
  const ownedBy = query.mine ? teams : undefined;
  const [page, facets] = await Promise.all([
    ctx.productIndex.list({
      access,
      filters: {
        text: query.q,
        domain: query.domain,
        owner: query.owner,
        ownedBy,
        classification: query.classification,
        productKind: query.kind,
        health: query.health,
        governance: query.governance,
        demos: query.demos,
      },
      sort: query.sort,
      direction: query.direction,
      offset: query.offset,
      limit: query.limit,
    }),
    ctx.productIndex.facets(access),
  ]);
  const counts = await ctx.productIndex.counts(access, teams);
  const found = (
    await Promise.all(page.entityRefs.map(ref => ctx.products.getProduct(ref)))
  ).filter((p): p is DataProduct => !!p);
  const [sights, states] = await Promise.all([
    ctx.gate.sight(credentials, found),
    ctx.observations.statesOf(found.map(p => p.entityRef)),
  ]);
  const byProduct = groupStates(states);
  const body: DataProductListResponse = {
    items: found
      .filter(p => sights.get(p.entityRef)?.discover)
      .map(p => {
        const own = byProduct.get(p.entityRef) ?? [];
        return toSummary(
          p,
          own,
          sights.get(p.entityRef)!,
          ctx.verdicts.verdictOf(p, own),
        );
      }),
    total: page.total,
    offset: query.offset,
    limit: query.limit,
    facets,
    counts,
  };
  return body;
}

/**
 * A product's contract: whole for readers; for those who may only discover the product,
 * without what reveals the data (examples, the source text).
 */
export function contractResponse(
  product: DataProduct,
  sight: ProductSight,
): DataProductContractResponse {
  const body: DataProductContractResponse = {
    format: product.format,
    contract:
      product.contract && !sight.read
        ? redactContractData(product.contract)
        : product.contract,
    location: product.location,
    issues: product.issues,
  };
  if (sight.read) body.source = product.contractText ?? '';
  else body.redacted = true;
  return body;
}
