-- SPDX-License-Identifier: GPL-3.0-or-later
-- PostgreSQL's 0005 adds a trigram index on the channels' searchable columns other than the type, for a search split
-- on the type (RowFilter::searchSplit). SQLite needs no new index for it: migration 0003's FTS5 index is asked about
-- those columns alone with a column filter ({external_account_id external_campaign_id notes} : "text"). This step
-- keeps the two dialects' versions in step and changes nothing.
SELECT 1;
