/*
 * Alerts waiting to reach a product's owners. A state transition and its alert are written in
 * the same transaction, and an alert leaves this table only when the notifications service
 * took it: a crash or a notifications outage delays an alert, it does not lose it.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('dm_alert_outbox', table => {
    table.bigIncrements('id').primary();
    table.string('entity_ref', 255).notNullable();
    table.string('slo_id', 255).notNullable();
    table.string('kind', 16).notNullable().comment('breach | recovery');
    table
      .text('payload')
      .notNullable()
      .comment('the notification to send (recipients and payload), JSON');
    table.bigInteger('created_at').notNullable();
    table.integer('attempts').notNullable().defaultTo(0);
    table
      .bigInteger('next_attempt_at')
      .notNullable()
      .comment('not tried before; while a delivery runs, the end of its claim');
    table.bigInteger('delivered_at').nullable();
    table.text('last_error').nullable();
    table.index(['delivered_at', 'next_attempt_at'], 'dm_alert_outbox_due_idx');
    table.index(['entity_ref', 'slo_id', 'id'], 'dm_alert_outbox_slo_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('dm_alert_outbox');
};
