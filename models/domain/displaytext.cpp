// SPDX-License-Identifier: GPL-3.0-or-later
#include "displaytext.h"

#include <QCoreApplication>
#include <algorithm>

namespace agency::domain {

namespace {
    constexpr char16_t firstStrongIsolate = 0x2068;
    constexpr char16_t popDirectionalIsolate = 0x2069;

    bool isExplicitDirection(QChar c)
    {
        const char16_t u = c.unicode();
        return (u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069);
    }
    bool opensIsolate(QChar c)
    {
        return c.unicode() >= 0x2066 && c.unicode() <= 0x2068;
    }
}

QString isolatedForDisplay(const QString& text)
{
    if (std::none_of(text.cbegin(), text.cend(), isExplicitDirection))
        return text;
    QString shown;
    shown.reserve(text.size() + 2);
    shown += QChar(firstStrongIsolate);
    int openIsolates = 0;
    for (const QChar c : text) {
        if (opensIsolate(c)) {
            ++openIsolates;
        } else if (c.unicode() == popDirectionalIsolate) {
            if (openIsolates == 0)
                continue;
            --openIsolates;
        }
        shown += c;
    }
    shown += QChar(popDirectionalIsolate);
    return shown;
}

QString dateFormat(const QLocale& locale)
{
    if (locale.language() == QLocale::C)
        return QStringLiteral("yyyy-MM-dd");
    QString format = locale.dateFormat(QLocale::ShortFormat);
    if (!format.contains(QStringLiteral("yyyy")))
        format.replace(QStringLiteral("yy"), QStringLiteral("yyyy")); // a two-digit year is no date to act on
    return format;
}

QString dateText(const QDate& date, const QLocale& locale)
{
    return date.isValid() ? locale.toString(date, dateFormat(locale)) : QString();
}

QString instantText(const QDateTime& instant, const QLocale& locale)
{
    if (!instant.isValid())
        return {};
    const QDateTime local = instant.toLocalTime();
    const QString time
        = locale.language() == QLocale::C ? QStringLiteral("HH:mm") : locale.timeFormat(QLocale::ShortFormat);
    return dateText(local.date(), locale) + u' ' + locale.toString(local.time(), time);
}

QString shortList(const QStringList& names, int shown)
{
    if (names.size() <= shown)
        return names.join(QStringLiteral(", "));
    const int more = static_cast<int>(names.size()) - shown;
    return QCoreApplication::translate("DisplayText", "%1 and %2 more")
        .arg(names.mid(0, shown).join(QStringLiteral(", ")), QLocale().toString(more));
}

} // namespace agency::domain
