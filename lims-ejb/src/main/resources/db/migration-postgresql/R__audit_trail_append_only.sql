-- PostgreSQL only (DatabaseMigration adds this location for PostgreSQL): the audit trail and its
-- anchors are append-only for everyone who is not the schema owner. A row may be inserted and
-- read, never updated or deleted, and the tables cannot be truncated. The owner can switch
-- these triggers off (ALTER TABLE ... DISABLE TRIGGER); what that leaves an attacker, and how an
-- installation runs the application under a role that is not the owner: docs/audit-trail.md.
-- Repeatable (R__): Flyway applies it again whenever this file changes, so it is idempotent.
create or replace function audit_trail_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'the audit trail is append-only: % on % refused', tg_op, tg_table_name
        using errcode = '42501';
end
$$;

drop trigger if exists audit_entry_append_only on audit_entry;
create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function audit_trail_refuse_change();
drop trigger if exists audit_entry_no_truncate on audit_entry;
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_trail_refuse_change();

drop trigger if exists audit_anchor_append_only on audit_anchor;
create trigger audit_anchor_append_only before update or delete on audit_anchor
    for each row execute function audit_trail_refuse_change();
drop trigger if exists audit_anchor_no_truncate on audit_anchor;
create trigger audit_anchor_no_truncate before truncate on audit_anchor
    for each statement execute function audit_trail_refuse_change();
