-- SPDX-License-Identifier: GPL-3.0-or-later
-- Spend and results of a channel over a period, as imported from the ad platforms' report exports (agency-os import
-- spend): one row per channel and period, `spend` in the campaign's currency, `metrics` the report's counts. See the
-- PostgreSQL migration of the same number.
CREATE TABLE agency_channel_spend (
    id TEXT PRIMARY KEY CHECK (length(id) = 36 AND id = lower(id)),
    channel_id TEXT NOT NULL CHECK (length(channel_id) = 36 AND channel_id = lower(channel_id)) REFERENCES agency_campaign_channels (id),
    period_start TEXT NOT NULL CHECK (period_start GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(period_start) = period_start),
    period_end TEXT NOT NULL CHECK (period_end GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(period_end) = period_end),
    platform TEXT NOT NULL CHECK (platform IN ('google_ads', 'meta', 'microsoft', 'generic')),
    currency TEXT NOT NULL CHECK (length(currency) = 3 AND currency GLOB '[A-Z][A-Z][A-Z]'),
    spend TEXT NOT NULL CHECK (spend GLOB '[0-9]*.[0-9][0-9]' AND spend NOT GLOB '*[^0-9.]*' AND length(spend) - length(replace(spend, '.', '')) = 1 AND length(spend) <= 13),
    metrics TEXT NOT NULL CHECK (json_valid(metrics) AND json_type(metrics) = 'object'),
    imported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CHECK (period_end >= period_start)
);
CREATE UNIQUE INDEX agency_channel_spend_period_idx ON agency_channel_spend (channel_id, period_start, period_end);
