-- SPDX-License-Identifier: GPL-3.0-or-later
-- PostgreSQL's 0007 indexes the clients' names in ICU's order. SQLite orders names in the reader's language with a
-- collation the app registers on its own connections (agency_locale), which an index cannot use without every other
-- program that writes the file (sqlite3) needing it too: the Clients page sorts its names instead (a few thousand
-- rows at most). This step keeps the two dialects' versions in step and changes nothing.
SELECT 1;
