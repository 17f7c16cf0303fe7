/*
 * Each SLO's error budget as assessed when its last run was recorded: the share of its
 * 30-day budget left and the burn-rate alert that fires, so that the explorer, the card and
 * the SLOs tab read one health (budget included) from the states alone.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('dm_slo_states', table => {
    table
      .double('budget_remaining')
      .nullable()
      .comment('share of the 30-day error budget left, 0..1');
    table
      .integer('budget_observations')
      .nullable()
      .comment('observations in the 30 days');
    table
      .text('burn')
      .nullable()
      .comment('the burn-rate alert that fires (JSON), if any');
    table.bigInteger('assessed_at').nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('dm_slo_states', table => {
    table.dropColumn('assessed_at');
    table.dropColumn('burn');
    table.dropColumn('budget_observations');
    table.dropColumn('budget_remaining');
  });
};
