// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>

namespace agency::app {

// `agency-os import spend --input FILE|- [--format auto|google-ads|meta|microsoft|generic] [--dry-run]
// [--rate CUR=RATE…] [--db DSN]`: an ad platform's report into the channels' spend (spend::importSpend), all or
// nothing; prints what matched, what did not and why, and each channel's spend and counts before → after.
int runSpendImport(
    const QString& dsn, const QString& path, const QString& format, const QStringList& rates, bool dryRun);

} // namespace agency::app
