-- SPDX-License-Identifier: GPL-3.0-or-later
DROP TRIGGER IF EXISTS agency_campaigns_name_search_update;
DROP TRIGGER IF EXISTS agency_campaigns_name_search_delete;
DROP TRIGGER IF EXISTS agency_campaigns_name_search_insert;
DROP TABLE IF EXISTS agency_campaigns_name_search;
