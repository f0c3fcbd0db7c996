-- SPDX-License-Identifier: GPL-3.0-or-later
-- The history goes with the step that made it.
DROP TRIGGER IF EXISTS agency_campaign_channels_log_delete;
DROP TRIGGER IF EXISTS agency_campaign_channels_log_update;
DROP TRIGGER IF EXISTS agency_campaign_channels_log_insert;
DROP TRIGGER IF EXISTS agency_campaigns_log_delete;
DROP TRIGGER IF EXISTS agency_campaigns_log_update;
DROP TRIGGER IF EXISTS agency_campaigns_log_insert;
DROP TRIGGER IF EXISTS agency_clients_log_delete;
DROP TRIGGER IF EXISTS agency_clients_log_update;
DROP TRIGGER IF EXISTS agency_clients_log_insert;
DROP TRIGGER IF EXISTS agency_sla_tiers_log_delete;
DROP TRIGGER IF EXISTS agency_sla_tiers_log_update;
DROP TRIGGER IF EXISTS agency_sla_tiers_log_insert;
DROP TABLE IF EXISTS agency_change_log;
