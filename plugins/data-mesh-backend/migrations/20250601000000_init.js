/*
 * The data-mesh backend's tables. Times are milliseconds since the epoch (UTC) in bigint
 * columns, so SQLite and PostgreSQL compare and bucket them alike.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  // One evaluation run or pushed run; its id makes a push idempotent.
  await knex.schema.createTable('dm_runs', table => {
    table.string('run_id', 255).primary().notNullable();
    table.string('entity_ref', 255).notNullable();
    table
      .string('source', 32)
      .notNullable()
      .comment('scheduler | push | datacontract | backfill');
    table.string('server', 255).nullable();
    table.bigInteger('started_at').nullable();
    table.bigInteger('finished_at').notNullable();
    table.integer('observations').notNullable();
    table.bigInteger('received_at').notNullable();
    table.index(['entity_ref', 'finished_at'], 'dm_runs_entity_finished_idx');
  });

  // One measured outcome of one SLO.
  await knex.schema.createTable('dm_observations', table => {
    table.bigIncrements('id').primary();
    table.string('run_id', 255).notNullable();
    table.string('entity_ref', 255).notNullable();
    table.string('slo_id', 255).notNullable();
    table.string('status', 8).notNullable().comment('pass | fail | error');
    table.double('value').nullable();
    table.text('message').nullable();
    table.bigInteger('observed_at').notNullable();
    table.index(
      ['entity_ref', 'slo_id', 'observed_at'],
      'dm_observations_slo_time_idx',
    );
    table.index(
      ['entity_ref', 'observed_at'],
      'dm_observations_entity_time_idx',
    );
    table.index(['run_id'], 'dm_observations_run_idx');
  });

  // The current state of each SLO: status, since when, and whether owners were told it fails.
  await knex.schema.createTable('dm_slo_states', table => {
    table.string('entity_ref', 255).notNullable();
    table.string('slo_id', 255).notNullable();
    table.string('status', 8).notNullable();
    table.bigInteger('since').notNullable();
    table.boolean('failing').notNullable().defaultTo(false);
    table.double('last_value').nullable();
    table.bigInteger('last_observed_at').nullable();
    table.text('last_error').nullable();
    table.primary(['entity_ref', 'slo_id']);
  });

  // OpenLineage events as received (deduplicated by a hash of their content).
  await knex.schema.createTable('dm_lineage_events', table => {
    table.string('id', 64).primary().notNullable();
    table.string('kind', 16).notNullable();
    table.string('event_type', 16).nullable();
    table.bigInteger('event_time').notNullable();
    table.string('run_id', 255).nullable();
    table.string('job_namespace', 255).nullable();
    table.string('job_name', 255).nullable();
    table.text('payload').notNullable();
    table.bigInteger('received_at').notNullable();
    table.index(['event_time'], 'dm_lineage_events_time_idx');
  });

  // Every dataset an event named, so datasets without edges are known too.
  await knex.schema.createTable('dm_lineage_datasets', table => {
    table.string('dataset_key', 64).primary().notNullable();
    table.text('namespace').notNullable();
    table.text('name').notNullable();
    table.bigInteger('last_seen').notNullable();
  });

  // Dataset-to-dataset edges the events reported, with their column edges (JSON).
  await knex.schema.createTable('dm_lineage_edges', table => {
    table.string('edge_key', 64).primary().notNullable();
    table.text('from_namespace').notNullable();
    table.text('from_name').notNullable();
    table.text('to_namespace').notNullable();
    table.text('to_name').notNullable();
    table.text('columns').nullable();
    table.bigInteger('first_seen').notNullable();
    table.bigInteger('last_seen').notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('dm_lineage_edges');
  await knex.schema.dropTable('dm_lineage_datasets');
  await knex.schema.dropTable('dm_lineage_events');
  await knex.schema.dropTable('dm_slo_states');
  await knex.schema.dropTable('dm_observations');
  await knex.schema.dropTable('dm_runs');
};
