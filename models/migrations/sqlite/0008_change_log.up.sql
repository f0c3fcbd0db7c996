-- SPDX-License-Identifier: GPL-3.0-or-later
-- The SQLite mirror of postgresql/0008_change_log: every insert, update, soft delete, restore and delete on the four
-- agency tables is written to agency_change_log by the file's own triggers, whichever program makes it (sqlite3
-- included). The values are kept as text ({"column": [old, new]}, JSON null for NULL); updated_at and created_at are
-- left out. SQLite has no roles: a row is written as made by another program ('other', no role, no person), and the
-- app's own connections add who they are (the OS user, the window or the CLI import) with a temporary trigger of
-- their own on the log (db::markChangeSource), which other programs do not have.
CREATE TABLE agency_change_log (
    id INTEGER PRIMARY KEY,
    changed_at TEXT NOT NULL,
    table_name TEXT NOT NULL,
    row_id TEXT NOT NULL,
    operation TEXT NOT NULL CHECK (operation IN ('insert', 'update', 'soft_delete', 'restore', 'delete')),
    changes TEXT NOT NULL CHECK (json_valid(changes)),
    db_role TEXT,
    app_user TEXT,
    source TEXT NOT NULL DEFAULT 'other' CHECK (source IN ('app', 'cli-import', 'other'))
);
CREATE INDEX agency_change_log_row_idx ON agency_change_log (table_name, row_id, id);
CREATE INDEX agency_change_log_changed_at_idx ON agency_change_log (changed_at);

CREATE TRIGGER agency_sla_tiers_log_insert AFTER INSERT ON agency_sla_tiers FOR EACH ROW
BEGIN
    INSERT INTO agency_change_log (changed_at, table_name, row_id, operation, changes)
    SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'agency_sla_tiers', NEW.id, 'insert', json_group_object(c, json_array(o, n))
      FROM (SELECT 'name' AS c, NULL AS o, CAST(NEW.name AS TEXT) AS n
                   UNION ALL SELECT 'description', NULL, CAST(NEW.description AS TEXT)
                   UNION ALL SELECT 'response_time_hours', NULL, CAST(NEW.response_time_hours AS TEXT)
                   UNION ALL SELECT 'monthly_hours_included', NULL, CAST(NEW.monthly_hours_included AS TEXT)
                   UNION ALL SELECT 'hourly_rate', NULL, CAST(NEW.hourly_rate AS TEXT)
                   UNION ALL SELECT 'monthly_retainer', NULL, CAST(NEW.monthly_retainer AS TEXT)
                   UNION ALL SELECT 'features', NULL, CAST(NEW.features AS TEXT)
                   UNION ALL SELECT 'priority', NULL, CAST(NEW.priority AS TEXT)
                   UNION ALL SELECT 'deleted_at', NULL, CAST(NEW.deleted_at AS TEXT))
     WHERE n IS NOT NULL;
END;
CREATE TRIGGER agency_sla_tiers_log_update AFTER UPDATE ON agency_sla_tiers FOR EACH ROW
BEGIN
    INSERT INTO agency_change_log (changed_at, table_name, row_id, operation, changes)
    SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'agency_sla_tiers', NEW.id,
           CASE WHEN OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL THEN 'soft_delete'
                WHEN OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS NULL THEN 'restore'
                ELSE 'update' END,
           changes
      FROM (SELECT json_group_object(c, json_array(o, n)) AS changes, count(*) AS changed
              FROM (SELECT 'name' AS c, CAST(OLD.name AS TEXT) AS o, CAST(NEW.name AS TEXT) AS n
                   UNION ALL SELECT 'description', CAST(OLD.description AS TEXT), CAST(NEW.description AS TEXT)
                   UNION ALL SELECT 'response_time_hours', CAST(OLD.response_time_hours AS TEXT), CAST(NEW.response_time_hours AS TEXT)
                   UNION ALL SELECT 'monthly_hours_included', CAST(OLD.monthly_hours_included AS TEXT), CAST(NEW.monthly_hours_included AS TEXT)
                   UNION ALL SELECT 'hourly_rate', CAST(OLD.hourly_rate AS TEXT), CAST(NEW.hourly_rate AS TEXT)
                   UNION ALL SELECT 'monthly_retainer', CAST(OLD.monthly_retainer AS TEXT), CAST(NEW.monthly_retainer AS TEXT)
                   UNION ALL SELECT 'features', CAST(OLD.features AS TEXT), CAST(NEW.features AS TEXT)
                   UNION ALL SELECT 'priority', CAST(OLD.priority AS TEXT), CAST(NEW.priority AS TEXT)
                   UNION ALL SELECT 'deleted_at', CAST(OLD.deleted_at AS TEXT), CAST(NEW.deleted_at AS TEXT))
             WHERE o IS NOT n)
     WHERE changed > 0;
END;
CREATE TRIGGER agency_sla_tiers_log_delete AFTER DELETE ON agency_sla_tiers FOR EACH ROW
BEGIN
    INSERT INTO agency_change_log (changed_at, table_name, row_id, operation, changes)
    SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'agency_sla_tiers', OLD.id, 'delete', json_group_object(c, json_array(o, n))
      FROM (SELECT 'name' AS c, CAST(OLD.name AS TEXT) AS o, NULL AS n
                   UNION ALL SELECT 'description', CAST(OLD.description AS TEXT), NULL
                   UNION ALL SELECT 'response_time_hours', CAST(OLD.response_time_hours AS TEXT), NULL
                   UNION ALL SELECT 'monthly_hours_included', CAST(OLD.monthly_hours_included AS TEXT), NULL
                   UNION ALL SELECT 'hourly_rate', CAST(OLD.hourly_rate AS TEXT), NULL
                   UNION ALL SELECT 'monthly_retainer', CAST(OLD.monthly_retainer AS TEXT), NULL
                   UNION ALL SELECT 'features', CAST(OLD.features AS TEXT), NULL
                   UNION ALL SELECT 'priority', CAST(OLD.priority AS TEXT), NULL
                   UNION ALL SELECT 'deleted_at', CAST(OLD.deleted_at AS TEXT), NULL)
     WHERE o IS NOT NULL;
END;

CREATE TRIGGER agency_clients_log_insert AFTER INSERT ON agency_clients FOR EACH ROW
BEGIN
    INSERT INTO agency_change_log (changed_at, table_name, row_id, operation, changes)
    SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'agency_clients', NEW.id, 'insert', json_group_object(c, json_array(o, n))
      FROM (SELECT 'plane_workspace_id' AS c, NULL AS o, CAST(NEW.plane_workspace_id AS TEXT) AS n
                   UNION ALL SELECT 'client_name', NULL, CAST(NEW.client_name AS TEXT)
                   UNION ALL SELECT 'client_legal_name', NULL, CAST(NEW.client_legal_name AS TEXT)
                   UNION ALL SELECT 'sla_tier_id', NULL, CAST(NEW.sla_tier_id AS TEXT)
                   UNION ALL SELECT 'billing_contact_name', NULL, CAST(NEW.billing_contact_name AS TEXT)
                   UNION ALL SELECT 'billing_contact_email', NULL, CAST(NEW.billing_contact_email AS TEXT)
                   UNION ALL SELECT 'billing_contact_phone', NULL, CAST(NEW.billing_contact_phone AS TEXT)
                   UNION ALL SELECT 'billing_contact_address', NULL, CAST(NEW.billing_contact_address AS TEXT)
                   UNION ALL SELECT 'contract_start_date', NULL, CAST(NEW.contract_start_date AS TEXT)
                   UNION ALL SELECT 'contract_end_date', NULL, CAST(NEW.contract_end_date AS TEXT)
                   UNION ALL SELECT 'is_active', NULL, CAST(NEW.is_active AS TEXT)
                   UNION ALL SELECT 'industry', NULL, CAST(NEW.industry AS TEXT)
                   UNION ALL SELECT 'client_type', NULL, CAST(NEW.client_type AS TEXT)
                   UNION ALL SELECT 'internal_notes', NULL, CAST(NEW.internal_notes AS TEXT)
                   UNION ALL SELECT 'metadata', NULL, CAST(NEW.metadata AS TEXT)
                   UNION ALL SELECT 'deleted_at', NULL, CAST(NEW.deleted_at AS TEXT))
     WHERE n IS NOT NULL;
END;
CREATE TRIGGER agency_clients_log_update AFTER UPDATE ON agency_clients FOR EACH ROW
BEGIN
    INSERT INTO agency_change_log (changed_at, table_name, row_id, operation, changes)
    SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'agency_clients', NEW.id,
           CASE WHEN OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL THEN 'soft_delete'
                WHEN OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS NULL THEN 'restore'
                ELSE 'update' END,
           changes
      FROM (SELECT json_group_object(c, json_array(o, n)) AS changes, count(*) AS changed
              FROM (SELECT 'plane_workspace_id' AS c, CAST(OLD.plane_workspace_id AS TEXT) AS o, CAST(NEW.plane_workspace_id AS TEXT) AS n
                   UNION ALL SELECT 'client_name', CAST(OLD.client_name AS TEXT), CAST(NEW.client_name AS TEXT)
                   UNION ALL SELECT 'client_legal_name', CAST(OLD.client_legal_name AS TEXT), CAST(NEW.client_legal_name AS TEXT)
                   UNION ALL SELECT 'sla_tier_id', CAST(OLD.sla_tier_id AS TEXT), CAST(NEW.sla_tier_id AS TEXT)
                   UNION ALL SELECT 'billing_contact_name', CAST(OLD.billing_contact_name AS TEXT), CAST(NEW.billing_contact_name AS TEXT)
                   UNION ALL SELECT 'billing_contact_email', CAST(OLD.billing_contact_email AS TEXT), CAST(NEW.billing_contact_email AS TEXT)
                   UNION ALL SELECT 'billing_contact_phone', CAST(OLD.billing_contact_phone AS TEXT), CAST(NEW.billing_contact_phone AS TEXT)
                   UNION ALL SELECT 'billing_contact_address', CAST(OLD.billing_contact_address AS TEXT), CAST(NEW.billing_contact_address AS TEXT)
                   UNION ALL SELECT 'contract_start_date', CAST(OLD.contract_start_date AS TEXT), CAST(NEW.contract_start_date AS TEXT)
                   UNION ALL SELECT 'contract_end_date', CAST(OLD.contract_end_date AS TEXT), CAST(NEW.contract_end_date AS TEXT)
                   UNION ALL SELECT 'is_active', CAST(OLD.is_active AS TEXT), CAST(NEW.is_active AS TEXT)
                   UNION ALL SELECT 'industry', CAST(OLD.industry AS TEXT), CAST(NEW.industry AS TEXT)
                   UNION ALL SELECT 'client_type', CAST(OLD.client_type AS TEXT), CAST(NEW.client_type AS TEXT)
                   UNION ALL SELECT 'internal_notes', CAST(OLD.internal_notes AS TEXT), CAST(NEW.internal_notes AS TEXT)
                   UNION ALL SELECT 'metadata', CAST(OLD.metadata AS TEXT), CAST(NEW.metadata AS TEXT)
                   UNION ALL SELECT 'deleted_at', CAST(OLD.deleted_at AS TEXT), CAST(NEW.deleted_at AS TEXT))
             WHERE o IS NOT n)
     WHERE changed > 0;
END;
CREATE TRIGGER agency_clients_log_delete AFTER DELETE ON agency_clients FOR EACH ROW
BEGIN
    INSERT INTO agency_change_log (changed_at, table_name, row_id, operation, changes)
    SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'agency_clients', OLD.id, 'delete', json_group_object(c, json_array(o, n))
      FROM (SELECT 'plane_workspace_id' AS c, CAST(OLD.plane_workspace_id AS TEXT) AS o, NULL AS n
                   UNION ALL SELECT 'client_name', CAST(OLD.client_name AS TEXT), NULL
                   UNION ALL SELECT 'client_legal_name', CAST(OLD.client_legal_name AS TEXT), NULL
                   UNION ALL SELECT 'sla_tier_id', CAST(OLD.sla_tier_id AS TEXT), NULL
                   UNION ALL SELECT 'billing_contact_name', CAST(OLD.billing_contact_name AS TEXT), NULL
                   UNION ALL SELECT 'billing_contact_email', CAST(OLD.billing_contact_email AS TEXT), NULL
                   UNION ALL SELECT 'billing_contact_phone', CAST(OLD.billing_contact_phone AS TEXT), NULL
                   UNION ALL SELECT 'billing_contact_address', CAST(OLD.billing_contact_address AS TEXT), NULL
                   UNION ALL SELECT 'contract_start_date', CAST(OLD.contract_start_date AS TEXT), NULL
                   UNION ALL SELECT 'contract_end_date', CAST(OLD.contract_end_date AS TEXT), NULL
                   UNION ALL SELECT 'is_active', CAST(OLD.is_active AS TEXT), NULL
                   UNION ALL SELECT 'industry', CAST(OLD.industry AS TEXT), NULL
                   UNION ALL SELECT 'client_type', CAST(OLD.client_type AS TEXT), NULL
                   UNION ALL SELECT 'internal_notes', CAST(OLD.internal_notes AS TEXT), NULL
                   UNION ALL SELECT 'metadata', CAST(OLD.metadata AS TEXT), NULL
                   UNION ALL SELECT 'deleted_at', CAST(OLD.deleted_at AS TEXT), NULL)
     WHERE o IS NOT NULL;
END;

CREATE TRIGGER agency_campaigns_log_insert AFTER INSERT ON agency_campaigns FOR EACH ROW
BEGIN
    INSERT INTO agency_change_log (changed_at, table_name, row_id, operation, changes)
    SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'agency_campaigns', NEW.id, 'insert', json_group_object(c, json_array(o, n))
      FROM (SELECT 'plane_project_id' AS c, NULL AS o, CAST(NEW.plane_project_id AS TEXT) AS n
                   UNION ALL SELECT 'client_id', NULL, CAST(NEW.client_id AS TEXT)
                   UNION ALL SELECT 'campaign_type', NULL, CAST(NEW.campaign_type AS TEXT)
                   UNION ALL SELECT 'budget_allocated', NULL, CAST(NEW.budget_allocated AS TEXT)
                   UNION ALL SELECT 'budget_spent', NULL, CAST(NEW.budget_spent AS TEXT)
                   UNION ALL SELECT 'start_date', NULL, CAST(NEW.start_date AS TEXT)
                   UNION ALL SELECT 'end_date', NULL, CAST(NEW.end_date AS TEXT)
                   UNION ALL SELECT 'status', NULL, CAST(NEW.status AS TEXT)
                   UNION ALL SELECT 'target_kpis', NULL, CAST(NEW.target_kpis AS TEXT)
                   UNION ALL SELECT 'actual_kpis', NULL, CAST(NEW.actual_kpis AS TEXT)
                   UNION ALL SELECT 'campaign_brief', NULL, CAST(NEW.campaign_brief AS TEXT)
                   UNION ALL SELECT 'internal_notes', NULL, CAST(NEW.internal_notes AS TEXT)
                   UNION ALL SELECT 'metadata', NULL, CAST(NEW.metadata AS TEXT)
                   UNION ALL SELECT 'deleted_at', NULL, CAST(NEW.deleted_at AS TEXT))
     WHERE n IS NOT NULL;
END;
CREATE TRIGGER agency_campaigns_log_update AFTER UPDATE ON agency_campaigns FOR EACH ROW
BEGIN
    INSERT INTO agency_change_log (changed_at, table_name, row_id, operation, changes)
    SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'agency_campaigns', NEW.id,
           CASE WHEN OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL THEN 'soft_delete'
                WHEN OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS NULL THEN 'restore'
                ELSE 'update' END,
           changes
      FROM (SELECT json_group_object(c, json_array(o, n)) AS changes, count(*) AS changed
              FROM (SELECT 'plane_project_id' AS c, CAST(OLD.plane_project_id AS TEXT) AS o, CAST(NEW.plane_project_id AS TEXT) AS n
                   UNION ALL SELECT 'client_id', CAST(OLD.client_id AS TEXT), CAST(NEW.client_id AS TEXT)
                   UNION ALL SELECT 'campaign_type', CAST(OLD.campaign_type AS TEXT), CAST(NEW.campaign_type AS TEXT)
                   UNION ALL SELECT 'budget_allocated', CAST(OLD.budget_allocated AS TEXT), CAST(NEW.budget_allocated AS TEXT)
                   UNION ALL SELECT 'budget_spent', CAST(OLD.budget_spent AS TEXT), CAST(NEW.budget_spent AS TEXT)
                   UNION ALL SELECT 'start_date', CAST(OLD.start_date AS TEXT), CAST(NEW.start_date AS TEXT)
                   UNION ALL SELECT 'end_date', CAST(OLD.end_date AS TEXT), CAST(NEW.end_date AS TEXT)
                   UNION ALL SELECT 'status', CAST(OLD.status AS TEXT), CAST(NEW.status AS TEXT)
                   UNION ALL SELECT 'target_kpis', CAST(OLD.target_kpis AS TEXT), CAST(NEW.target_kpis AS TEXT)
                   UNION ALL SELECT 'actual_kpis', CAST(OLD.actual_kpis AS TEXT), CAST(NEW.actual_kpis AS TEXT)
                   UNION ALL SELECT 'campaign_brief', CAST(OLD.campaign_brief AS TEXT), CAST(NEW.campaign_brief AS TEXT)
                   UNION ALL SELECT 'internal_notes', CAST(OLD.internal_notes AS TEXT), CAST(NEW.internal_notes AS TEXT)
                   UNION ALL SELECT 'metadata', CAST(OLD.metadata AS TEXT), CAST(NEW.metadata AS TEXT)
                   UNION ALL SELECT 'deleted_at', CAST(OLD.deleted_at AS TEXT), CAST(NEW.deleted_at AS TEXT))
             WHERE o IS NOT n)
     WHERE changed > 0;
END;
CREATE TRIGGER agency_campaigns_log_delete AFTER DELETE ON agency_campaigns FOR EACH ROW
BEGIN
    INSERT INTO agency_change_log (changed_at, table_name, row_id, operation, changes)
    SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'agency_campaigns', OLD.id, 'delete', json_group_object(c, json_array(o, n))
      FROM (SELECT 'plane_project_id' AS c, CAST(OLD.plane_project_id AS TEXT) AS o, NULL AS n
                   UNION ALL SELECT 'client_id', CAST(OLD.client_id AS TEXT), NULL
                   UNION ALL SELECT 'campaign_type', CAST(OLD.campaign_type AS TEXT), NULL
                   UNION ALL SELECT 'budget_allocated', CAST(OLD.budget_allocated AS TEXT), NULL
                   UNION ALL SELECT 'budget_spent', CAST(OLD.budget_spent AS TEXT), NULL
                   UNION ALL SELECT 'start_date', CAST(OLD.start_date AS TEXT), NULL
                   UNION ALL SELECT 'end_date', CAST(OLD.end_date AS TEXT), NULL
                   UNION ALL SELECT 'status', CAST(OLD.status AS TEXT), NULL
                   UNION ALL SELECT 'target_kpis', CAST(OLD.target_kpis AS TEXT), NULL
                   UNION ALL SELECT 'actual_kpis', CAST(OLD.actual_kpis AS TEXT), NULL
                   UNION ALL SELECT 'campaign_brief', CAST(OLD.campaign_brief AS TEXT), NULL
                   UNION ALL SELECT 'internal_notes', CAST(OLD.internal_notes AS TEXT), NULL
                   UNION ALL SELECT 'metadata', CAST(OLD.metadata AS TEXT), NULL
                   UNION ALL SELECT 'deleted_at', CAST(OLD.deleted_at AS TEXT), NULL)
     WHERE o IS NOT NULL;
END;

CREATE TRIGGER agency_campaign_channels_log_insert AFTER INSERT ON agency_campaign_channels FOR EACH ROW
BEGIN
    INSERT INTO agency_change_log (changed_at, table_name, row_id, operation, changes)
    SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'agency_campaign_channels', NEW.id, 'insert', json_group_object(c, json_array(o, n))
      FROM (SELECT 'campaign_id' AS c, NULL AS o, CAST(NEW.campaign_id AS TEXT) AS n
                   UNION ALL SELECT 'channel_type', NULL, CAST(NEW.channel_type AS TEXT)
                   UNION ALL SELECT 'budget_percentage', NULL, CAST(NEW.budget_percentage AS TEXT)
                   UNION ALL SELECT 'budget_amount', NULL, CAST(NEW.budget_amount AS TEXT)
                   UNION ALL SELECT 'is_active', NULL, CAST(NEW.is_active AS TEXT)
                   UNION ALL SELECT 'performance_data', NULL, CAST(NEW.performance_data AS TEXT)
                   UNION ALL SELECT 'external_account_id', NULL, CAST(NEW.external_account_id AS TEXT)
                   UNION ALL SELECT 'external_campaign_id', NULL, CAST(NEW.external_campaign_id AS TEXT)
                   UNION ALL SELECT 'notes', NULL, CAST(NEW.notes AS TEXT)
                   UNION ALL SELECT 'deleted_at', NULL, CAST(NEW.deleted_at AS TEXT))
     WHERE n IS NOT NULL;
END;
CREATE TRIGGER agency_campaign_channels_log_update AFTER UPDATE ON agency_campaign_channels FOR EACH ROW
BEGIN
    INSERT INTO agency_change_log (changed_at, table_name, row_id, operation, changes)
    SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'agency_campaign_channels', NEW.id,
           CASE WHEN OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL THEN 'soft_delete'
                WHEN OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS NULL THEN 'restore'
                ELSE 'update' END,
           changes
      FROM (SELECT json_group_object(c, json_array(o, n)) AS changes, count(*) AS changed
              FROM (SELECT 'campaign_id' AS c, CAST(OLD.campaign_id AS TEXT) AS o, CAST(NEW.campaign_id AS TEXT) AS n
                   UNION ALL SELECT 'channel_type', CAST(OLD.channel_type AS TEXT), CAST(NEW.channel_type AS TEXT)
                   UNION ALL SELECT 'budget_percentage', CAST(OLD.budget_percentage AS TEXT), CAST(NEW.budget_percentage AS TEXT)
                   UNION ALL SELECT 'budget_amount', CAST(OLD.budget_amount AS TEXT), CAST(NEW.budget_amount AS TEXT)
                   UNION ALL SELECT 'is_active', CAST(OLD.is_active AS TEXT), CAST(NEW.is_active AS TEXT)
                   UNION ALL SELECT 'performance_data', CAST(OLD.performance_data AS TEXT), CAST(NEW.performance_data AS TEXT)
                   UNION ALL SELECT 'external_account_id', CAST(OLD.external_account_id AS TEXT), CAST(NEW.external_account_id AS TEXT)
                   UNION ALL SELECT 'external_campaign_id', CAST(OLD.external_campaign_id AS TEXT), CAST(NEW.external_campaign_id AS TEXT)
                   UNION ALL SELECT 'notes', CAST(OLD.notes AS TEXT), CAST(NEW.notes AS TEXT)
                   UNION ALL SELECT 'deleted_at', CAST(OLD.deleted_at AS TEXT), CAST(NEW.deleted_at AS TEXT))
             WHERE o IS NOT n)
     WHERE changed > 0;
END;
CREATE TRIGGER agency_campaign_channels_log_delete AFTER DELETE ON agency_campaign_channels FOR EACH ROW
BEGIN
    INSERT INTO agency_change_log (changed_at, table_name, row_id, operation, changes)
    SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'agency_campaign_channels', OLD.id, 'delete', json_group_object(c, json_array(o, n))
      FROM (SELECT 'campaign_id' AS c, CAST(OLD.campaign_id AS TEXT) AS o, NULL AS n
                   UNION ALL SELECT 'channel_type', CAST(OLD.channel_type AS TEXT), NULL
                   UNION ALL SELECT 'budget_percentage', CAST(OLD.budget_percentage AS TEXT), NULL
                   UNION ALL SELECT 'budget_amount', CAST(OLD.budget_amount AS TEXT), NULL
                   UNION ALL SELECT 'is_active', CAST(OLD.is_active AS TEXT), NULL
                   UNION ALL SELECT 'performance_data', CAST(OLD.performance_data AS TEXT), NULL
                   UNION ALL SELECT 'external_account_id', CAST(OLD.external_account_id AS TEXT), NULL
                   UNION ALL SELECT 'external_campaign_id', CAST(OLD.external_campaign_id AS TEXT), NULL
                   UNION ALL SELECT 'notes', CAST(OLD.notes AS TEXT), NULL
                   UNION ALL SELECT 'deleted_at', CAST(OLD.deleted_at AS TEXT), NULL)
     WHERE o IS NOT NULL;
END;
