-- SPDX-License-Identifier: GPL-3.0-or-later
-- Search indexes: a search matches its text anywhere inside a table's text columns (LIKE '%text%'), which no B-tree
-- index can serve; over a million channels that was a scan of the whole table on every key typed (1.5-2.3 s).
-- Here, a trigram full-text index per table (FTS5, in SQLite since 3.34) over the table's text and choice columns,
-- in the order the table declares them (TableSpec; tst_migrator checks they agree). External content: the text stays
-- in the table only, the index holds its trigrams by rowid, and triggers keep it current. Should it ever disagree
-- with the table (a restore that renumbered rowids), INSERT INTO <table>_search(<table>_search) VALUES('rebuild')
-- rebuilds it from the table.
-- The app uses it for searches of 3 characters or more (a trigram needs three); shorter ones scan as before.

CREATE VIRTUAL TABLE agency_clients_search USING fts5(client_name, client_legal_name, billing_contact_name, billing_contact_email, billing_contact_phone, billing_contact_address, industry, client_type, internal_notes, content='agency_clients', content_rowid='rowid', tokenize='trigram');
INSERT INTO agency_clients_search(agency_clients_search) VALUES ('rebuild');
CREATE TRIGGER agency_clients_search_insert AFTER INSERT ON agency_clients FOR EACH ROW
BEGIN
    INSERT INTO agency_clients_search (rowid, client_name, client_legal_name, billing_contact_name, billing_contact_email, billing_contact_phone, billing_contact_address, industry, client_type, internal_notes) VALUES (NEW.rowid, NEW.client_name, NEW.client_legal_name, NEW.billing_contact_name, NEW.billing_contact_email, NEW.billing_contact_phone, NEW.billing_contact_address, NEW.industry, NEW.client_type, NEW.internal_notes);
END;
CREATE TRIGGER agency_clients_search_delete AFTER DELETE ON agency_clients FOR EACH ROW
BEGIN
    INSERT INTO agency_clients_search (agency_clients_search, rowid, client_name, client_legal_name, billing_contact_name, billing_contact_email, billing_contact_phone, billing_contact_address, industry, client_type, internal_notes) VALUES ('delete', OLD.rowid, OLD.client_name, OLD.client_legal_name, OLD.billing_contact_name, OLD.billing_contact_email, OLD.billing_contact_phone, OLD.billing_contact_address, OLD.industry, OLD.client_type, OLD.internal_notes);
END;
CREATE TRIGGER agency_clients_search_update AFTER UPDATE OF client_name, client_legal_name, billing_contact_name, billing_contact_email, billing_contact_phone, billing_contact_address, industry, client_type, internal_notes ON agency_clients FOR EACH ROW
BEGIN
    INSERT INTO agency_clients_search (agency_clients_search, rowid, client_name, client_legal_name, billing_contact_name, billing_contact_email, billing_contact_phone, billing_contact_address, industry, client_type, internal_notes) VALUES ('delete', OLD.rowid, OLD.client_name, OLD.client_legal_name, OLD.billing_contact_name, OLD.billing_contact_email, OLD.billing_contact_phone, OLD.billing_contact_address, OLD.industry, OLD.client_type, OLD.internal_notes);
    INSERT INTO agency_clients_search (rowid, client_name, client_legal_name, billing_contact_name, billing_contact_email, billing_contact_phone, billing_contact_address, industry, client_type, internal_notes) VALUES (NEW.rowid, NEW.client_name, NEW.client_legal_name, NEW.billing_contact_name, NEW.billing_contact_email, NEW.billing_contact_phone, NEW.billing_contact_address, NEW.industry, NEW.client_type, NEW.internal_notes);
END;

CREATE VIRTUAL TABLE agency_campaigns_search USING fts5(campaign_type, status, campaign_brief, internal_notes, content='agency_campaigns', content_rowid='rowid', tokenize='trigram');
INSERT INTO agency_campaigns_search(agency_campaigns_search) VALUES ('rebuild');
CREATE TRIGGER agency_campaigns_search_insert AFTER INSERT ON agency_campaigns FOR EACH ROW
BEGIN
    INSERT INTO agency_campaigns_search (rowid, campaign_type, status, campaign_brief, internal_notes) VALUES (NEW.rowid, NEW.campaign_type, NEW.status, NEW.campaign_brief, NEW.internal_notes);
END;
CREATE TRIGGER agency_campaigns_search_delete AFTER DELETE ON agency_campaigns FOR EACH ROW
BEGIN
    INSERT INTO agency_campaigns_search (agency_campaigns_search, rowid, campaign_type, status, campaign_brief, internal_notes) VALUES ('delete', OLD.rowid, OLD.campaign_type, OLD.status, OLD.campaign_brief, OLD.internal_notes);
END;
CREATE TRIGGER agency_campaigns_search_update AFTER UPDATE OF campaign_type, status, campaign_brief, internal_notes ON agency_campaigns FOR EACH ROW
BEGIN
    INSERT INTO agency_campaigns_search (agency_campaigns_search, rowid, campaign_type, status, campaign_brief, internal_notes) VALUES ('delete', OLD.rowid, OLD.campaign_type, OLD.status, OLD.campaign_brief, OLD.internal_notes);
    INSERT INTO agency_campaigns_search (rowid, campaign_type, status, campaign_brief, internal_notes) VALUES (NEW.rowid, NEW.campaign_type, NEW.status, NEW.campaign_brief, NEW.internal_notes);
END;

CREATE VIRTUAL TABLE agency_campaign_channels_search USING fts5(channel_type, external_account_id, external_campaign_id, notes, content='agency_campaign_channels', content_rowid='rowid', tokenize='trigram');
INSERT INTO agency_campaign_channels_search(agency_campaign_channels_search) VALUES ('rebuild');
CREATE TRIGGER agency_campaign_channels_search_insert AFTER INSERT ON agency_campaign_channels FOR EACH ROW
BEGIN
    INSERT INTO agency_campaign_channels_search (rowid, channel_type, external_account_id, external_campaign_id, notes) VALUES (NEW.rowid, NEW.channel_type, NEW.external_account_id, NEW.external_campaign_id, NEW.notes);
END;
CREATE TRIGGER agency_campaign_channels_search_delete AFTER DELETE ON agency_campaign_channels FOR EACH ROW
BEGIN
    INSERT INTO agency_campaign_channels_search (agency_campaign_channels_search, rowid, channel_type, external_account_id, external_campaign_id, notes) VALUES ('delete', OLD.rowid, OLD.channel_type, OLD.external_account_id, OLD.external_campaign_id, OLD.notes);
END;
CREATE TRIGGER agency_campaign_channels_search_update AFTER UPDATE OF channel_type, external_account_id, external_campaign_id, notes ON agency_campaign_channels FOR EACH ROW
BEGIN
    INSERT INTO agency_campaign_channels_search (agency_campaign_channels_search, rowid, channel_type, external_account_id, external_campaign_id, notes) VALUES ('delete', OLD.rowid, OLD.channel_type, OLD.external_account_id, OLD.external_campaign_id, OLD.notes);
    INSERT INTO agency_campaign_channels_search (rowid, channel_type, external_account_id, external_campaign_id, notes) VALUES (NEW.rowid, NEW.channel_type, NEW.external_account_id, NEW.external_campaign_id, NEW.notes);
END;
