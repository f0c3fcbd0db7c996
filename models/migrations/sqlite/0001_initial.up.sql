-- SPDX-License-Identifier: GPL-3.0-or-later
-- The SQLite mirror of postgresql/0001_initial: uuid and json as TEXT, NUMERIC as exact decimal text
-- ('1234.50'), dates as 'YYYY-MM-DD', instants as UTC ISO 8601 with milliseconds, booleans as 0/1.

CREATE TABLE agency_sla_tiers (
    id TEXT PRIMARY KEY CHECK (length(id) = 36 AND id = lower(id)),
    name TEXT NOT NULL CHECK (length(name) <= 100 AND trim(name) <> ''),
    description TEXT,
    response_time_hours INTEGER CHECK (response_time_hours >= 0),
    monthly_hours_included INTEGER CHECK (monthly_hours_included >= 0),
    hourly_rate TEXT CHECK (hourly_rate GLOB '[0-9]*.[0-9][0-9]' AND hourly_rate NOT GLOB '*[^0-9.]*' AND length(hourly_rate) - length(replace(hourly_rate, '.', '')) = 1 AND length(hourly_rate) <= 9),
    monthly_retainer TEXT CHECK (monthly_retainer GLOB '[0-9]*.[0-9][0-9]' AND monthly_retainer NOT GLOB '*[^0-9.]*' AND length(monthly_retainer) - length(replace(monthly_retainer, '.', '')) = 1 AND length(monthly_retainer) <= 11),
    features TEXT CHECK (features IS NULL OR (json_valid(features) AND json_type(features) = 'array')),
    priority INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    deleted_at TEXT
);

CREATE TABLE agency_clients (
    id TEXT PRIMARY KEY CHECK (length(id) = 36 AND id = lower(id)),
    plane_workspace_id TEXT CHECK (length(plane_workspace_id) = 36 AND plane_workspace_id = lower(plane_workspace_id)),
    client_name TEXT NOT NULL CHECK (length(client_name) <= 255 AND trim(client_name) <> ''),
    client_legal_name TEXT CHECK (length(client_legal_name) <= 255),
    sla_tier_id TEXT CHECK (length(sla_tier_id) = 36 AND sla_tier_id = lower(sla_tier_id)) REFERENCES agency_sla_tiers (id),
    billing_contact_name TEXT,
    billing_contact_email TEXT,
    billing_contact_phone TEXT,
    billing_contact_address TEXT,
    contract_start_date TEXT CHECK (date(contract_start_date) IS contract_start_date),
    contract_end_date TEXT CHECK (date(contract_end_date) IS contract_end_date),
    is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
    industry TEXT CHECK (length(industry) <= 100),
    client_type TEXT NOT NULL DEFAULT 'retainer' CHECK (client_type IN ('retainer', 'project', 'hybrid')),
    internal_notes TEXT,
    metadata TEXT CHECK (metadata IS NULL OR (json_valid(metadata) AND json_type(metadata) = 'object')),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    deleted_at TEXT,
    CONSTRAINT agency_clients_contract_dates CHECK (contract_end_date >= contract_start_date)
);

CREATE TABLE agency_campaigns (
    id TEXT PRIMARY KEY CHECK (length(id) = 36 AND id = lower(id)),
    plane_project_id TEXT CHECK (length(plane_project_id) = 36 AND plane_project_id = lower(plane_project_id)),
    client_id TEXT NOT NULL CHECK (length(client_id) = 36 AND client_id = lower(client_id)) REFERENCES agency_clients (id),
    campaign_type TEXT NOT NULL DEFAULT 'other' CHECK (length(campaign_type) <= 50 AND trim(campaign_type) <> ''),
    budget_allocated TEXT CHECK (budget_allocated GLOB '[0-9]*.[0-9][0-9]' AND budget_allocated NOT GLOB '*[^0-9.]*' AND length(budget_allocated) - length(replace(budget_allocated, '.', '')) = 1 AND length(budget_allocated) <= 13),
    budget_spent TEXT CHECK (budget_spent GLOB '[0-9]*.[0-9][0-9]' AND budget_spent NOT GLOB '*[^0-9.]*' AND length(budget_spent) - length(replace(budget_spent, '.', '')) = 1 AND length(budget_spent) <= 13),
    start_date TEXT CHECK (date(start_date) IS start_date),
    end_date TEXT CHECK (date(end_date) IS end_date),
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active', 'paused', 'completed', 'cancelled')),
    target_kpis TEXT CHECK (target_kpis IS NULL OR (json_valid(target_kpis) AND json_type(target_kpis) = 'object')),
    actual_kpis TEXT CHECK (actual_kpis IS NULL OR (json_valid(actual_kpis) AND json_type(actual_kpis) = 'object')),
    campaign_brief TEXT,
    internal_notes TEXT,
    metadata TEXT CHECK (metadata IS NULL OR (json_valid(metadata) AND json_type(metadata) = 'object')),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    deleted_at TEXT,
    CONSTRAINT agency_campaigns_dates CHECK (end_date >= start_date)
);

CREATE TABLE agency_campaign_channels (
    id TEXT PRIMARY KEY CHECK (length(id) = 36 AND id = lower(id)),
    campaign_id TEXT NOT NULL CHECK (length(campaign_id) = 36 AND campaign_id = lower(campaign_id)) REFERENCES agency_campaigns (id),
    channel_type TEXT NOT NULL CHECK (length(channel_type) <= 50 AND trim(channel_type) <> ''),
    budget_percentage TEXT CHECK (budget_percentage GLOB '[0-9]*.[0-9][0-9]' AND budget_percentage NOT GLOB '*[^0-9.]*' AND length(budget_percentage) - length(replace(budget_percentage, '.', '')) = 1 AND CAST(budget_percentage AS REAL) <= 100 AND length(budget_percentage) <= 6),
    budget_amount TEXT CHECK (budget_amount GLOB '[0-9]*.[0-9][0-9]' AND budget_amount NOT GLOB '*[^0-9.]*' AND length(budget_amount) - length(replace(budget_amount, '.', '')) = 1 AND length(budget_amount) <= 13),
    is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
    performance_data TEXT CHECK (performance_data IS NULL OR (json_valid(performance_data) AND json_type(performance_data) = 'object')),
    external_account_id TEXT CHECK (length(external_account_id) <= 255),
    external_campaign_id TEXT CHECK (length(external_campaign_id) <= 255),
    notes TEXT,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    deleted_at TEXT
);

CREATE INDEX agency_clients_sla_tier_id_idx ON agency_clients (sla_tier_id);
CREATE INDEX agency_clients_plane_workspace_id_idx ON agency_clients (plane_workspace_id);
CREATE INDEX agency_campaigns_client_id_idx ON agency_campaigns (client_id);
CREATE INDEX agency_campaigns_plane_project_id_idx ON agency_campaigns (plane_project_id);
CREATE INDEX agency_campaign_channels_campaign_id_idx ON agency_campaign_channels (campaign_id);

CREATE TRIGGER agency_sla_tiers_touch AFTER UPDATE ON agency_sla_tiers FOR EACH ROW
BEGIN
    UPDATE agency_sla_tiers
       SET updated_at = max(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
                            strftime('%Y-%m-%dT%H:%M:%fZ', OLD.updated_at, '+0.001 seconds'))
     WHERE id = NEW.id;
END;

CREATE TRIGGER agency_clients_touch AFTER UPDATE ON agency_clients FOR EACH ROW
BEGIN
    UPDATE agency_clients
       SET updated_at = max(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
                            strftime('%Y-%m-%dT%H:%M:%fZ', OLD.updated_at, '+0.001 seconds'))
     WHERE id = NEW.id;
END;

CREATE TRIGGER agency_campaigns_touch AFTER UPDATE ON agency_campaigns FOR EACH ROW
BEGIN
    UPDATE agency_campaigns
       SET updated_at = max(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
                            strftime('%Y-%m-%dT%H:%M:%fZ', OLD.updated_at, '+0.001 seconds'))
     WHERE id = NEW.id;
END;

CREATE TRIGGER agency_campaign_channels_touch AFTER UPDATE ON agency_campaign_channels FOR EACH ROW
BEGIN
    UPDATE agency_campaign_channels
       SET updated_at = max(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
                            strftime('%Y-%m-%dT%H:%M:%fZ', OLD.updated_at, '+0.001 seconds'))
     WHERE id = NEW.id;
END;
