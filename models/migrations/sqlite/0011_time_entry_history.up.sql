-- SPDX-License-Identifier: GPL-3.0-or-later
-- The SQLite mirror of postgresql/0011_time_entry_history: the hours worked for a client are what its invoice is made
-- of, so their changes are written to agency_change_log by the file's own triggers, as 0008 does for the four tables
-- (the same form: one INSERT a row, the changed columns' pairs put together as text; the stamps left out).
CREATE TRIGGER agency_time_entries_log_insert AFTER INSERT ON agency_time_entries FOR EACH ROW
BEGIN
    INSERT INTO agency_change_log (changed_at, table_name, row_id, operation, changes)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'agency_time_entries', NEW.id, 'insert',
        '{' || rtrim(
            CASE WHEN NEW.client_id IS NOT NULL THEN '"client_id":[' || 'null' || ',' || json_quote(CAST(NEW.client_id AS TEXT)) || '],' ELSE '' END
            || CASE WHEN NEW.campaign_id IS NOT NULL THEN '"campaign_id":[' || 'null' || ',' || json_quote(CAST(NEW.campaign_id AS TEXT)) || '],' ELSE '' END
            || CASE WHEN NEW.plane_issue_id IS NOT NULL THEN '"plane_issue_id":[' || 'null' || ',' || json_quote(CAST(NEW.plane_issue_id AS TEXT)) || '],' ELSE '' END
            || CASE WHEN NEW.person IS NOT NULL THEN '"person":[' || 'null' || ',' || json_quote(CAST(NEW.person AS TEXT)) || '],' ELSE '' END
            || CASE WHEN NEW.work_date IS NOT NULL THEN '"work_date":[' || 'null' || ',' || json_quote(CAST(NEW.work_date AS TEXT)) || '],' ELSE '' END
            || CASE WHEN NEW.minutes IS NOT NULL THEN '"minutes":[' || 'null' || ',' || json_quote(CAST(NEW.minutes AS TEXT)) || '],' ELSE '' END
            || CASE WHEN NEW.note IS NOT NULL THEN '"note":[' || 'null' || ',' || json_quote(CAST(NEW.note AS TEXT)) || '],' ELSE '' END
            || CASE WHEN NEW.source IS NOT NULL THEN '"source":[' || 'null' || ',' || json_quote(CAST(NEW.source AS TEXT)) || '],' ELSE '' END
            || CASE WHEN NEW.external_id IS NOT NULL THEN '"external_id":[' || 'null' || ',' || json_quote(CAST(NEW.external_id AS TEXT)) || '],' ELSE '' END
            || CASE WHEN NEW.deleted_at IS NOT NULL THEN '"deleted_at":[' || 'null' || ',' || json_quote(CAST(NEW.deleted_at AS TEXT)) || '],' ELSE '' END, ',') || '}');
END;
CREATE TRIGGER agency_time_entries_log_update AFTER UPDATE ON agency_time_entries FOR EACH ROW
    WHEN OLD.client_id IS NOT NEW.client_id OR OLD.campaign_id IS NOT NEW.campaign_id OR OLD.plane_issue_id IS NOT NEW.plane_issue_id OR OLD.person IS NOT NEW.person OR OLD.work_date IS NOT NEW.work_date OR OLD.minutes IS NOT NEW.minutes OR OLD.note IS NOT NEW.note OR OLD.source IS NOT NEW.source OR OLD.external_id IS NOT NEW.external_id OR OLD.deleted_at IS NOT NEW.deleted_at
BEGIN
    INSERT INTO agency_change_log (changed_at, table_name, row_id, operation, changes)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'agency_time_entries', NEW.id,
        CASE WHEN OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL THEN 'soft_delete'
             WHEN OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS NULL THEN 'restore'
             ELSE 'update' END,
        '{' || rtrim(
            CASE WHEN OLD.client_id IS NOT NEW.client_id THEN '"client_id":[' || json_quote(CAST(OLD.client_id AS TEXT)) || ',' || json_quote(CAST(NEW.client_id AS TEXT)) || '],' ELSE '' END
            || CASE WHEN OLD.campaign_id IS NOT NEW.campaign_id THEN '"campaign_id":[' || json_quote(CAST(OLD.campaign_id AS TEXT)) || ',' || json_quote(CAST(NEW.campaign_id AS TEXT)) || '],' ELSE '' END
            || CASE WHEN OLD.plane_issue_id IS NOT NEW.plane_issue_id THEN '"plane_issue_id":[' || json_quote(CAST(OLD.plane_issue_id AS TEXT)) || ',' || json_quote(CAST(NEW.plane_issue_id AS TEXT)) || '],' ELSE '' END
            || CASE WHEN OLD.person IS NOT NEW.person THEN '"person":[' || json_quote(CAST(OLD.person AS TEXT)) || ',' || json_quote(CAST(NEW.person AS TEXT)) || '],' ELSE '' END
            || CASE WHEN OLD.work_date IS NOT NEW.work_date THEN '"work_date":[' || json_quote(CAST(OLD.work_date AS TEXT)) || ',' || json_quote(CAST(NEW.work_date AS TEXT)) || '],' ELSE '' END
            || CASE WHEN OLD.minutes IS NOT NEW.minutes THEN '"minutes":[' || json_quote(CAST(OLD.minutes AS TEXT)) || ',' || json_quote(CAST(NEW.minutes AS TEXT)) || '],' ELSE '' END
            || CASE WHEN OLD.note IS NOT NEW.note THEN '"note":[' || json_quote(CAST(OLD.note AS TEXT)) || ',' || json_quote(CAST(NEW.note AS TEXT)) || '],' ELSE '' END
            || CASE WHEN OLD.source IS NOT NEW.source THEN '"source":[' || json_quote(CAST(OLD.source AS TEXT)) || ',' || json_quote(CAST(NEW.source AS TEXT)) || '],' ELSE '' END
            || CASE WHEN OLD.external_id IS NOT NEW.external_id THEN '"external_id":[' || json_quote(CAST(OLD.external_id AS TEXT)) || ',' || json_quote(CAST(NEW.external_id AS TEXT)) || '],' ELSE '' END
            || CASE WHEN OLD.deleted_at IS NOT NEW.deleted_at THEN '"deleted_at":[' || json_quote(CAST(OLD.deleted_at AS TEXT)) || ',' || json_quote(CAST(NEW.deleted_at AS TEXT)) || '],' ELSE '' END, ',') || '}');
END;
CREATE TRIGGER agency_time_entries_log_delete AFTER DELETE ON agency_time_entries FOR EACH ROW
BEGIN
    INSERT INTO agency_change_log (changed_at, table_name, row_id, operation, changes)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'agency_time_entries', OLD.id, 'delete',
        '{' || rtrim(
            CASE WHEN OLD.client_id IS NOT NULL THEN '"client_id":[' || json_quote(CAST(OLD.client_id AS TEXT)) || ',' || 'null' || '],' ELSE '' END
            || CASE WHEN OLD.campaign_id IS NOT NULL THEN '"campaign_id":[' || json_quote(CAST(OLD.campaign_id AS TEXT)) || ',' || 'null' || '],' ELSE '' END
            || CASE WHEN OLD.plane_issue_id IS NOT NULL THEN '"plane_issue_id":[' || json_quote(CAST(OLD.plane_issue_id AS TEXT)) || ',' || 'null' || '],' ELSE '' END
            || CASE WHEN OLD.person IS NOT NULL THEN '"person":[' || json_quote(CAST(OLD.person AS TEXT)) || ',' || 'null' || '],' ELSE '' END
            || CASE WHEN OLD.work_date IS NOT NULL THEN '"work_date":[' || json_quote(CAST(OLD.work_date AS TEXT)) || ',' || 'null' || '],' ELSE '' END
            || CASE WHEN OLD.minutes IS NOT NULL THEN '"minutes":[' || json_quote(CAST(OLD.minutes AS TEXT)) || ',' || 'null' || '],' ELSE '' END
            || CASE WHEN OLD.note IS NOT NULL THEN '"note":[' || json_quote(CAST(OLD.note AS TEXT)) || ',' || 'null' || '],' ELSE '' END
            || CASE WHEN OLD.source IS NOT NULL THEN '"source":[' || json_quote(CAST(OLD.source AS TEXT)) || ',' || 'null' || '],' ELSE '' END
            || CASE WHEN OLD.external_id IS NOT NULL THEN '"external_id":[' || json_quote(CAST(OLD.external_id AS TEXT)) || ',' || 'null' || '],' ELSE '' END
            || CASE WHEN OLD.deleted_at IS NOT NULL THEN '"deleted_at":[' || json_quote(CAST(OLD.deleted_at AS TEXT)) || ',' || 'null' || '],' ELSE '' END, ',') || '}');
END;
