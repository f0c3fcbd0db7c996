-- SPDX-License-Identifier: GPL-3.0-or-later
-- Spend and results of a channel over a period (a day, or a report's whole range), as imported from the ad
-- platforms' report exports (agency-os import spend). One row per channel and period: importing the same report
-- again finds its rows and changes nothing twice. `spend` is in the campaign's currency (converted at the rate the
-- import was given); `metrics` holds the report's counts ({"impressions": 1200, "clicks": 35, …}). A channel's
-- spend and performance_data, and its campaign's budget_spent, are derived from these rows by the import.
CREATE TABLE agency_channel_spend (
    id           uuid PRIMARY KEY,
    channel_id   uuid NOT NULL REFERENCES agency_campaign_channels (id),
    period_start date NOT NULL,
    period_end   date NOT NULL,
    platform     varchar(20) NOT NULL CHECK (platform IN ('google_ads', 'meta', 'microsoft', 'generic')),
    currency     varchar(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    spend        numeric(12,2) NOT NULL CHECK (spend >= 0),
    metrics      jsonb NOT NULL CHECK (jsonb_typeof(metrics) = 'object'),
    imported_at  timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
    CHECK (period_end >= period_start)
);
CREATE UNIQUE INDEX agency_channel_spend_period_idx ON agency_channel_spend (channel_id, period_start, period_end);
