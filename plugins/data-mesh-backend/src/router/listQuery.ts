/**
 * The query string of `GET /products`, checked: a wrong value is a 400 that says which
 * parameter and what it may be.
 */
import { InputError } from '@backstage/errors';
import type { DataProductListQuery } from '@backstage-data-mesh/plugin-data-mesh-client';
import type { ProductSort } from '../database/ProductIndex';

/** A page holds at most this many products. */
export const MAX_PAGE = 500;
const DEFAULT_PAGE = 100;

const SORTS: ProductSort[] = [
  'name',
  'domain',
  'owner',
  'productKind',
  'classification',
  'sloHealth',
  'governance',
  'freshness',
];
const HEALTH = [
  'healthy',
  'at-risk',
  'breached',
  'error',
  'unknown',
  'restricted',
];
const GOVERNANCE = ['pass', 'warn', 'block', 'unknown'];

/** The listing's query, checked: what a page of the product list may be asked for. */
export type ListQuery = Required<
  Pick<DataProductListQuery, 'offset' | 'limit'>
> &
  Omit<DataProductListQuery, 'offset' | 'limit'>;

function text(query: Record<string, unknown>, key: string): string | undefined {
  const value = query[key];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || value.length > 255)
    throw new InputError(
      `${key} must be one piece of text of at most 255 characters`,
    );
  return value;
}

function whole(
  query: Record<string, unknown>,
  key: string,
  fallback: number,
  max: number,
): number {
  const value = text(query, key);
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > max)
    throw new InputError(
      `${key} must be a whole number from 0 to ${max} (found "${value}")`,
    );
  return n;
}

function oneOf<T extends string>(
  query: Record<string, unknown>,
  key: string,
  allowed: readonly T[],
): T | undefined {
  const value = text(query, key);
  if (value === undefined) return undefined;
  if (!allowed.includes(value as T))
    throw new InputError(
      `${key} must be one of ${allowed.join(', ')} (found "${value}")`,
    );
  return value as T;
}

/** The listing's query, checked. */
export function readListQuery(query: Record<string, unknown>): ListQuery {
  const mine = text(query, 'mine');
  if (mine !== undefined && mine !== 'true' && mine !== 'false')
    throw new InputError(`mine must be true or false (found "${mine}")`);
  const demos = text(query, 'demos');
  if (demos !== undefined && demos !== 'true' && demos !== 'false')
    throw new InputError(`demos must be true or false (found "${demos}")`);
  return {
    offset: whole(query, 'offset', 0, Number.MAX_SAFE_INTEGER),
    limit: whole(query, 'limit', DEFAULT_PAGE, MAX_PAGE),
    q: text(query, 'q'),
    domain: text(query, 'domain'),
    owner: text(query, 'owner'),
    mine: mine === 'true',
    demos: demos !== 'false',
    classification: text(query, 'classification'),
    kind: text(query, 'kind'),
    health: oneOf(query, 'health', HEALTH) as ListQuery['health'],
    governance: oneOf(
      query,
      'governance',
      GOVERNANCE,
    ) as ListQuery['governance'],
    sort: oneOf(query, 'sort', SORTS),
    direction: oneOf(query, 'direction', ['asc', 'desc'] as const),
  };
}
