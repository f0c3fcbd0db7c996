-- SPDX-License-Identifier: GPL-3.0-or-later
DROP INDEX IF EXISTS agency_campaigns_name_search_idx;
