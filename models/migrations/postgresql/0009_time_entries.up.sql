-- SPDX-License-Identifier: GPL-3.0-or-later
-- Hours worked for a client, where Plane keeps no time logs (or the agency tracks time elsewhere): typed in the app
-- or imported from a time tracker's export (Harvest, Toggl Track, Clockify). `source` and `external_id` name the
-- tracker's own entry, so that importing the same export twice adds nothing twice. Plane's tables are not touched.
CREATE TABLE agency_time_entries (
    id             uuid PRIMARY KEY,
    client_id      uuid NOT NULL REFERENCES agency_clients (id),
    campaign_id    uuid REFERENCES agency_campaigns (id),
    plane_issue_id uuid,
    person         varchar(255) NOT NULL CHECK (btrim(person) <> ''),
    work_date      date NOT NULL,
    minutes        integer NOT NULL CHECK (minutes > 0 AND minutes <= 100000),
    note           text,
    source         varchar(20) CHECK (source IN ('harvest', 'toggl', 'clockify')),
    external_id    varchar(255),
    created_at     timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
    updated_at     timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
    deleted_at     timestamptz,
    CHECK ((source IS NULL) = (external_id IS NULL))
);
CREATE INDEX agency_time_entries_client_date_idx ON agency_time_entries (client_id, work_date);
CREATE INDEX agency_time_entries_campaign_id_idx ON agency_time_entries (campaign_id);
CREATE UNIQUE INDEX agency_time_entries_external_idx ON agency_time_entries (source, external_id);
CREATE TRIGGER agency_time_entries_touch BEFORE UPDATE ON agency_time_entries
    FOR EACH ROW EXECUTE FUNCTION agency_touch_updated_at();
CREATE TRIGGER agency_time_entries_notify AFTER INSERT OR UPDATE OR DELETE ON agency_time_entries
    FOR EACH ROW EXECUTE FUNCTION agency_notify_change();
