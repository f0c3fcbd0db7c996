// SPDX-License-Identifier: GPL-3.0-or-later
#include "filedate.h"

#include <QRegularExpression>

namespace agency::domain {

QDate parseFileDate(const QString& text, bool dayFirst)
{
    const QString t = text.trimmed();
    if (QDate iso = QDate::fromString(t, Qt::ISODate); iso.isValid() && t.size() == 10)
        return iso;
    static const QRegularExpression other(QStringLiteral("^(\\d{1,2})([./])(\\d{1,2})[./](\\d{4})$"));
    const auto match = other.match(t);
    if (!match.hasMatch())
        return {};
    const int a = match.captured(1).toInt();
    const int b = match.captured(3).toInt();
    const bool day = match.captured(2) == QStringLiteral(".") || dayFirst;
    return { match.captured(4).toInt(), day ? b : a, day ? a : b };
}

} // namespace agency::domain
