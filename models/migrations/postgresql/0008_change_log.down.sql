-- SPDX-License-Identifier: GPL-3.0-or-later
-- The history goes with the step that made it.
DROP TRIGGER IF EXISTS agency_campaign_channels_log_delete ON agency_campaign_channels;
DROP TRIGGER IF EXISTS agency_campaign_channels_log_update ON agency_campaign_channels;
DROP TRIGGER IF EXISTS agency_campaign_channels_log_insert ON agency_campaign_channels;
DROP TRIGGER IF EXISTS agency_campaigns_log_delete ON agency_campaigns;
DROP TRIGGER IF EXISTS agency_campaigns_log_update ON agency_campaigns;
DROP TRIGGER IF EXISTS agency_campaigns_log_insert ON agency_campaigns;
DROP TRIGGER IF EXISTS agency_clients_log_delete ON agency_clients;
DROP TRIGGER IF EXISTS agency_clients_log_update ON agency_clients;
DROP TRIGGER IF EXISTS agency_clients_log_insert ON agency_clients;
DROP TRIGGER IF EXISTS agency_sla_tiers_log_delete ON agency_sla_tiers;
DROP TRIGGER IF EXISTS agency_sla_tiers_log_update ON agency_sla_tiers;
DROP TRIGGER IF EXISTS agency_sla_tiers_log_insert ON agency_sla_tiers;
DROP FUNCTION IF EXISTS agency_log_changes();
DROP TABLE IF EXISTS agency_change_log;
