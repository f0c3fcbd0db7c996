-- SPDX-License-Identifier: GPL-3.0-or-later
-- Search indexes: a search matches its text anywhere inside a table's text columns (LIKE '%text%'), which no B-tree
-- index can serve; over a million channels that was a scan of the whole table on every key typed (1.5-2.3 s).
-- Here, a trigram index (pg_trgm, GIN) per table on its text and choice columns joined by a unit separator
-- (chr(31), so that no match spans two columns), lower-cased: the app's search is exactly this expression LIKE
-- '%text%' (TableSearch, built from TableSpec in the same column order; tst_migrator checks they agree).
-- pg_trgm ships with PostgreSQL and is a trusted extension: whoever may create objects in the database may create
-- it. Where it cannot be created (not installed, or not allowed), the indexes are left out with a notice and search
-- works as before, only slower; an administrator can then CREATE EXTENSION pg_trgm and run
-- `agency-os migrate down --to 2` and `migrate up` to add them.
DO $$
DECLARE
    trgm_schema name;
BEGIN
    BEGIN
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
    EXCEPTION WHEN OTHERS THEN
        RAISE NOTICE 'agency-os: pg_trgm is not available (%), so search has no index', SQLERRM;
    END;
    SELECT n.nspname INTO trgm_schema
      FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm';
    IF trgm_schema IS NULL THEN
        RETURN;
    END IF;
    EXECUTE format('CREATE INDEX agency_clients_search_idx ON agency_clients USING gin ((lower(coalesce(client_name, '''') || chr(31) || coalesce(client_legal_name, '''') || chr(31) || coalesce(billing_contact_name, '''') || chr(31) || coalesce(billing_contact_email, '''') || chr(31) || coalesce(billing_contact_phone, '''') || chr(31) || coalesce(billing_contact_address, '''') || chr(31) || coalesce(industry, '''') || chr(31) || coalesce(client_type, '''') || chr(31) || coalesce(internal_notes, ''''))) %I.gin_trgm_ops)',
        trgm_schema);
    EXECUTE format('CREATE INDEX agency_campaigns_search_idx ON agency_campaigns USING gin ((lower(coalesce(campaign_type, '''') || chr(31) || coalesce(status, '''') || chr(31) || coalesce(campaign_brief, '''') || chr(31) || coalesce(internal_notes, ''''))) %I.gin_trgm_ops)',
        trgm_schema);
    EXECUTE format('CREATE INDEX agency_campaign_channels_search_idx ON agency_campaign_channels USING gin ((lower(coalesce(channel_type, '''') || chr(31) || coalesce(external_account_id, '''') || chr(31) || coalesce(external_campaign_id, '''') || chr(31) || coalesce(notes, ''''))) %I.gin_trgm_ops)',
        trgm_schema);
END $$;
