-- SPDX-License-Identifier: GPL-3.0-or-later
DROP TABLE agency_campaign_channels;
DROP TABLE agency_campaigns;
DROP TABLE agency_clients;
DROP TABLE agency_sla_tiers;
DROP FUNCTION agency_notify_change();
DROP FUNCTION agency_touch_updated_at();
