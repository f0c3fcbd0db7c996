-- SPDX-License-Identifier: GPL-3.0-or-later
-- The rows the up step marked deleted stay so: they were dead to every figure before it, too.
DROP TRIGGER IF EXISTS agency_campaigns_delete_children;
DROP TRIGGER IF EXISTS agency_clients_delete_children;
