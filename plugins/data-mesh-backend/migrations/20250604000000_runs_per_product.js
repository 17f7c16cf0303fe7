/*
 * Run ids belong to a product: the same run id pushed for two products is two runs, so a
 * pipeline of one product cannot take (or block) the run ids of another.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('dm_runs', table => {
    table.dropPrimary();
  });
  await knex.schema.alterTable('dm_runs', table => {
    table.primary(['entity_ref', 'run_id']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  // A run id used by several products keeps its first run only; the others' observations
  // stay, only their idempotency record goes.
  const shared = await knex('dm_runs')
    .select('run_id')
    .groupBy('run_id')
    .havingRaw('count(*) > 1');
  for (const { run_id: runId } of shared) {
    const [, ...others] = await knex('dm_runs')
      .where({ run_id: runId })
      .orderBy([{ column: 'received_at' }, { column: 'entity_ref' }])
      .select('entity_ref');
    for (const other of others) {
      await knex('dm_runs')
        .where({ run_id: runId, entity_ref: other.entity_ref })
        .delete();
    }
  }
  await knex.schema.alterTable('dm_runs', table => {
    table.dropPrimary();
  });
  await knex.schema.alterTable('dm_runs', table => {
    table.primary(['run_id']);
  });
};
