-- SPDX-License-Identifier: GPL-3.0-or-later
-- A channel search in the page's order (by type) is split: the types that hold the text are found by skipping along
-- the (channel_type, id) index and their rows read straight from it, and only the rest of the matches are looked up
-- by text (RowFilter::searchSplit). For that rest, a trigram index on the other searchable columns alone, the same
-- expression as migration 0003's without channel_type: with 0003's, "ads" would find half the channels by their type
-- before any could be left out. Without pg_trgm, nothing is added (as in 0003).
DO $$
DECLARE
    trgm_schema name;
BEGIN
    SELECT n.nspname INTO trgm_schema
      FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm';
    IF trgm_schema IS NULL THEN
        RAISE NOTICE 'agency-os: pg_trgm is not available, so the split channel search has no index';
        RETURN;
    END IF;
    EXECUTE format('CREATE INDEX agency_campaign_channels_search_rest_idx ON agency_campaign_channels USING gin ((lower(coalesce(external_account_id, '''') || chr(31) || coalesce(external_campaign_id, '''') || chr(31) || coalesce(notes, ''''))) %I.gin_trgm_ops)',
        trgm_schema);
END $$;
