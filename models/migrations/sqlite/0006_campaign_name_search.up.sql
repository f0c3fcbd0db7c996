-- SPDX-License-Identifier: GPL-3.0-or-later
-- A campaign's name is kept in its metadata ({"name": "…"}) and is what its row shows first, yet migration 0003's
-- search index does not hold it, so a search could not find a campaign by its own name. Here, a trigram full-text
-- index of the name as the app reads it (LookupNames::jsonNameSql: metadata's "name" when it is a text, trimmed,
-- none when empty). It is contentless (the name is an expression, not a column an external-content index could
-- read), so the triggers give it the old name to delete: the same expression over the old row. A search ORs it with
-- 0003's index. Should it ever disagree with the table (a restore that renumbered rowids), it is made anew with
-- INSERT INTO agency_campaigns_name_search(agency_campaigns_name_search) VALUES('delete-all') and the INSERT … SELECT
-- below.
CREATE VIRTUAL TABLE agency_campaigns_name_search USING fts5(name, content='', tokenize='trigram');
INSERT INTO agency_campaigns_name_search (rowid, name)
    SELECT rowid, n FROM (SELECT rowid, NULLIF(trim(CASE WHEN json_type(metadata, '$.name') = 'text' THEN json_extract(metadata, '$.name') END, ' ' || char(9, 10, 13, 12, 11)), '') AS n FROM agency_campaigns WHERE json_valid(metadata)) WHERE n IS NOT NULL;
CREATE TRIGGER agency_campaigns_name_search_insert AFTER INSERT ON agency_campaigns FOR EACH ROW
    WHEN json_valid(NEW.metadata)
BEGIN
    INSERT INTO agency_campaigns_name_search (rowid, name)
        SELECT NEW.rowid, n FROM (SELECT NULLIF(trim(CASE WHEN json_type(NEW.metadata, '$.name') = 'text' THEN json_extract(NEW.metadata, '$.name') END, ' ' || char(9, 10, 13, 12, 11)), '') AS n) WHERE n IS NOT NULL;
END;
CREATE TRIGGER agency_campaigns_name_search_delete AFTER DELETE ON agency_campaigns FOR EACH ROW
    WHEN json_valid(OLD.metadata)
BEGIN
    INSERT INTO agency_campaigns_name_search (agency_campaigns_name_search, rowid, name)
        SELECT 'delete', OLD.rowid, n FROM (SELECT NULLIF(trim(CASE WHEN json_type(OLD.metadata, '$.name') = 'text' THEN json_extract(OLD.metadata, '$.name') END, ' ' || char(9, 10, 13, 12, 11)), '') AS n) WHERE n IS NOT NULL;
END;
CREATE TRIGGER agency_campaigns_name_search_update AFTER UPDATE OF metadata ON agency_campaigns FOR EACH ROW
BEGIN
    INSERT INTO agency_campaigns_name_search (agency_campaigns_name_search, rowid, name)
        SELECT 'delete', OLD.rowid, n FROM (SELECT NULLIF(trim(CASE WHEN json_type(OLD.metadata, '$.name') = 'text' THEN json_extract(OLD.metadata, '$.name') END, ' ' || char(9, 10, 13, 12, 11)), '') AS n WHERE json_valid(OLD.metadata)) WHERE n IS NOT NULL;
    INSERT INTO agency_campaigns_name_search (rowid, name)
        SELECT NEW.rowid, n FROM (SELECT NULLIF(trim(CASE WHEN json_type(NEW.metadata, '$.name') = 'text' THEN json_extract(NEW.metadata, '$.name') END, ' ' || char(9, 10, 13, 12, 11)), '') AS n WHERE json_valid(NEW.metadata)) WHERE n IS NOT NULL;
END;
