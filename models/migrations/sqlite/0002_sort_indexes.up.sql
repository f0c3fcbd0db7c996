-- SPDX-License-Identifier: GPL-3.0-or-later
-- Indexes for the order each page opens in, on the live rows the pages show: the window reads a page at a time by
-- keyset (sort key, id), and with these each page is a short index range scan instead of a sort of the whole table.
-- Partial (deleted_at IS NULL), as the pages filter: smaller, and cheaper for every insert.

CREATE INDEX agency_clients_name_page_idx ON agency_clients (client_name, id) WHERE deleted_at IS NULL;
CREATE INDEX agency_campaigns_start_page_idx ON agency_campaigns (start_date, id) WHERE deleted_at IS NULL;
CREATE INDEX agency_campaign_channels_type_page_idx ON agency_campaign_channels (channel_type, id)
    WHERE deleted_at IS NULL;
