-- SPDX-License-Identifier: GPL-3.0-or-later
-- A campaign's name is kept in its metadata ({"name": "…"}) and is what its row shows first, yet migration 0003's
-- search index does not hold it, so a search could not find a campaign by its own name. Here, a trigram index on the
-- name as the app reads it (LookupNames::jsonNameSql: metadata's "name" when it is a string, trimmed, NULL when
-- empty), lower-cased: a search ORs it with 0003's index (a BitmapOr of two index scans). Without pg_trgm, nothing is
-- added (as in 0003): the search then tests each row's name.
DO $$
DECLARE
    trgm_schema name;
BEGIN
    SELECT n.nspname INTO trgm_schema
      FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm';
    IF trgm_schema IS NULL THEN
        RAISE NOTICE 'agency-os: pg_trgm is not available, so the campaign name search has no index';
        RETURN;
    END IF;
    EXECUTE format('CREATE INDEX agency_campaigns_name_search_idx ON agency_campaigns USING gin ((lower(NULLIF(btrim(CASE WHEN jsonb_typeof(metadata->''name'') = ''string'' THEN metadata->>''name'' END, E'' \t\n\r\f\v''), ''''))) %I.gin_trgm_ops)',
        trgm_schema);
END $$;
