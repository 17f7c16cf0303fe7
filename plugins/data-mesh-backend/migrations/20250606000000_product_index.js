/*
 * The data products as the explorer lists them, with who may discover and read each one, so
 * that the list is filtered, sorted and paged in the database: a page of 20,000 products
 * costs one query, not a walk over all of them.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('dm_products', table => {
    table.string('entity_ref', 255).primary();
    table.string('name', 255).notNullable();
    table.string('namespace', 255).notNullable();
    table.string('sort_title', 255).notNullable().comment('lower-case title');
    table.string('domain', 255).nullable();
    table.string('owner', 255).nullable();
    table.string('product_kind', 32).nullable();
    table.string('level', 16).notNullable().comment('classification level');
    table.string('lifecycle', 64).nullable();
    table
      .boolean('demo')
      .notNullable()
      .defaultTo(false)
      .comment(
        'a demonstration product, which the explorer leaves out unless asked',
      );
    table
      .string('governance', 16)
      .notNullable()
      .comment('the governance verdict, as a reader of the product sees it');
    table
      .string('governance_public', 16)
      .notNullable()
      .comment('the verdict as one who may only discover it sees it');
    table.string('slo_health', 16).notNullable().defaultTo('unknown');
    table
      .bigInteger('fresh_at')
      .nullable()
      .comment('when the data last changed');
    table.boolean('discover_everyone').notNullable();
    table.boolean('read_everyone').notNullable();
    table
      .text('search_text')
      .notNullable()
      .comment('lower-case words to find it by');
    table.string('row_hash', 64).notNullable();
    table.index(['domain'], 'dm_products_domain_idx');
    table.index(['owner'], 'dm_products_owner_idx');
    table.index(['sort_title'], 'dm_products_title_idx');
  });
  await knex.schema.createTable('dm_product_audience', table => {
    table.string('entity_ref', 255).notNullable();
    table.string('action', 16).notNullable().comment('discover | read | write');
    table.string('principal', 255).notNullable().comment('a user or group ref');
    table.primary(['entity_ref', 'action', 'principal']);
    table.index(['action', 'principal'], 'dm_product_audience_principal_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('dm_product_audience');
  await knex.schema.dropTable('dm_products');
};
