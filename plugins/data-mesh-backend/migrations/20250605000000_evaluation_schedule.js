/*
 * When each product is evaluated next, and which backend replica is evaluating it now. The
 * replicas claim due products from this table (on PostgreSQL with FOR UPDATE SKIP LOCKED), so
 * every product is evaluated once per due time across replicas; a claim lapses when its
 * replica stops, so another one takes the product over.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('dm_evaluation_schedule', table => {
    table.string('entity_ref', 255).primary();
    table
      .bigInteger('cadence_ms')
      .notNullable()
      .comment('how often the product is evaluated (from its SLOs)');
    table
      .bigInteger('due_at')
      .notNullable()
      .comment('when the next evaluation is due, ms since the epoch');
    table
      .string('claimed_by', 128)
      .nullable()
      .comment('the replica evaluating the product now');
    table
      .bigInteger('claimed_until')
      .nullable()
      .comment('when that claim lapses, ms since the epoch');
    table.bigInteger('last_finished_at').nullable();
    table.index(['due_at'], 'dm_evaluation_schedule_due_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('dm_evaluation_schedule');
};
