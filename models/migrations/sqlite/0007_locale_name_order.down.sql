-- SPDX-License-Identifier: GPL-3.0-or-later
-- Nothing to undo (see the up step).
SELECT 1;
