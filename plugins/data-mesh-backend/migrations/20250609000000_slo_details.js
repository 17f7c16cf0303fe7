/*
 * What an SLO's latest check found beyond its value (schema drift: the fields that departed
 * from the contract), kept with its state.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('dm_slo_states', table => {
    table
      .text('details')
      .nullable()
      .comment("the latest check's findings (JSON), if it has any");
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('dm_slo_states', table => {
    table.dropColumn('details');
  });
};
