-- SPDX-License-Identifier: GPL-3.0-or-later
-- Who changed what: every insert, update, soft delete, restore and delete on the four agency tables is written to
-- agency_change_log by the database itself, whoever makes it (this app, its CLI import, psql, a script). One row per
-- changed row: the columns that changed with their old and new values as text ({"column": [old, new]}, JSON null for
-- SQL NULL; updated_at and created_at are left out, changed_at says when), the role that made it, and, when the
-- change came from Agency OS, its person and whether it was the window or the CLI import (the app names itself in
-- application_name: "agency-os/<person>" or "agency-os import/<person>"). Plane's tables are not touched.
--
-- The triggers are statement-level with transition tables: an import of 100,000 rows writes its history in one
-- INSERT … SELECT per statement, not 100,000 calls. The function runs as the table's owner (SECURITY DEFINER), so a
-- role that may edit a campaign need not (and cannot) write the history itself; the role recorded is the one the
-- session acts as (SET ROLE's, else the login role).
CREATE TABLE agency_change_log (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    changed_at  timestamptz NOT NULL,
    table_name  text NOT NULL,
    row_id      uuid NOT NULL,
    operation   text NOT NULL CHECK (operation IN ('insert', 'update', 'soft_delete', 'restore', 'delete')),
    changes     jsonb NOT NULL,
    db_role     text,
    app_user    text,
    source      text NOT NULL CHECK (source IN ('app', 'cli-import', 'other'))
);
CREATE INDEX agency_change_log_row_idx ON agency_change_log (table_name, row_id, id);
CREATE INDEX agency_change_log_changed_at_idx ON agency_change_log (changed_at);

CREATE FUNCTION agency_log_changes() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    app    text := coalesce(current_setting('application_name', true), '');
    who    text := CASE WHEN current_setting('role', true) IS NULL OR current_setting('role', true) = 'none'
                        THEN session_user::text ELSE current_setting('role', true) END;
    src    text := CASE WHEN app ~ '^agency-os import(/|$)' THEN 'cli-import'
                        WHEN app ~ '^agency-os(/|$)' THEN 'app' ELSE 'other' END;
    person text := CASE WHEN src <> 'other' AND strpos(app, '/') > 0 THEN nullif(substr(app, strpos(app, '/') + 1), '') END;
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO agency_change_log (changed_at, table_name, row_id, operation, changes, db_role, app_user, source)
        SELECT now(), TG_TABLE_NAME, n.id, 'insert',
               coalesce((SELECT jsonb_object_agg(f.key, jsonb_build_array(NULL, f.value #>> '{}'))
                           FROM jsonb_each(to_jsonb(n)) f
                          WHERE jsonb_typeof(f.value) <> 'null' AND f.key NOT IN ('id', 'created_at', 'updated_at')),
                        '{}'::jsonb),
               who, person, src
          FROM agency_log_new n;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO agency_change_log (changed_at, table_name, row_id, operation, changes, db_role, app_user, source)
        SELECT now(), TG_TABLE_NAME, n.id,
               CASE WHEN o.deleted_at IS NULL AND n.deleted_at IS NOT NULL THEN 'soft_delete'
                    WHEN o.deleted_at IS NOT NULL AND n.deleted_at IS NULL THEN 'restore'
                    ELSE 'update' END,
               d.changes, who, person, src
          FROM agency_log_old o
          JOIN agency_log_new n ON n.id = o.id
         CROSS JOIN LATERAL (
               SELECT jsonb_object_agg(nf.key, jsonb_build_array(of.value #>> '{}', nf.value #>> '{}')) AS changes
                 FROM jsonb_each(to_jsonb(n)) nf
                 JOIN jsonb_each(to_jsonb(o)) of ON of.key = nf.key
                WHERE nf.value IS DISTINCT FROM of.value AND nf.key NOT IN ('created_at', 'updated_at')) d
         WHERE d.changes IS NOT NULL;
    ELSE
        INSERT INTO agency_change_log (changed_at, table_name, row_id, operation, changes, db_role, app_user, source)
        SELECT now(), TG_TABLE_NAME, o.id, 'delete',
               coalesce((SELECT jsonb_object_agg(f.key, jsonb_build_array(f.value #>> '{}', NULL))
                           FROM jsonb_each(to_jsonb(o)) f
                          WHERE jsonb_typeof(f.value) <> 'null' AND f.key NOT IN ('id', 'created_at', 'updated_at')),
                        '{}'::jsonb),
               who, person, src
          FROM agency_log_old o;
    END IF;
    RETURN NULL;
END
$$;
-- A definer's function looks its tables up in the schema the migration made them in, never in a caller's.
DO $$
BEGIN
    EXECUTE format('ALTER FUNCTION agency_log_changes() SET search_path = %I, pg_temp', current_schema());
END $$;
REVOKE ALL ON FUNCTION agency_log_changes() FROM PUBLIC;

CREATE TRIGGER agency_sla_tiers_log_insert AFTER INSERT ON agency_sla_tiers
    REFERENCING NEW TABLE AS agency_log_new FOR EACH STATEMENT EXECUTE FUNCTION agency_log_changes();
CREATE TRIGGER agency_sla_tiers_log_update AFTER UPDATE ON agency_sla_tiers
    REFERENCING OLD TABLE AS agency_log_old NEW TABLE AS agency_log_new FOR EACH STATEMENT EXECUTE FUNCTION agency_log_changes();
CREATE TRIGGER agency_sla_tiers_log_delete AFTER DELETE ON agency_sla_tiers
    REFERENCING OLD TABLE AS agency_log_old FOR EACH STATEMENT EXECUTE FUNCTION agency_log_changes();
CREATE TRIGGER agency_clients_log_insert AFTER INSERT ON agency_clients
    REFERENCING NEW TABLE AS agency_log_new FOR EACH STATEMENT EXECUTE FUNCTION agency_log_changes();
CREATE TRIGGER agency_clients_log_update AFTER UPDATE ON agency_clients
    REFERENCING OLD TABLE AS agency_log_old NEW TABLE AS agency_log_new FOR EACH STATEMENT EXECUTE FUNCTION agency_log_changes();
CREATE TRIGGER agency_clients_log_delete AFTER DELETE ON agency_clients
    REFERENCING OLD TABLE AS agency_log_old FOR EACH STATEMENT EXECUTE FUNCTION agency_log_changes();
CREATE TRIGGER agency_campaigns_log_insert AFTER INSERT ON agency_campaigns
    REFERENCING NEW TABLE AS agency_log_new FOR EACH STATEMENT EXECUTE FUNCTION agency_log_changes();
CREATE TRIGGER agency_campaigns_log_update AFTER UPDATE ON agency_campaigns
    REFERENCING OLD TABLE AS agency_log_old NEW TABLE AS agency_log_new FOR EACH STATEMENT EXECUTE FUNCTION agency_log_changes();
CREATE TRIGGER agency_campaigns_log_delete AFTER DELETE ON agency_campaigns
    REFERENCING OLD TABLE AS agency_log_old FOR EACH STATEMENT EXECUTE FUNCTION agency_log_changes();
CREATE TRIGGER agency_campaign_channels_log_insert AFTER INSERT ON agency_campaign_channels
    REFERENCING NEW TABLE AS agency_log_new FOR EACH STATEMENT EXECUTE FUNCTION agency_log_changes();
CREATE TRIGGER agency_campaign_channels_log_update AFTER UPDATE ON agency_campaign_channels
    REFERENCING OLD TABLE AS agency_log_old NEW TABLE AS agency_log_new FOR EACH STATEMENT EXECUTE FUNCTION agency_log_changes();
CREATE TRIGGER agency_campaign_channels_log_delete AFTER DELETE ON agency_campaign_channels
    REFERENCING OLD TABLE AS agency_log_old FOR EACH STATEMENT EXECUTE FUNCTION agency_log_changes();
