/*
 * Every version of a product's contract the portal has seen or that its producer announced,
 * and what the consumers a breaking version hits answered.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('dm_contract_versions', table => {
    table.string('entity_ref', 255).notNullable();
    table
      .string('id', 80)
      .notNullable()
      .comment('a hash of the normalised contract');
    table.string('version', 100).nullable().comment('as the contract writes it');
    table.text('contract').notNullable().comment('the normalised contract, JSON');
    table.bigInteger('first_seen_at').notNullable();
    table.bigInteger('announced_at').nullable();
    table.string('announced_by', 255).nullable();
    table
      .bigInteger('published_at')
      .nullable()
      .comment('when the catalog first served it (or when it was published, if recorded later)');
    table.primary(['entity_ref', 'id']);
    table.index(['entity_ref', 'published_at'], 'dm_contract_versions_product_idx');
  });
  await knex.schema.createTable('dm_version_acknowledgements', table => {
    table.bigIncrements('id').primary();
    table.string('entity_ref', 255).notNullable();
    table.string('version_id', 80).notNullable();
    table.string('consumer', 255).notNullable();
    table.string('decision', 16).notNullable().comment('acknowledged | more-time');
    table.string('by', 255).notNullable();
    table.bigInteger('at').notNullable();
    table.text('note').nullable();
    table.bigInteger('until').nullable();
    table.index(['entity_ref', 'version_id'], 'dm_version_acks_version_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('dm_version_acknowledgements');
  await knex.schema.dropTable('dm_contract_versions');
};
