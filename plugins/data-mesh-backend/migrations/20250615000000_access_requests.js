/*
 * Access requests, the grants they lead to, and the audit trail of both. The audit trail is
 * append-only: the database itself refuses to change or delete a row of it. The explorer's
 * list reads the active grants from here, so a grant counts there exactly while it holds.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('dm_access_requests', table => {
    table.string('id', 36).primary();
    table.string('entity_ref', 255).notNullable();
    table.string('output_port', 255).nullable();
    table.string('requester', 255).notNullable().comment('a user ref');
    table
      .string('principal', 255)
      .notNullable()
      .comment('who the grant is for: the requester or one of their groups');
    table.text('purpose').notNullable();
    table.bigInteger('until').nullable().comment('when it is no longer needed');
    table
      .string('state', 16)
      .notNullable()
      .comment('pending | approved | refused | withdrawn');
    table.bigInteger('created_at').notNullable();
    table.string('decided_by', 255).nullable();
    table.bigInteger('decided_at').nullable();
    table.text('note').nullable();
    table.index(['entity_ref', 'state'], 'dm_access_requests_product_idx');
    table.index(['requester', 'created_at'], 'dm_access_requests_requester_idx');
  });
  await knex.schema.createTable('dm_access_grants', table => {
    table.string('id', 36).primary();
    table.string('request_id', 36).nullable();
    table.string('entity_ref', 255).notNullable();
    table.string('output_port', 255).nullable();
    table.string('principal', 255).notNullable().comment('a user or group ref');
    table.string('state', 16).notNullable().comment('active | expired | revoked');
    table.string('granted_by', 255).notNullable();
    table.bigInteger('created_at').notNullable();
    table.bigInteger('expires_at').notNullable();
    table.bigInteger('ended_at').nullable();
    table.string('ended_by', 255).nullable();
    table
      .text('platforms')
      .notNullable()
      .comment('where the grant was applied (JSON list)');
    table.index(['state', 'expires_at'], 'dm_access_grants_due_idx');
    table.index(['entity_ref', 'state'], 'dm_access_grants_product_idx');
    table.index(['principal'], 'dm_access_grants_principal_idx');
  });
  await knex.schema.createTable('dm_access_audit', table => {
    table.bigIncrements('id').primary();
    table.string('entity_ref', 255).notNullable();
    table.bigInteger('at').notNullable();
    table.string('actor', 255).notNullable();
    table.string('action', 16).notNullable();
    table.string('request_id', 36).nullable();
    table.string('grant_id', 36).nullable();
    table.string('principal', 255).nullable();
    table.text('detail').nullable();
    table.index(['entity_ref', 'id'], 'dm_access_audit_product_idx');
  });
  if (knex.client.dialect === 'postgresql') {
    await knex.raw(`
      CREATE FUNCTION dm_access_audit_append_only() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the access audit trail is append-only: % refused', TG_OP;
      END
      $$`);
    await knex.raw(`
      CREATE TRIGGER dm_access_audit_no_change
      BEFORE UPDATE OR DELETE ON dm_access_audit
      FOR EACH ROW EXECUTE FUNCTION dm_access_audit_append_only()`);
    await knex.raw(`
      CREATE TRIGGER dm_access_audit_no_truncate
      BEFORE TRUNCATE ON dm_access_audit
      FOR EACH STATEMENT EXECUTE FUNCTION dm_access_audit_append_only()`);
  } else {
    for (const op of ['UPDATE', 'DELETE']) {
      await knex.raw(`
        CREATE TRIGGER dm_access_audit_no_${op.toLowerCase()}
        BEFORE ${op} ON dm_access_audit
        BEGIN
          SELECT RAISE(ABORT, 'the access audit trail is append-only: ${op} refused');
        END`);
    }
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('dm_access_audit');
  if (knex.client.dialect === 'postgresql') {
    await knex.raw('DROP FUNCTION IF EXISTS dm_access_audit_append_only()');
  }
  await knex.schema.dropTable('dm_access_grants');
  await knex.schema.dropTable('dm_access_requests');
};
