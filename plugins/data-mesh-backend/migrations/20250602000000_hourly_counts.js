/*
 * Hourly counts of observations per SLO and outcome, kept with every stored run, so a
 * window's attainment reads at most 24 rows a day instead of every observation.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('dm_observation_hours', table => {
    table.string('entity_ref', 255).notNullable();
    table.string('slo_id', 255).notNullable();
    table
      .bigInteger('hour')
      .notNullable()
      .comment('start of the hour, ms since the epoch');
    table.integer('pass').notNullable().defaultTo(0);
    table.integer('fail').notNullable().defaultTo(0);
    table.integer('error').notNullable().defaultTo(0);
    table.primary(['entity_ref', 'slo_id', 'hour']);
  });
  await knex.raw(`
    INSERT INTO dm_observation_hours (entity_ref, slo_id, hour, pass, fail, error)
    SELECT entity_ref, slo_id, (observed_at / 3600000) * 3600000,
      SUM(CASE WHEN status = 'pass' THEN 1 ELSE 0 END),
      SUM(CASE WHEN status = 'fail' THEN 1 ELSE 0 END),
      SUM(CASE WHEN status = 'error' THEN 1 ELSE 0 END)
    FROM dm_observations
    GROUP BY entity_ref, slo_id, (observed_at / 3600000) * 3600000`);
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('dm_observation_hours');
};
