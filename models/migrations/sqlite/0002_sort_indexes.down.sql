-- SPDX-License-Identifier: GPL-3.0-or-later
DROP INDEX agency_campaign_channels_type_page_idx;
DROP INDEX agency_campaigns_start_page_idx;
DROP INDEX agency_clients_name_page_idx;
