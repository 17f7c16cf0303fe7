/**
 * Who a caller may see among a product's consumers, and the consumers and breaking-change
 * gates as shown to them: the others are `hidden`, without owners.
 */
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  type BreakingChangeGate,
  type ProductConsumer,
  dataMeshAccessDecidePermission,
  principalRef,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type { DataProduct } from '../products/DataProduct';
import type { RouterContext } from './context';

/**
 * Who the caller may see among a product's consumers: the products they may discover, and
 * the users and groups holding grants when they decide the product's access (or are those
 * users and groups); the others are shown as `hidden`, without owners.
 */
export async function consumerVisibility(
  ctx: RouterContext,
  credentials: BackstageCredentials,
  product: DataProduct,
  refs: readonly string[],
): Promise<(ref: string) => boolean> {
  const products = (
    await Promise.all(
      refs
        .filter(r => r.startsWith('component:'))
        .map(r => ctx.products.getProduct(r)),
    )
  ).filter((p): p is DataProduct => !!p);
  const sights = await ctx.gate.sight(credentials, products);
  const decides = await ctx.gate.allows(
    credentials,
    dataMeshAccessDecidePermission,
    product,
  );
  let claims: string[] = [];
  if (ctx.auth.isPrincipal(credentials, 'user')) {
    claims = (await ctx.userInfo.getUserInfo(credentials)).ownershipEntityRefs
      .map(c => principalRef(c))
      .filter((c): c is string => !!c);
  }
  const visible = new Set(
    products
      .filter(p => sights.get(p.entityRef)?.discover)
      .map(p => p.entityRef.toLocaleLowerCase('en-US')),
  );
  return ref => {
    const key = ref.toLocaleLowerCase('en-US');
    if (key.startsWith('component:')) return visible.has(key);
    return decides || claims.includes(key);
  };
}

/** The consumers as shown to a caller: those they may not see become `hidden:<n>`. */
export function hide<T extends ProductConsumer>(
  consumers: readonly T[],
  visible: (ref: string) => boolean,
): T[] {
  let hidden = 0;
  return consumers.map(c => {
    if (visible(c.ref)) return c;
    hidden += 1;
    return { ...c, ref: `hidden:${hidden}`, owners: [] };
  });
}

/** A breaking-change gate as shown to a caller, its hidden consumers' acknowledgements too. */
export function hideInGate(
  gate: BreakingChangeGate,
  visible: (ref: string) => boolean,
): BreakingChangeGate {
  const consumers = hide(gate.consumers, visible).map(c =>
    c.ref.startsWith('hidden:') && c.acknowledgement
      ? { ...c, acknowledgement: { ...c.acknowledgement, consumer: c.ref } }
      : c,
  );
  return { ...gate, consumers };
}
