// SPDX-License-Identifier: GPL-3.0-or-later
#include "businesshours.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>
#include <QStringList>
#include <algorithm>
#include <functional>

namespace agency::domain {

namespace {
    struct Text {
        Q_DECLARE_TR_FUNCTIONS(BusinessHours)
    };

    const QStringList& dayNames()
    {
        static const QStringList names { QStringLiteral("mon"), QStringLiteral("tue"), QStringLiteral("wed"),
            QStringLiteral("thu"), QStringLiteral("fri"), QStringLiteral("sat"), QStringLiteral("sun") };
        return names;
    }

    // "Mon" or "Monday" (in English, as the command line writes it): Qt's day number, or 0.
    int dayOf(const QString& word)
    {
        const QString lower = word.toLower();
        for (int day = 1; day <= 7; ++day) {
            if (lower == dayNames().at(day - 1) || lower == QLocale::c().dayName(day, QLocale::LongFormat).toLower())
                return day;
        }
        return 0;
    }

    // "Mon-Fri", "Mon,Wed,Fri-Sun": a bit per day, or 0.
    unsigned readDays(const QString& text)
    {
        unsigned days = 0;
        for (const QString& part : text.split(u',')) {
            const QStringList ends = part.split(u'-');
            if (ends.size() > 2)
                return 0;
            const int first = dayOf(ends.constFirst());
            const int last = dayOf(ends.constLast());
            if (first == 0 || last == 0)
                return 0;
            for (int day = first;; day = day % 7 + 1) { // Fri-Mon goes over the weekend
                days |= 1U << (day - 1);
                if (day == last)
                    break;
            }
        }
        return days;
    }

    // The runs of consecutive days, written short: "Mon-Fri", "Mon,Wed,Fri".
    QString writeDays(unsigned days, const std::function<QString(int)>& name, const QString& through)
    {
        QStringList runs;
        for (int day = 1; day <= 7; ++day) {
            if (!(days & (1U << (day - 1))))
                continue;
            int last = day;
            while (last < 7 && (days & (1U << last)))
                ++last;
            runs << (last - day >= 2 ? name(day) + through + name(last)
                    : last > day     ? name(day) + u',' + name(last)
                                     : name(day));
            day = last;
        }
        return runs.join(u',');
    }
}

BusinessHours::BusinessHours(unsigned days, QTime start, QTime end, const QTimeZone& zone)
    : m_days(days & 0x7FU)
    , m_start(start)
    , m_end(end)
    , m_zone(zone)
{
}

std::optional<BusinessHours> BusinessHours::parse(const QString& text, QString* error)
{
    const QStringList words = text.simplified().split(u' ', Qt::SkipEmptyParts);
    if (words.isEmpty() || (words.size() == 1 && words.constFirst().compare(u"calendar", Qt::CaseInsensitive) == 0))
        return BusinessHours();
    if (words.size() < 2 || words.size() > 3) {
        *error = Text::tr("business hours are written as days, hours and an optional time zone, for example "
                          "“Mon-Fri 09:00-17:00 Europe/Berlin”; not “%1”")
                     .arg(text);
        return std::nullopt;
    }
    const unsigned days = readDays(words.at(0));
    if (days == 0) {
        *error = Text::tr("“%1” are not days of the week (Mon, Tue, Wed, Thu, Fri, Sat, Sun; a range Mon-Fri or a "
                          "list Mon,Wed)")
                     .arg(words.at(0));
        return std::nullopt;
    }
    static const QRegularExpression hours(QStringLiteral("^(\\d{1,2}:\\d{2})-(\\d{1,2}:\\d{2})$"));
    const QRegularExpressionMatch match = hours.match(words.at(1));
    const QTime start = match.hasMatch() ? QTime::fromString(match.captured(1), QStringLiteral("H:mm")) : QTime();
    const QTime end = match.hasMatch() ? QTime::fromString(match.captured(2), QStringLiteral("H:mm")) : QTime();
    if (!start.isValid() || !end.isValid() || end <= start) {
        *error = Text::tr("“%1” is not a working day's hours: a start and a later end, for example 09:00-17:00")
                     .arg(words.at(1));
        return std::nullopt;
    }
    QTimeZone zone = QTimeZone::systemTimeZone();
    if (words.size() == 3) {
        zone = QTimeZone(words.at(2).toUtf8());
        if (!zone.isValid()) {
            *error = Text::tr("“%1” is not a time zone this computer knows (for example Europe/Berlin or UTC)")
                         .arg(words.at(2));
            return std::nullopt;
        }
    }
    return BusinessHours(days, start, end, zone);
}

QString BusinessHours::toString() const
{
    if (isCalendar())
        return QStringLiteral("calendar");
    const QString days = writeDays(
        m_days, [](int day) { return QLocale::c().dayName(day, QLocale::ShortFormat); }, QStringLiteral("-"));
    return QStringLiteral("%1 %2-%3 %4")
        .arg(days, m_start.toString(QStringLiteral("HH:mm")), m_end.toString(QStringLiteral("HH:mm")),
            QString::fromUtf8(m_zone.id()));
}

QString BusinessHours::describe() const
{
    if (isCalendar())
        return Text::tr("calendar hours");
    const QLocale locale;
    const QString days = writeDays(
        m_days, [&](int day) { return locale.dayName(day, QLocale::ShortFormat); }, QStringLiteral("–"));
    return Text::tr("%1, %2–%3 (%4)")
        .arg(days, locale.toString(m_start, QLocale::ShortFormat), locale.toString(m_end, QLocale::ShortFormat),
            QString::fromUtf8(m_zone.id()));
}

std::pair<qint64, qint64> BusinessHours::window(const QDate& date) const
{
    if (!(m_days & (1U << (date.dayOfWeek() - 1))))
        return { 0, 0 };
    const auto known = m_windows.constFind(date.toJulianDay());
    if (known != m_windows.cend())
        return *known;
    // As that day's clock reads it: a change to or from summer time is the zone's business.
    const std::pair<qint64, qint64> opening { QDateTime(date, m_start, m_zone).toSecsSinceEpoch(),
        QDateTime(date, m_end, m_zone).toSecsSinceEpoch() };
    m_windows.insert(date.toJulianDay(), opening);
    return opening;
}

qint64 BusinessHours::secondsBetween(qint64 from, qint64 to) const
{
    if (to <= from)
        return 0;
    if (isCalendar())
        return to - from;
    // Day by day in the zone's own dates, each working day's window cut to [from, to).
    const QDate last = QDateTime::fromSecsSinceEpoch(to, m_zone).date();
    qint64 counted = 0;
    for (QDate day = QDateTime::fromSecsSinceEpoch(from, m_zone).date(); day <= last; day = day.addDays(1)) {
        const auto [open, close] = window(day);
        counted += std::max<qint64>(0, std::min(close, to) - std::max(open, from));
    }
    return counted;
}

} // namespace agency::domain
