-- SPDX-License-Identifier: GPL-3.0-or-later
DROP TABLE IF EXISTS agency_channel_spend;
