-- SPDX-License-Identifier: GPL-3.0-or-later
-- The four agency_ extension tables from the seed schema. Plane references are plain uuid columns: no foreign key,
-- trigger, view or index touches a Plane table.

CREATE FUNCTION agency_touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Milliseconds, because QDateTime holds milliseconds and optimistic concurrency compares the value read.
    -- Strictly increasing, so two updates within one millisecond still differ.
    NEW.updated_at := greatest(date_trunc('milliseconds', clock_timestamp()),
                               OLD.updated_at + interval '1 millisecond');
    RETURN NEW;
END
$$;

CREATE FUNCTION agency_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM pg_notify('agency_changes', TG_TABLE_NAME || ':' || OLD.id::text);
        RETURN OLD;
    END IF;
    PERFORM pg_notify('agency_changes', TG_TABLE_NAME || ':' || NEW.id::text);
    RETURN NEW;
END
$$;

CREATE TABLE agency_sla_tiers (
    id                     uuid PRIMARY KEY,
    name                   varchar(100) NOT NULL CHECK (btrim(name) <> ''),
    description            text,
    response_time_hours    integer CHECK (response_time_hours >= 0),
    monthly_hours_included integer CHECK (monthly_hours_included >= 0),
    hourly_rate            numeric(8,2) CHECK (hourly_rate >= 0),
    monthly_retainer       numeric(10,2) CHECK (monthly_retainer >= 0),
    features               jsonb CHECK (jsonb_typeof(features) = 'array'),
    priority               integer NOT NULL DEFAULT 0,
    created_at             timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
    updated_at             timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
    deleted_at             timestamptz
);

CREATE TABLE agency_clients (
    id                      uuid PRIMARY KEY,
    plane_workspace_id      uuid,
    client_name             varchar(255) NOT NULL CHECK (btrim(client_name) <> ''),
    client_legal_name       varchar(255),
    sla_tier_id             uuid REFERENCES agency_sla_tiers (id),
    billing_contact_name    text,
    billing_contact_email   text,
    billing_contact_phone   text,
    billing_contact_address text,
    contract_start_date     date,
    contract_end_date       date,
    is_active               boolean NOT NULL DEFAULT true,
    industry                varchar(100),
    client_type             varchar(50) NOT NULL DEFAULT 'retainer'
                            CHECK (client_type IN ('retainer', 'project', 'hybrid')),
    internal_notes          text,
    metadata                jsonb CHECK (jsonb_typeof(metadata) = 'object'),
    created_at              timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
    updated_at              timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
    deleted_at              timestamptz,
    CONSTRAINT agency_clients_contract_dates CHECK (contract_end_date >= contract_start_date)
);

CREATE TABLE agency_campaigns (
    id               uuid PRIMARY KEY,
    plane_project_id uuid,
    client_id        uuid NOT NULL REFERENCES agency_clients (id),
    campaign_type    varchar(50) NOT NULL DEFAULT 'other' CHECK (btrim(campaign_type) <> ''),
    budget_allocated numeric(12,2) CHECK (budget_allocated >= 0),
    budget_spent     numeric(12,2) CHECK (budget_spent >= 0),
    start_date       date,
    end_date         date,
    status           varchar(20) NOT NULL DEFAULT 'draft'
                     CHECK (status IN ('draft', 'active', 'paused', 'completed', 'cancelled')),
    target_kpis      jsonb CHECK (jsonb_typeof(target_kpis) = 'object'),
    actual_kpis      jsonb CHECK (jsonb_typeof(actual_kpis) = 'object'),
    campaign_brief   text,
    internal_notes   text,
    metadata         jsonb CHECK (jsonb_typeof(metadata) = 'object'),
    created_at       timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
    updated_at       timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
    deleted_at       timestamptz,
    CONSTRAINT agency_campaigns_dates CHECK (end_date >= start_date)
);

CREATE TABLE agency_campaign_channels (
    id                   uuid PRIMARY KEY,
    campaign_id          uuid NOT NULL REFERENCES agency_campaigns (id),
    channel_type         varchar(50) NOT NULL CHECK (btrim(channel_type) <> ''),
    budget_percentage    numeric(5,2) CHECK (budget_percentage BETWEEN 0 AND 100),
    budget_amount        numeric(12,2) CHECK (budget_amount >= 0),
    is_active            boolean NOT NULL DEFAULT true,
    performance_data     jsonb CHECK (jsonb_typeof(performance_data) = 'object'),
    external_account_id  varchar(255),
    external_campaign_id varchar(255),
    notes                text,
    created_at           timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
    updated_at           timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
    deleted_at           timestamptz
);

CREATE INDEX agency_clients_sla_tier_id_idx ON agency_clients (sla_tier_id);
CREATE INDEX agency_clients_plane_workspace_id_idx ON agency_clients (plane_workspace_id);
CREATE INDEX agency_campaigns_client_id_idx ON agency_campaigns (client_id);
CREATE INDEX agency_campaigns_plane_project_id_idx ON agency_campaigns (plane_project_id);
CREATE INDEX agency_campaign_channels_campaign_id_idx ON agency_campaign_channels (campaign_id);

CREATE TRIGGER agency_sla_tiers_touch BEFORE UPDATE ON agency_sla_tiers
    FOR EACH ROW EXECUTE FUNCTION agency_touch_updated_at();
CREATE TRIGGER agency_clients_touch BEFORE UPDATE ON agency_clients
    FOR EACH ROW EXECUTE FUNCTION agency_touch_updated_at();
CREATE TRIGGER agency_campaigns_touch BEFORE UPDATE ON agency_campaigns
    FOR EACH ROW EXECUTE FUNCTION agency_touch_updated_at();
CREATE TRIGGER agency_campaign_channels_touch BEFORE UPDATE ON agency_campaign_channels
    FOR EACH ROW EXECUTE FUNCTION agency_touch_updated_at();

CREATE TRIGGER agency_sla_tiers_notify AFTER INSERT OR UPDATE OR DELETE ON agency_sla_tiers
    FOR EACH ROW EXECUTE FUNCTION agency_notify_change();
CREATE TRIGGER agency_clients_notify AFTER INSERT OR UPDATE OR DELETE ON agency_clients
    FOR EACH ROW EXECUTE FUNCTION agency_notify_change();
CREATE TRIGGER agency_campaigns_notify AFTER INSERT OR UPDATE OR DELETE ON agency_campaigns
    FOR EACH ROW EXECUTE FUNCTION agency_notify_change();
CREATE TRIGGER agency_campaign_channels_notify AFTER INSERT OR UPDATE OR DELETE ON agency_campaign_channels
    FOR EACH ROW EXECUTE FUNCTION agency_notify_change();
