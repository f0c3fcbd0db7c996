-- SPDX-License-Identifier: GPL-3.0-or-later
-- The SQLite mirror of postgresql/0008_change_log: every insert, update, soft delete, restore and delete on the four
-- agency tables is written to agency_change_log by the file's own triggers, whichever program makes it (sqlite3
-- included). The values are kept as text ({"column": [old, new]}, JSON null for NULL); updated_at and created_at are
-- left out. SQLite has no roles: a row is written as made by another program ('other', no role, no person), and a
-- write transaction of the app says who made its rows (the OS user, the window or the CLI import) just before it
-- commits, in one UPDATE of the rows after the last one there when it began (db::stampChanges): it holds the file's
-- only write lock meanwhile, so those rows are its own.
--
-- Each trigger is one INSERT whose JSON is put together as text from the changed columns' pairs (json_quote() makes
-- each value a JSON string or null): no JSON is parsed, so a many-row import and a one-row save cost little more
-- than they do without the history. (The CHECKs compare with = rather than IN (…): SQLite builds a temporary index
-- for an IN list each time a CHECK runs, which tripled the cost of an insert.)
-- An update that changed no column but the stamp (the touch trigger's own UPDATE) writes nothing (its WHEN).
CREATE TABLE agency_change_log (
    id INTEGER PRIMARY KEY,
    changed_at TEXT NOT NULL,
    table_name TEXT NOT NULL,
    row_id TEXT NOT NULL,
    operation TEXT NOT NULL CHECK (operation = 'insert' OR operation = 'update' OR operation = 'soft_delete'
                                   OR operation = 'restore' OR operation = 'delete'),
    changes TEXT NOT NULL,
    db_role TEXT,
    app_user TEXT,
    source TEXT NOT NULL DEFAULT 'other' CHECK (source = 'app' OR source = 'cli-import' OR source = 'other')
);
CREATE INDEX agency_change_log_row_idx ON agency_change_log (table_name, row_id, id);
CREATE INDEX agency_change_log_changed_at_idx ON agency_change_log (changed_at);

CREATE TRIGGER agency_sla_tiers_log_insert AFTER INSERT ON agency_sla_tiers FOR EACH ROW
BEGIN
    INSERT INTO agency_change_log (changed_at, table_name, row_id, operation, changes)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'agency_sla_tiers', NEW.id, 'insert',
        '{' || rtrim(
            CASE WHEN NEW.name IS NOT NULL THEN '"name":[' || 'null' || ',' || json_quote(CAST(NEW.name AS TEXT)) || '],' ELSE '' END
            || CASE WHEN NEW.description IS NOT NULL THEN '"description":[' || 'null' || ',' || json_quote(CAST(NEW.description AS TEXT)) || '],' ELSE '' END
            || CASE WHEN NEW.response_time_hours IS NOT NULL THEN '"response_time_hours":[' || 'null' || ',' || json_quote(CAST(NEW.response_time_hours AS TEXT)) || '],' ELSE '' END
            || CASE WHEN NEW.monthly_hours_included IS NOT NULL THEN '"monthly_hours_included":[' || 'null' || ',' || json_quote(CAST(NEW.monthly_hours_included AS TEXT)) || '],' ELSE '' END
            || CASE WHEN NEW.hourly_rate IS NOT NULL THEN '"hourly_rate":[' || 'null' || ',' || json_quote(CAST(NEW.hourly_rate AS TEXT)) || '],' ELSE '' END
            || CASE WHEN NEW.monthly_retainer IS NOT NULL THEN '"monthly_retainer":[' || 'null' || ',' || json_quote(CAST(NEW.monthly_retainer AS TEXT)) || '],' ELSE '' END
            || CASE WHEN NEW.features IS NOT NULL THEN '"features":[' || 'null' || ',' || json_quote(CAST(NEW.features AS TEXT)) || '],' ELSE '' END
            || CASE WHEN NEW.priority IS NOT NULL THEN '"priority":[' || 'null' || ',' || json_quote(CAST(NEW.priority AS TEXT)) || '],' ELSE '' END
            || CASE WHEN NEW.deleted_at IS NOT NULL THEN '"deleted_at":[' || 'null' || ',' || json_quote(CAST(NEW.deleted_at AS TEXT)) || '],' ELSE '' END, ',') || '}');
END;
CREATE TRIGGER agency_sla_tiers_log_update AFTER UPDATE ON agency_sla_tiers FOR EACH ROW
    WHEN OLD.name IS NOT NEW.name OR OLD.description IS NOT NEW.description OR OLD.response_time_hours IS NOT NEW.response_time_hours OR OLD.monthly_hours_included IS NOT NEW.monthly_hours_included OR OLD.hourly_rate IS NOT NEW.hourly_rate OR OLD.monthly_retainer IS NOT NEW.monthly_retainer OR OLD.features IS NOT NEW.features OR OLD.priority IS NOT NEW.priority OR OLD.deleted_at IS NOT NEW.deleted_at
BEGIN
    INSERT INTO agency_change_log (changed_at, table_name, row_id, operation, changes)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'agency_sla_tiers', NEW.id,
        CASE WHEN OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL THEN 'soft_delete'
             WHEN OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS NULL THEN 'restore'
             ELSE 'update' END,
        '{' || rtrim(
            CASE WHEN OLD.name IS NOT NEW.name THEN '"name":[' || json_quote(CAST(OLD.name AS TEXT)) || ',' || json_quote(CAST(NEW.name AS TEXT)) || '],' ELSE '' END
            || CASE WHEN OLD.description IS NOT NEW.description THEN '"description":[' || json_quote(CAST(OLD.description AS TEXT)) || ',' || json_quote(CAST(NEW.description AS TEXT)) || '],' ELSE '' END
            || CASE WHEN OLD.response_time_hours IS NOT NEW.response_time_hours THEN '"response_time_hours":[' || json_quote(CAST(OLD.response_time_hours AS TEXT)) || ',' || json_quote(CAST(NEW.response_time_hours AS TEXT)) || '],' ELSE '' END
            || CASE WHEN OLD.monthly_hours_included IS NOT NEW.monthly_hours_included THEN '"monthly_hours_included":[' || json_quote(CAST(OLD.monthly_hours_included AS TEXT)) || ',' || json_quote(CAST(NEW.monthly_hours_included AS TEXT)) || '],' ELSE '' END
            || CASE WHEN OLD.hourly_rate IS NOT NEW.hourly_rate THEN '"hourly_rate":[' || json_quote(CAST(OLD.hourly_rate AS TEXT)) || ',' || json_quote(CAST(NEW.hourly_rate AS TEXT)) || '],' ELSE '' END
            || CASE WHEN OLD.monthly_retainer IS NOT NEW.monthly_retainer THEN '"monthly_retainer":[' || json_quote(CAST(OLD.monthly_retainer AS TEXT)) || ',' || json_quote(CAST(NEW.monthly_retainer AS TEXT)) || '],' ELSE '' END
            || CASE WHEN OLD.features IS NOT NEW.features THEN '"features":[' || json_quote(CAST(OLD.features AS TEXT)) || ',' || json_quote(CAST(NEW.features AS TEXT)) || '],' ELSE '' END
            || CASE WHEN OLD.priority IS NOT NEW.priority THEN '"priority":[' || json_quote(CAST(OLD.priority AS TEXT)) || ',' || json_quote(CAST(NEW.priority AS TEXT)) || '],' ELSE '' END
            || CASE WHEN OLD.deleted_at IS NOT NEW.deleted_at THEN '"deleted_at":[' || json_quote(CAST(OLD.deleted_at AS TEXT)) || ',' || json_quote(CAST(NEW.deleted_at AS TEXT)) || '],' ELSE '' END, ',') || '}');
END;
CREATE TRIGGER agency_sla_tiers_log_delete AFTER DELETE ON agency_sla_tiers FOR EACH ROW
BEGIN
    INSERT INTO agency_change_log (changed_at, table_name, row_id, operation, changes)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'agency_sla_tiers', OLD.id, 'delete',
        '{' || rtrim(
            CASE WHEN OLD.name IS NOT NULL THEN '"name":[' || json_quote(CAST(OLD.name AS TEXT)) || ',' || 'null' || '],' ELSE '' END
            || CASE WHEN OLD.description IS NOT NULL THEN '"description":[' || json_quote(CAST(OLD.description AS TEXT)) || ',' || 'null' || '],' ELSE '' END
            || CASE WHEN OLD.response_time_hours IS NOT NULL THEN '"response_time_hours":[' || json_quote(CAST(OLD.response_time_hours AS TEXT)) || ',' || 'null' || '],' ELSE '' END
            || CASE WHEN OLD.monthly_hours_included IS NOT NULL THEN '"monthly_hours_included":[' || json_quote(CAST(OLD.monthly_hours_included AS TEXT)) || ',' || 'null' || '],' ELSE '' END
            || CASE WHEN OLD.hourly_rate IS NOT NULL THEN '"hourly_rate":[' || json_quote(CAST(OLD.hourly_rate AS TEXT)) || ',' || 'null' || '],' ELSE '' END
            || CASE WHEN OLD.monthly_retainer IS NOT NULL THEN '"monthly_retainer":[' || json_quote(CAST(OLD.monthly_retainer AS TEXT)) || ',' || 'null' || '],' ELSE '' END
            || CASE WHEN OLD.features IS NOT NULL THEN '"features":[' || json_quote(CAST(OLD.features AS TEXT)) || ',' || 'null' || '],' ELSE '' END
            || CASE WHEN OLD.priority IS NOT NULL THEN '"priority":[' || json_quote(CAST(OLD.priority AS TEXT)) || ',' || 'null' || '],' ELSE '' END
            || CASE WHEN OLD.deleted_at IS NOT NULL THEN '"deleted_at":[' || json_quote(CAST(OLD.deleted_at AS TEXT)) || ',' || 'null' || '],' ELSE '' END, ',') || '}');
END;

CREATE TRIGGER agency_clients_log_insert AFTER INSERT ON agency_clients FOR EACH ROW
BEGIN
    INSERT INTO agency_change_log (changed_at, table_name, row_id, operation, changes)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'agency_clients', NEW.id, 'insert',
        '{' || rtrim(
            CASE WHEN NEW.plane_workspace_id IS NOT NULL THEN '"plane_workspace_id":[' || 'null' || ',' || json_quote(CAST(NEW.plane_workspace_id AS TEXT)) || '],' ELSE '' END
            || CASE WHEN NEW.client_name IS NOT NULL THEN '"client_name":[' || 'null' || ',' || json_quote(CAST(NEW.client_name AS TEXT)) || '],' ELSE '' END
            || CASE WHEN NEW.client_legal_name IS NOT NULL THEN '"client_legal_name":[' || 'null' || ',' || json_quote(CAST(NEW.client_legal_name AS TEXT)) || '],' ELSE '' END
            || CASE WHEN NEW.sla_tier_id IS NOT NULL THEN '"sla_tier_id":[' || 'null' || ',' || json_quote(CAST(NEW.sla_tier_id AS TEXT)) || '],' ELSE '' END
            || CASE WHEN NEW.billing_contact_name IS NOT NULL THEN '"billing_contact_name":[' || 'null' || ',' || json_quote(CAST(NEW.billing_contact_name AS TEXT)) || '],' ELSE '' END
            || CASE WHEN NEW.billing_contact_email IS NOT NULL THEN '"billing_contact_email":[' || 'null' || ',' || json_quote(CAST(NEW.billing_contact_email AS TEXT)) || '],' ELSE '' END
            || CASE WHEN NEW.billing_contact_phone IS NOT NULL THEN '"billing_contact_phone":[' || 'null' || ',' || json_quote(CAST(NEW.billing_contact_phone AS TEXT)) || '],' ELSE '' END
            || CASE WHEN NEW.billing_contact_address IS NOT NULL THEN '"billing_contact_address":[' || 'null' || ',' || json_quote(CAST(NEW.billing_contact_address AS TEXT)) || '],' ELSE '' END
            || CASE WHEN NEW.contract_start_date IS NOT NULL THEN '"contract_start_date":[' || 'null' || ',' || json_quote(CAST(NEW.contract_start_date AS TEXT)) || '],' ELSE '' END
            || CASE WHEN NEW.contract_end_date IS NOT NULL THEN '"contract_end_date":[' || 'null' || ',' || json_quote(CAST(NEW.contract_end_date AS TEXT)) || '],' ELSE '' END
            || CASE WHEN NEW.is_active IS NOT NULL THEN '"is_active":[' || 'null' || ',' || json_quote(CAST(NEW.is_active AS TEXT)) || '],' ELSE '' END
            || CASE WHEN NEW.industry IS NOT NULL THEN '"industry":[' || 'null' || ',' || json_quote(CAST(NEW.industry AS TEXT)) || '],' ELSE '' END
            || CASE WHEN NEW.client_type IS NOT NULL THEN '"client_type":[' || 'null' || ',' || json_quote(CAST(NEW.client_type AS TEXT)) || '],' ELSE '' END
            || CASE WHEN NEW.internal_notes IS NOT NULL THEN '"internal_notes":[' || 'null' || ',' || json_quote(CAST(NEW.internal_notes AS TEXT)) || '],' ELSE '' END
            || CASE WHEN NEW.metadata IS NOT NULL THEN '"metadata":[' || 'null' || ',' || json_quote(CAST(NEW.metadata AS TEXT)) || '],' ELSE '' END
            || CASE WHEN NEW.deleted_at IS NOT NULL THEN '"deleted_at":[' || 'null' || ',' || json_quote(CAST(NEW.deleted_at AS TEXT)) || '],' ELSE '' END, ',') || '}');
END;
CREATE TRIGGER agency_clients_log_update AFTER UPDATE ON agency_clients FOR EACH ROW
    WHEN OLD.plane_workspace_id IS NOT NEW.plane_workspace_id OR OLD.client_name IS NOT NEW.client_name OR OLD.client_legal_name IS NOT NEW.client_legal_name OR OLD.sla_tier_id IS NOT NEW.sla_tier_id OR OLD.billing_contact_name IS NOT NEW.billing_contact_name OR OLD.billing_contact_email IS NOT NEW.billing_contact_email OR OLD.billing_contact_phone IS NOT NEW.billing_contact_phone OR OLD.billing_contact_address IS NOT NEW.billing_contact_address OR OLD.contract_start_date IS NOT NEW.contract_start_date OR OLD.contract_end_date IS NOT NEW.contract_end_date OR OLD.is_active IS NOT NEW.is_active OR OLD.industry IS NOT NEW.industry OR OLD.client_type IS NOT NEW.client_type OR OLD.internal_notes IS NOT NEW.internal_notes OR OLD.metadata IS NOT NEW.metadata OR OLD.deleted_at IS NOT NEW.deleted_at
BEGIN
    INSERT INTO agency_change_log (changed_at, table_name, row_id, operation, changes)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'agency_clients', NEW.id,
        CASE WHEN OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL THEN 'soft_delete'
             WHEN OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS NULL THEN 'restore'
             ELSE 'update' END,
        '{' || rtrim(
            CASE WHEN OLD.plane_workspace_id IS NOT NEW.plane_workspace_id THEN '"plane_workspace_id":[' || json_quote(CAST(OLD.plane_workspace_id AS TEXT)) || ',' || json_quote(CAST(NEW.plane_workspace_id AS TEXT)) || '],' ELSE '' END
            || CASE WHEN OLD.client_name IS NOT NEW.client_name THEN '"client_name":[' || json_quote(CAST(OLD.client_name AS TEXT)) || ',' || json_quote(CAST(NEW.client_name AS TEXT)) || '],' ELSE '' END
            || CASE WHEN OLD.client_legal_name IS NOT NEW.client_legal_name THEN '"client_legal_name":[' || json_quote(CAST(OLD.client_legal_name AS TEXT)) || ',' || json_quote(CAST(NEW.client_legal_name AS TEXT)) || '],' ELSE '' END
            || CASE WHEN OLD.sla_tier_id IS NOT NEW.sla_tier_id THEN '"sla_tier_id":[' || json_quote(CAST(OLD.sla_tier_id AS TEXT)) || ',' || json_quote(CAST(NEW.sla_tier_id AS TEXT)) || '],' ELSE '' END
            || CASE WHEN OLD.billing_contact_name IS NOT NEW.billing_contact_name THEN '"billing_contact_name":[' || json_quote(CAST(OLD.billing_contact_name AS TEXT)) || ',' || json_quote(CAST(NEW.billing_contact_name AS TEXT)) || '],' ELSE '' END
            || CASE WHEN OLD.billing_contact_email IS NOT NEW.billing_contact_email THEN '"billing_contact_email":[' || json_quote(CAST(OLD.billing_contact_email AS TEXT)) || ',' || json_quote(CAST(NEW.billing_contact_email AS TEXT)) || '],' ELSE '' END
            || CASE WHEN OLD.billing_contact_phone IS NOT NEW.billing_contact_phone THEN '"billing_contact_phone":[' || json_quote(CAST(OLD.billing_contact_phone AS TEXT)) || ',' || json_quote(CAST(NEW.billing_contact_phone AS TEXT)) || '],' ELSE '' END
            || CASE WHEN OLD.billing_contact_address IS NOT NEW.billing_contact_address THEN '"billing_contact_address":[' || json_quote(CAST(OLD.billing_contact_address AS TEXT)) || ',' || json_quote(CAST(NEW.billing_contact_address AS TEXT)) || '],' ELSE '' END
            || CASE WHEN OLD.contract_start_date IS NOT NEW.contract_start_date THEN '"contract_start_date":[' || json_quote(CAST(OLD.contract_start_date AS TEXT)) || ',' || json_quote(CAST(NEW.contract_start_date AS TEXT)) || '],' ELSE '' END
            || CASE WHEN OLD.contract_end_date IS NOT NEW.contract_end_date THEN '"contract_end_date":[' || json_quote(CAST(OLD.contract_end_date AS TEXT)) || ',' || json_quote(CAST(NEW.contract_end_date AS TEXT)) || '],' ELSE '' END
            || CASE WHEN OLD.is_active IS NOT NEW.is_active THEN '"is_active":[' || json_quote(CAST(OLD.is_active AS TEXT)) || ',' || json_quote(CAST(NEW.is_active AS TEXT)) || '],' ELSE '' END
            || CASE WHEN OLD.industry IS NOT NEW.industry THEN '"industry":[' || json_quote(CAST(OLD.industry AS TEXT)) || ',' || json_quote(CAST(NEW.industry AS TEXT)) || '],' ELSE '' END
            || CASE WHEN OLD.client_type IS NOT NEW.client_type THEN '"client_type":[' || json_quote(CAST(OLD.client_type AS TEXT)) || ',' || json_quote(CAST(NEW.client_type AS TEXT)) || '],' ELSE '' END
            || CASE WHEN OLD.internal_notes IS NOT NEW.internal_notes THEN '"internal_notes":[' || json_quote(CAST(OLD.internal_notes AS TEXT)) || ',' || json_quote(CAST(NEW.internal_notes AS TEXT)) || '],' ELSE '' END
            || CASE WHEN OLD.metadata IS NOT NEW.metadata THEN '"metadata":[' || json_quote(CAST(OLD.metadata AS TEXT)) || ',' || json_quote(CAST(NEW.metadata AS TEXT)) || '],' ELSE '' END
            || CASE WHEN OLD.deleted_at IS NOT NEW.deleted_at THEN '"deleted_at":[' || json_quote(CAST(OLD.deleted_at AS TEXT)) || ',' || json_quote(CAST(NEW.deleted_at AS TEXT)) || '],' ELSE '' END, ',') || '}');
END;
CREATE TRIGGER agency_clients_log_delete AFTER DELETE ON agency_clients FOR EACH ROW
BEGIN
    INSERT INTO agency_change_log (changed_at, table_name, row_id, operation, changes)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'agency_clients', OLD.id, 'delete',
        '{' || rtrim(
            CASE WHEN OLD.plane_workspace_id IS NOT NULL THEN '"plane_workspace_id":[' || json_quote(CAST(OLD.plane_workspace_id AS TEXT)) || ',' || 'null' || '],' ELSE '' END
            || CASE WHEN OLD.client_name IS NOT NULL THEN '"client_name":[' || json_quote(CAST(OLD.client_name AS TEXT)) || ',' || 'null' || '],' ELSE '' END
            || CASE WHEN OLD.client_legal_name IS NOT NULL THEN '"client_legal_name":[' || json_quote(CAST(OLD.client_legal_name AS TEXT)) || ',' || 'null' || '],' ELSE '' END
            || CASE WHEN OLD.sla_tier_id IS NOT NULL THEN '"sla_tier_id":[' || json_quote(CAST(OLD.sla_tier_id AS TEXT)) || ',' || 'null' || '],' ELSE '' END
            || CASE WHEN OLD.billing_contact_name IS NOT NULL THEN '"billing_contact_name":[' || json_quote(CAST(OLD.billing_contact_name AS TEXT)) || ',' || 'null' || '],' ELSE '' END
            || CASE WHEN OLD.billing_contact_email IS NOT NULL THEN '"billing_contact_email":[' || json_quote(CAST(OLD.billing_contact_email AS TEXT)) || ',' || 'null' || '],' ELSE '' END
            || CASE WHEN OLD.billing_contact_phone IS NOT NULL THEN '"billing_contact_phone":[' || json_quote(CAST(OLD.billing_contact_phone AS TEXT)) || ',' || 'null' || '],' ELSE '' END
            || CASE WHEN OLD.billing_contact_address IS NOT NULL THEN '"billing_contact_address":[' || json_quote(CAST(OLD.billing_contact_address AS TEXT)) || ',' || 'null' || '],' ELSE '' END
            || CASE WHEN OLD.contract_start_date IS NOT NULL THEN '"contract_start_date":[' || json_quote(CAST(OLD.contract_start_date AS TEXT)) || ',' || 'null' || '],' ELSE '' END
            || CASE WHEN OLD.contract_end_date IS NOT NULL THEN '"contract_end_date":[' || json_quote(CAST(OLD.contract_end_date AS TEXT)) || ',' || 'null' || '],' ELSE '' END
            || CASE WHEN OLD.is_active IS NOT NULL THEN '"is_active":[' || json_quote(CAST(OLD.is_active AS TEXT)) || ',' || 'null' || '],' ELSE '' END
            || CASE WHEN OLD.industry IS NOT NULL THEN '"industry":[' || json_quote(CAST(OLD.industry AS TEXT)) || ',' || 'null' || '],' ELSE '' END
            || CASE WHEN OLD.client_type IS NOT NULL THEN '"client_type":[' || json_quote(CAST(OLD.client_type AS TEXT)) || ',' || 'null' || '],' ELSE '' END
            || CASE WHEN OLD.internal_notes IS NOT NULL THEN '"internal_notes":[' || json_quote(CAST(OLD.internal_notes AS TEXT)) || ',' || 'null' || '],' ELSE '' END
            || CASE WHEN OLD.metadata IS NOT NULL THEN '"metadata":[' || json_quote(CAST(OLD.metadata AS TEXT)) || ',' || 'null' || '],' ELSE '' END
            || CASE WHEN OLD.deleted_at IS NOT NULL THEN '"deleted_at":[' || json_quote(CAST(OLD.deleted_at AS TEXT)) || ',' || 'null' || '],' ELSE '' END, ',') || '}');
END;

CREATE TRIGGER agency_campaigns_log_insert AFTER INSERT ON agency_campaigns FOR EACH ROW
BEGIN
    INSERT INTO agency_change_log (changed_at, table_name, row_id, operation, changes)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'agency_campaigns', NEW.id, 'insert',
        '{' || rtrim(
            CASE WHEN NEW.plane_project_id IS NOT NULL THEN '"plane_project_id":[' || 'null' || ',' || json_quote(CAST(NEW.plane_project_id AS TEXT)) || '],' ELSE '' END
            || CASE WHEN NEW.client_id IS NOT NULL THEN '"client_id":[' || 'null' || ',' || json_quote(CAST(NEW.client_id AS TEXT)) || '],' ELSE '' END
            || CASE WHEN NEW.campaign_type IS NOT NULL THEN '"campaign_type":[' || 'null' || ',' || json_quote(CAST(NEW.campaign_type AS TEXT)) || '],' ELSE '' END
            || CASE WHEN NEW.budget_allocated IS NOT NULL THEN '"budget_allocated":[' || 'null' || ',' || json_quote(CAST(NEW.budget_allocated AS TEXT)) || '],' ELSE '' END
            || CASE WHEN NEW.budget_spent IS NOT NULL THEN '"budget_spent":[' || 'null' || ',' || json_quote(CAST(NEW.budget_spent AS TEXT)) || '],' ELSE '' END
            || CASE WHEN NEW.start_date IS NOT NULL THEN '"start_date":[' || 'null' || ',' || json_quote(CAST(NEW.start_date AS TEXT)) || '],' ELSE '' END
            || CASE WHEN NEW.end_date IS NOT NULL THEN '"end_date":[' || 'null' || ',' || json_quote(CAST(NEW.end_date AS TEXT)) || '],' ELSE '' END
            || CASE WHEN NEW.status IS NOT NULL THEN '"status":[' || 'null' || ',' || json_quote(CAST(NEW.status AS TEXT)) || '],' ELSE '' END
            || CASE WHEN NEW.target_kpis IS NOT NULL THEN '"target_kpis":[' || 'null' || ',' || json_quote(CAST(NEW.target_kpis AS TEXT)) || '],' ELSE '' END
            || CASE WHEN NEW.actual_kpis IS NOT NULL THEN '"actual_kpis":[' || 'null' || ',' || json_quote(CAST(NEW.actual_kpis AS TEXT)) || '],' ELSE '' END
            || CASE WHEN NEW.campaign_brief IS NOT NULL THEN '"campaign_brief":[' || 'null' || ',' || json_quote(CAST(NEW.campaign_brief AS TEXT)) || '],' ELSE '' END
            || CASE WHEN NEW.internal_notes IS NOT NULL THEN '"internal_notes":[' || 'null' || ',' || json_quote(CAST(NEW.internal_notes AS TEXT)) || '],' ELSE '' END
            || CASE WHEN NEW.metadata IS NOT NULL THEN '"metadata":[' || 'null' || ',' || json_quote(CAST(NEW.metadata AS TEXT)) || '],' ELSE '' END
            || CASE WHEN NEW.deleted_at IS NOT NULL THEN '"deleted_at":[' || 'null' || ',' || json_quote(CAST(NEW.deleted_at AS TEXT)) || '],' ELSE '' END, ',') || '}');
END;
CREATE TRIGGER agency_campaigns_log_update AFTER UPDATE ON agency_campaigns FOR EACH ROW
    WHEN OLD.plane_project_id IS NOT NEW.plane_project_id OR OLD.client_id IS NOT NEW.client_id OR OLD.campaign_type IS NOT NEW.campaign_type OR OLD.budget_allocated IS NOT NEW.budget_allocated OR OLD.budget_spent IS NOT NEW.budget_spent OR OLD.start_date IS NOT NEW.start_date OR OLD.end_date IS NOT NEW.end_date OR OLD.status IS NOT NEW.status OR OLD.target_kpis IS NOT NEW.target_kpis OR OLD.actual_kpis IS NOT NEW.actual_kpis OR OLD.campaign_brief IS NOT NEW.campaign_brief OR OLD.internal_notes IS NOT NEW.internal_notes OR OLD.metadata IS NOT NEW.metadata OR OLD.deleted_at IS NOT NEW.deleted_at
BEGIN
    INSERT INTO agency_change_log (changed_at, table_name, row_id, operation, changes)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'agency_campaigns', NEW.id,
        CASE WHEN OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL THEN 'soft_delete'
             WHEN OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS NULL THEN 'restore'
             ELSE 'update' END,
        '{' || rtrim(
            CASE WHEN OLD.plane_project_id IS NOT NEW.plane_project_id THEN '"plane_project_id":[' || json_quote(CAST(OLD.plane_project_id AS TEXT)) || ',' || json_quote(CAST(NEW.plane_project_id AS TEXT)) || '],' ELSE '' END
            || CASE WHEN OLD.client_id IS NOT NEW.client_id THEN '"client_id":[' || json_quote(CAST(OLD.client_id AS TEXT)) || ',' || json_quote(CAST(NEW.client_id AS TEXT)) || '],' ELSE '' END
            || CASE WHEN OLD.campaign_type IS NOT NEW.campaign_type THEN '"campaign_type":[' || json_quote(CAST(OLD.campaign_type AS TEXT)) || ',' || json_quote(CAST(NEW.campaign_type AS TEXT)) || '],' ELSE '' END
            || CASE WHEN OLD.budget_allocated IS NOT NEW.budget_allocated THEN '"budget_allocated":[' || json_quote(CAST(OLD.budget_allocated AS TEXT)) || ',' || json_quote(CAST(NEW.budget_allocated AS TEXT)) || '],' ELSE '' END
            || CASE WHEN OLD.budget_spent IS NOT NEW.budget_spent THEN '"budget_spent":[' || json_quote(CAST(OLD.budget_spent AS TEXT)) || ',' || json_quote(CAST(NEW.budget_spent AS TEXT)) || '],' ELSE '' END
            || CASE WHEN OLD.start_date IS NOT NEW.start_date THEN '"start_date":[' || json_quote(CAST(OLD.start_date AS TEXT)) || ',' || json_quote(CAST(NEW.start_date AS TEXT)) || '],' ELSE '' END
            || CASE WHEN OLD.end_date IS NOT NEW.end_date THEN '"end_date":[' || json_quote(CAST(OLD.end_date AS TEXT)) || ',' || json_quote(CAST(NEW.end_date AS TEXT)) || '],' ELSE '' END
            || CASE WHEN OLD.status IS NOT NEW.status THEN '"status":[' || json_quote(CAST(OLD.status AS TEXT)) || ',' || json_quote(CAST(NEW.status AS TEXT)) || '],' ELSE '' END
            || CASE WHEN OLD.target_kpis IS NOT NEW.target_kpis THEN '"target_kpis":[' || json_quote(CAST(OLD.target_kpis AS TEXT)) || ',' || json_quote(CAST(NEW.target_kpis AS TEXT)) || '],' ELSE '' END
            || CASE WHEN OLD.actual_kpis IS NOT NEW.actual_kpis THEN '"actual_kpis":[' || json_quote(CAST(OLD.actual_kpis AS TEXT)) || ',' || json_quote(CAST(NEW.actual_kpis AS TEXT)) || '],' ELSE '' END
            || CASE WHEN OLD.campaign_brief IS NOT NEW.campaign_brief THEN '"campaign_brief":[' || json_quote(CAST(OLD.campaign_brief AS TEXT)) || ',' || json_quote(CAST(NEW.campaign_brief AS TEXT)) || '],' ELSE '' END
            || CASE WHEN OLD.internal_notes IS NOT NEW.internal_notes THEN '"internal_notes":[' || json_quote(CAST(OLD.internal_notes AS TEXT)) || ',' || json_quote(CAST(NEW.internal_notes AS TEXT)) || '],' ELSE '' END
            || CASE WHEN OLD.metadata IS NOT NEW.metadata THEN '"metadata":[' || json_quote(CAST(OLD.metadata AS TEXT)) || ',' || json_quote(CAST(NEW.metadata AS TEXT)) || '],' ELSE '' END
            || CASE WHEN OLD.deleted_at IS NOT NEW.deleted_at THEN '"deleted_at":[' || json_quote(CAST(OLD.deleted_at AS TEXT)) || ',' || json_quote(CAST(NEW.deleted_at AS TEXT)) || '],' ELSE '' END, ',') || '}');
END;
CREATE TRIGGER agency_campaigns_log_delete AFTER DELETE ON agency_campaigns FOR EACH ROW
BEGIN
    INSERT INTO agency_change_log (changed_at, table_name, row_id, operation, changes)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'agency_campaigns', OLD.id, 'delete',
        '{' || rtrim(
            CASE WHEN OLD.plane_project_id IS NOT NULL THEN '"plane_project_id":[' || json_quote(CAST(OLD.plane_project_id AS TEXT)) || ',' || 'null' || '],' ELSE '' END
            || CASE WHEN OLD.client_id IS NOT NULL THEN '"client_id":[' || json_quote(CAST(OLD.client_id AS TEXT)) || ',' || 'null' || '],' ELSE '' END
            || CASE WHEN OLD.campaign_type IS NOT NULL THEN '"campaign_type":[' || json_quote(CAST(OLD.campaign_type AS TEXT)) || ',' || 'null' || '],' ELSE '' END
            || CASE WHEN OLD.budget_allocated IS NOT NULL THEN '"budget_allocated":[' || json_quote(CAST(OLD.budget_allocated AS TEXT)) || ',' || 'null' || '],' ELSE '' END
            || CASE WHEN OLD.budget_spent IS NOT NULL THEN '"budget_spent":[' || json_quote(CAST(OLD.budget_spent AS TEXT)) || ',' || 'null' || '],' ELSE '' END
            || CASE WHEN OLD.start_date IS NOT NULL THEN '"start_date":[' || json_quote(CAST(OLD.start_date AS TEXT)) || ',' || 'null' || '],' ELSE '' END
            || CASE WHEN OLD.end_date IS NOT NULL THEN '"end_date":[' || json_quote(CAST(OLD.end_date AS TEXT)) || ',' || 'null' || '],' ELSE '' END
            || CASE WHEN OLD.status IS NOT NULL THEN '"status":[' || json_quote(CAST(OLD.status AS TEXT)) || ',' || 'null' || '],' ELSE '' END
            || CASE WHEN OLD.target_kpis IS NOT NULL THEN '"target_kpis":[' || json_quote(CAST(OLD.target_kpis AS TEXT)) || ',' || 'null' || '],' ELSE '' END
            || CASE WHEN OLD.actual_kpis IS NOT NULL THEN '"actual_kpis":[' || json_quote(CAST(OLD.actual_kpis AS TEXT)) || ',' || 'null' || '],' ELSE '' END
            || CASE WHEN OLD.campaign_brief IS NOT NULL THEN '"campaign_brief":[' || json_quote(CAST(OLD.campaign_brief AS TEXT)) || ',' || 'null' || '],' ELSE '' END
            || CASE WHEN OLD.internal_notes IS NOT NULL THEN '"internal_notes":[' || json_quote(CAST(OLD.internal_notes AS TEXT)) || ',' || 'null' || '],' ELSE '' END
            || CASE WHEN OLD.metadata IS NOT NULL THEN '"metadata":[' || json_quote(CAST(OLD.metadata AS TEXT)) || ',' || 'null' || '],' ELSE '' END
            || CASE WHEN OLD.deleted_at IS NOT NULL THEN '"deleted_at":[' || json_quote(CAST(OLD.deleted_at AS TEXT)) || ',' || 'null' || '],' ELSE '' END, ',') || '}');
END;

CREATE TRIGGER agency_campaign_channels_log_insert AFTER INSERT ON agency_campaign_channels FOR EACH ROW
BEGIN
    INSERT INTO agency_change_log (changed_at, table_name, row_id, operation, changes)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'agency_campaign_channels', NEW.id, 'insert',
        '{' || rtrim(
            CASE WHEN NEW.campaign_id IS NOT NULL THEN '"campaign_id":[' || 'null' || ',' || json_quote(CAST(NEW.campaign_id AS TEXT)) || '],' ELSE '' END
            || CASE WHEN NEW.channel_type IS NOT NULL THEN '"channel_type":[' || 'null' || ',' || json_quote(CAST(NEW.channel_type AS TEXT)) || '],' ELSE '' END
            || CASE WHEN NEW.budget_percentage IS NOT NULL THEN '"budget_percentage":[' || 'null' || ',' || json_quote(CAST(NEW.budget_percentage AS TEXT)) || '],' ELSE '' END
            || CASE WHEN NEW.budget_amount IS NOT NULL THEN '"budget_amount":[' || 'null' || ',' || json_quote(CAST(NEW.budget_amount AS TEXT)) || '],' ELSE '' END
            || CASE WHEN NEW.is_active IS NOT NULL THEN '"is_active":[' || 'null' || ',' || json_quote(CAST(NEW.is_active AS TEXT)) || '],' ELSE '' END
            || CASE WHEN NEW.performance_data IS NOT NULL THEN '"performance_data":[' || 'null' || ',' || json_quote(CAST(NEW.performance_data AS TEXT)) || '],' ELSE '' END
            || CASE WHEN NEW.external_account_id IS NOT NULL THEN '"external_account_id":[' || 'null' || ',' || json_quote(CAST(NEW.external_account_id AS TEXT)) || '],' ELSE '' END
            || CASE WHEN NEW.external_campaign_id IS NOT NULL THEN '"external_campaign_id":[' || 'null' || ',' || json_quote(CAST(NEW.external_campaign_id AS TEXT)) || '],' ELSE '' END
            || CASE WHEN NEW.notes IS NOT NULL THEN '"notes":[' || 'null' || ',' || json_quote(CAST(NEW.notes AS TEXT)) || '],' ELSE '' END
            || CASE WHEN NEW.deleted_at IS NOT NULL THEN '"deleted_at":[' || 'null' || ',' || json_quote(CAST(NEW.deleted_at AS TEXT)) || '],' ELSE '' END, ',') || '}');
END;
CREATE TRIGGER agency_campaign_channels_log_update AFTER UPDATE ON agency_campaign_channels FOR EACH ROW
    WHEN OLD.campaign_id IS NOT NEW.campaign_id OR OLD.channel_type IS NOT NEW.channel_type OR OLD.budget_percentage IS NOT NEW.budget_percentage OR OLD.budget_amount IS NOT NEW.budget_amount OR OLD.is_active IS NOT NEW.is_active OR OLD.performance_data IS NOT NEW.performance_data OR OLD.external_account_id IS NOT NEW.external_account_id OR OLD.external_campaign_id IS NOT NEW.external_campaign_id OR OLD.notes IS NOT NEW.notes OR OLD.deleted_at IS NOT NEW.deleted_at
BEGIN
    INSERT INTO agency_change_log (changed_at, table_name, row_id, operation, changes)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'agency_campaign_channels', NEW.id,
        CASE WHEN OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL THEN 'soft_delete'
             WHEN OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS NULL THEN 'restore'
             ELSE 'update' END,
        '{' || rtrim(
            CASE WHEN OLD.campaign_id IS NOT NEW.campaign_id THEN '"campaign_id":[' || json_quote(CAST(OLD.campaign_id AS TEXT)) || ',' || json_quote(CAST(NEW.campaign_id AS TEXT)) || '],' ELSE '' END
            || CASE WHEN OLD.channel_type IS NOT NEW.channel_type THEN '"channel_type":[' || json_quote(CAST(OLD.channel_type AS TEXT)) || ',' || json_quote(CAST(NEW.channel_type AS TEXT)) || '],' ELSE '' END
            || CASE WHEN OLD.budget_percentage IS NOT NEW.budget_percentage THEN '"budget_percentage":[' || json_quote(CAST(OLD.budget_percentage AS TEXT)) || ',' || json_quote(CAST(NEW.budget_percentage AS TEXT)) || '],' ELSE '' END
            || CASE WHEN OLD.budget_amount IS NOT NEW.budget_amount THEN '"budget_amount":[' || json_quote(CAST(OLD.budget_amount AS TEXT)) || ',' || json_quote(CAST(NEW.budget_amount AS TEXT)) || '],' ELSE '' END
            || CASE WHEN OLD.is_active IS NOT NEW.is_active THEN '"is_active":[' || json_quote(CAST(OLD.is_active AS TEXT)) || ',' || json_quote(CAST(NEW.is_active AS TEXT)) || '],' ELSE '' END
            || CASE WHEN OLD.performance_data IS NOT NEW.performance_data THEN '"performance_data":[' || json_quote(CAST(OLD.performance_data AS TEXT)) || ',' || json_quote(CAST(NEW.performance_data AS TEXT)) || '],' ELSE '' END
            || CASE WHEN OLD.external_account_id IS NOT NEW.external_account_id THEN '"external_account_id":[' || json_quote(CAST(OLD.external_account_id AS TEXT)) || ',' || json_quote(CAST(NEW.external_account_id AS TEXT)) || '],' ELSE '' END
            || CASE WHEN OLD.external_campaign_id IS NOT NEW.external_campaign_id THEN '"external_campaign_id":[' || json_quote(CAST(OLD.external_campaign_id AS TEXT)) || ',' || json_quote(CAST(NEW.external_campaign_id AS TEXT)) || '],' ELSE '' END
            || CASE WHEN OLD.notes IS NOT NEW.notes THEN '"notes":[' || json_quote(CAST(OLD.notes AS TEXT)) || ',' || json_quote(CAST(NEW.notes AS TEXT)) || '],' ELSE '' END
            || CASE WHEN OLD.deleted_at IS NOT NEW.deleted_at THEN '"deleted_at":[' || json_quote(CAST(OLD.deleted_at AS TEXT)) || ',' || json_quote(CAST(NEW.deleted_at AS TEXT)) || '],' ELSE '' END, ',') || '}');
END;
CREATE TRIGGER agency_campaign_channels_log_delete AFTER DELETE ON agency_campaign_channels FOR EACH ROW
BEGIN
    INSERT INTO agency_change_log (changed_at, table_name, row_id, operation, changes)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'agency_campaign_channels', OLD.id, 'delete',
        '{' || rtrim(
            CASE WHEN OLD.campaign_id IS NOT NULL THEN '"campaign_id":[' || json_quote(CAST(OLD.campaign_id AS TEXT)) || ',' || 'null' || '],' ELSE '' END
            || CASE WHEN OLD.channel_type IS NOT NULL THEN '"channel_type":[' || json_quote(CAST(OLD.channel_type AS TEXT)) || ',' || 'null' || '],' ELSE '' END
            || CASE WHEN OLD.budget_percentage IS NOT NULL THEN '"budget_percentage":[' || json_quote(CAST(OLD.budget_percentage AS TEXT)) || ',' || 'null' || '],' ELSE '' END
            || CASE WHEN OLD.budget_amount IS NOT NULL THEN '"budget_amount":[' || json_quote(CAST(OLD.budget_amount AS TEXT)) || ',' || 'null' || '],' ELSE '' END
            || CASE WHEN OLD.is_active IS NOT NULL THEN '"is_active":[' || json_quote(CAST(OLD.is_active AS TEXT)) || ',' || 'null' || '],' ELSE '' END
            || CASE WHEN OLD.performance_data IS NOT NULL THEN '"performance_data":[' || json_quote(CAST(OLD.performance_data AS TEXT)) || ',' || 'null' || '],' ELSE '' END
            || CASE WHEN OLD.external_account_id IS NOT NULL THEN '"external_account_id":[' || json_quote(CAST(OLD.external_account_id AS TEXT)) || ',' || 'null' || '],' ELSE '' END
            || CASE WHEN OLD.external_campaign_id IS NOT NULL THEN '"external_campaign_id":[' || json_quote(CAST(OLD.external_campaign_id AS TEXT)) || ',' || 'null' || '],' ELSE '' END
            || CASE WHEN OLD.notes IS NOT NULL THEN '"notes":[' || json_quote(CAST(OLD.notes AS TEXT)) || ',' || 'null' || '],' ELSE '' END
            || CASE WHEN OLD.deleted_at IS NOT NULL THEN '"deleted_at":[' || json_quote(CAST(OLD.deleted_at AS TEXT)) || ',' || 'null' || '],' ELSE '' END, ',') || '}');
END;
