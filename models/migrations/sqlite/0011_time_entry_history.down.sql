-- SPDX-License-Identifier: GPL-3.0-or-later
-- The time entries' history goes with the step that made it; what it wrote stays in agency_change_log (0008's).
DROP TRIGGER IF EXISTS agency_time_entries_log_delete;
DROP TRIGGER IF EXISTS agency_time_entries_log_update;
DROP TRIGGER IF EXISTS agency_time_entries_log_insert;
