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
    spdlog::warn("SQL failed: {} [{}] {}", context.toStdString(), error.nativeErrorCode().toStdString(),
        why.simplified().toStdString());
    return context + QStringLiteral(": ") + why.simplified();
}

} // namespace agency::db
