-- SPDX-License-Identifier: GPL-3.0-or-later
-- The time entries' history goes with the step that made it; what it wrote stays in agency_change_log (0008's).
DROP TRIGGER IF EXISTS agency_time_entries_log_delete ON agency_time_entries;
DROP TRIGGER IF EXISTS agency_time_entries_log_update ON agency_time_entries;
DROP TRIGGER IF EXISTS agency_time_entries_log_insert ON agency_time_entries;
-- 0008's function as 0008 wrote it.
CREATE OR REPLACE FUNCTION agency_log_changes() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
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
