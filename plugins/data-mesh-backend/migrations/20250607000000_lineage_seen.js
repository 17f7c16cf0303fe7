/*
 * Lineage is read incrementally: each replica asks only for the datasets and edges seen since
 * it last looked, by their last_seen time.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('dm_lineage_datasets', table => {
    table.index(['last_seen'], 'dm_lineage_datasets_seen_idx');
  });
  await knex.schema.alterTable('dm_lineage_edges', table => {
    table.index(['last_seen'], 'dm_lineage_edges_seen_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('dm_lineage_edges', table => {
    table.dropIndex(['last_seen'], 'dm_lineage_edges_seen_idx');
  });
  await knex.schema.alterTable('dm_lineage_datasets', table => {
    table.dropIndex(['last_seen'], 'dm_lineage_datasets_seen_idx');
  });
};
