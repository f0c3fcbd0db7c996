-- SPDX-License-Identifier: GPL-3.0-or-later
-- What belongs to a deleted row is deleted with it, however it was deleted. The app marks a client's campaigns and a
-- campaign's channels deleted at the same instant as the row itself; a delete by direct SQL (an UPDATE of deleted_at)
-- left them live, so that a channel counted nowhere in the figures yet still showed on the Channels page and in its
-- file. These triggers do what the app does, at the parent's instant, so restoring the parent in the app brings them
-- back; rows already left live under a deleted parent are marked so now, at their parent's instant.
-- (The app restores children before their parent and refuses to restore a child under a deleted parent; a row made
-- live under a deleted parent by direct SQL is not prevented here.)

CREATE TRIGGER agency_clients_delete_children AFTER UPDATE OF deleted_at ON agency_clients FOR EACH ROW
    WHEN OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL
BEGIN
    UPDATE agency_campaigns SET deleted_at = NEW.deleted_at WHERE client_id = NEW.id AND deleted_at IS NULL;
END;
CREATE TRIGGER agency_campaigns_delete_children AFTER UPDATE OF deleted_at ON agency_campaigns FOR EACH ROW
    WHEN OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL
BEGIN
    UPDATE agency_campaign_channels SET deleted_at = NEW.deleted_at WHERE campaign_id = NEW.id AND deleted_at IS NULL;
END;

UPDATE agency_campaigns SET deleted_at = (SELECT cl.deleted_at FROM agency_clients cl WHERE cl.id = client_id)
    WHERE deleted_at IS NULL AND client_id IN (SELECT id FROM agency_clients WHERE deleted_at IS NOT NULL);
UPDATE agency_campaign_channels SET deleted_at = (SELECT c.deleted_at FROM agency_campaigns c WHERE c.id = campaign_id)
    WHERE deleted_at IS NULL AND campaign_id IN (SELECT id FROM agency_campaigns WHERE deleted_at IS NOT NULL);
