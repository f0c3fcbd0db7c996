// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqlerror.h"

#include <QCoreApplication>
#include <spdlog/spdlog.h>

namespace agency::db {

bool isConnectionLost(const QSqlError& error)
{
    const QString code = error.nativeErrorCode();
    return error.type() == QSqlError::ConnectionError || code.startsWith(QStringLiteral("08"))
        || code == QStringLiteral("57P01") || code == QStringLiteral("57P02") || code == QStringLiteral("57P03");
}

QString reportSqlError(const QString& context, const QSqlError& error)
{
    QString why = error.text().trimmed();
    if (why.isEmpty())
        why = QCoreApplication::translate("SqlError", "the database connection is closed");
    if (error.nativeErrorCode() == QStringLiteral("42501")) // insufficient_privilege: say it plainly
        why = QCoreApplication::translate("SqlError",
            "your database role is not allowed to do this; ask an administrator for "
            "the right (%1)")
                  .arg(error.databaseText().simplified());
    spdlog::warn("SQL failed: {} [{}] {}", context.toStdString(), error.nativeErrorCode().toStdString(),
        why.simplified().toStdString());
    return context + QStringLiteral(": ") + why.simplified();
}

} // namespace agency::db
