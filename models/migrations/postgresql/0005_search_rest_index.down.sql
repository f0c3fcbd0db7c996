-- SPDX-License-Identifier: GPL-3.0-or-later
DROP INDEX IF EXISTS agency_campaign_channels_search_rest_idx;
