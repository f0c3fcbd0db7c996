-- SPDX-License-Identifier: GPL-3.0-or-later
-- Hours worked for a client, typed in the app or imported from a time tracker's export (Harvest, Toggl Track,
-- Clockify); `source` and `external_id` name the tracker's own entry, so that importing the same export twice adds
-- nothing twice.
CREATE TABLE agency_time_entries (
    id TEXT PRIMARY KEY CHECK (length(id) = 36 AND id = lower(id)),
    client_id TEXT NOT NULL CHECK (length(client_id) = 36 AND client_id = lower(client_id)) REFERENCES agency_clients (id),
    campaign_id TEXT CHECK (campaign_id IS NULL OR (length(campaign_id) = 36 AND campaign_id = lower(campaign_id))) REFERENCES agency_campaigns (id),
    plane_issue_id TEXT CHECK (plane_issue_id IS NULL OR (length(plane_issue_id) = 36 AND plane_issue_id = lower(plane_issue_id))),
    person TEXT NOT NULL CHECK (length(person) <= 255 AND trim(person) <> ''),
    work_date TEXT NOT NULL CHECK (work_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(work_date) = work_date),
    minutes INTEGER NOT NULL CHECK (typeof(minutes) = 'integer' AND minutes > 0 AND minutes <= 100000),
    note TEXT,
    source TEXT CHECK (source = 'harvest' OR source = 'toggl' OR source = 'clockify'),
    external_id TEXT CHECK (length(external_id) <= 255),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    deleted_at TEXT,
    CHECK ((source IS NULL) = (external_id IS NULL))
);
CREATE INDEX agency_time_entries_client_date_idx ON agency_time_entries (client_id, work_date);
CREATE INDEX agency_time_entries_campaign_id_idx ON agency_time_entries (campaign_id);
CREATE UNIQUE INDEX agency_time_entries_external_idx ON agency_time_entries (source, external_id);
CREATE TRIGGER agency_time_entries_touch AFTER UPDATE ON agency_time_entries FOR EACH ROW
BEGIN
    UPDATE agency_time_entries
       SET updated_at = max(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
                            strftime('%Y-%m-%dT%H:%M:%fZ', OLD.updated_at, '+0.001 seconds'))
     WHERE id = NEW.id;
END;
