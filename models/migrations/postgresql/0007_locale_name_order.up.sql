-- SPDX-License-Identifier: GPL-3.0-or-later
-- The Clients page opens sorted by name in the reader's language ("Bäckerei" before "Brauhaus"): ICU's root
-- collation "und-x-icu" (db::localeCollation), which byte order (the "C" collation) and libc's collations do not
-- give alike. An index on the name in that collation keeps the page's first rows an index range scan, as 0002's
-- (client_name, id) index did for byte order. Without ICU (a server built without it), nothing is added and the page
-- sorts by the database's own collation, as before.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_collation WHERE collname = 'und-x-icu') THEN
        RAISE NOTICE 'agency-os: this server has no ICU collations, so names sort in the database''s own order';
        RETURN;
    END IF;
    CREATE INDEX agency_clients_name_locale_idx ON agency_clients ((client_name COLLATE "und-x-icu"), id)
        WHERE deleted_at IS NULL;
END $$;
