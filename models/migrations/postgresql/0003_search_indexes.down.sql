-- SPDX-License-Identifier: GPL-3.0-or-later
-- pg_trgm stays: other tables may use it, and it may have been there before.
DROP INDEX IF EXISTS agency_campaign_channels_search_idx;
DROP INDEX IF EXISTS agency_campaigns_search_idx;
DROP INDEX IF EXISTS agency_clients_search_idx;
