/**
 * A permission decision's conditions over data products as a WHERE clause on the product
 * index (`dm_products`, its audience in `dm_product_audience`).
 */
import type { Knex } from 'knex';
import type { PermissionCriteria } from '@backstage/plugin-permission-common';
import type { DataProductQuery } from '@backstage-data-mesh/plugin-data-mesh-node';

/** The conditions of a policy decision as a WHERE over the products (alias `table`). */
export function whereCriteria(
  db: Knex,
  query: Knex.QueryBuilder,
  criteria: PermissionCriteria<DataProductQuery>,
  table = 'p',
): Knex.QueryBuilder {
  if ('allOf' in criteria) {
    for (const inner of criteria.allOf)
      query.where(q => whereCriteria(db, q, inner, table));
    return query;
  }
  if ('anyOf' in criteria) {
    query.where(q => {
      for (const inner of criteria.anyOf)
        q.orWhere(qq => whereCriteria(db, qq, inner, table));
    });
    return query;
  }
  if ('not' in criteria) {
    return query.whereNot(q => whereCriteria(db, q, criteria.not, table));
  }
  return condition(db, query, criteria as unknown as DataProductQuery, table);
}

function condition(
  db: Knex,
  query: Knex.QueryBuilder,
  asked: DataProductQuery,
  table: string,
): Knex.QueryBuilder {
  if ('levels' in asked) return query.whereIn(`${table}.level`, asked.levels);
  if ('owners' in asked) return query.whereIn(`${table}.owner`, asked.owners);
  if (!('audience' in asked)) {
    throw new Error(
      `a permission condition the data-mesh backend cannot query by: ${JSON.stringify(
        asked,
      )}`,
    );
  }
  const { action, claims } = asked.audience;
  return query.where(q => {
    if (action === 'discover') q.where(`${table}.discover_everyone`, true);
    if (action === 'read') q.where(`${table}.read_everyone`, true);
    // Uncorrelated, so the database reads the caller's few audience rows once (a hashed
    // semi-join) rather than probing the audience for every product.
    q.orWhereIn(
      `${table}.entity_ref`,
      db('dm_product_audience as a')
        .select('a.entity_ref')
        .where('a.action', action)
        .whereIn('a.principal', claims.length ? claims : ['']),
    );
    // A grant holder reads, and so discovers, while the grant holds.
    if (action !== 'write')
      q.orWhereIn(
        `${table}.entity_ref`,
        db('dm_access_grants as g')
          .select('g.entity_ref')
          .where('g.state', 'active')
          .andWhere('g.expires_at', '>', Date.now())
          .whereIn('g.principal', claims.length ? claims : ['']),
      );
  });
}
