-- SPDX-License-Identifier: GPL-3.0-or-later
DROP INDEX IF EXISTS agency_clients_name_locale_idx;
