/*
 * What the data-mesh processor read of each data product (its normalised contract, the text,
 * where it came from and what is wrong with it), kept in the catalog's database for the
 * data-mesh backend, whose replicas read contracts from here instead of from their source.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('data_mesh_contracts', table => {
    table.string('entity_ref', 255).primary();
    table.string('contract_hash', 64).nullable();
    table.string('format', 64).notNullable();
    table.text('location').nullable();
    table.text('contract').nullable().comment('the normalised contract, JSON');
    table.text('source').nullable().comment('the text as written');
    table.text('issues').notNullable().comment('JSON list of located issues');
    table.bigInteger('read_at').notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('data_mesh_contracts');
};
