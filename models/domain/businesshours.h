// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QHash>
#include <QString>
#include <QTime>
#include <QTimeZone>
#include <optional>
#include <utility>

namespace agency::domain {

// The hours a response time counts: every hour of the calendar (the default), or the agency's working hours — some
// days of the week, from a time to a time, in a time zone. Written as "Mon-Fri 09:00-17:00 Europe/Berlin" (days as a
// range or a list, "Mon,Wed,Fri"; the zone optional: the computer's own). Public holidays are not known.
class BusinessHours {
public:
    BusinessHours() = default; // calendar hours

    // "Mon-Fri 09:00-17:00 Europe/Berlin", or empty / "calendar" for calendar hours; none, with `error` saying
    // which part is wrong.
    static std::optional<BusinessHours> parse(const QString& text, QString* error);
    BusinessHours(unsigned days, QTime start, QTime end, const QTimeZone& zone);

    bool isCalendar() const { return m_days == 0; }
    // What parse() reads back: "Mon-Fri 09:00-17:00 Europe/Berlin"; "calendar" for calendar hours.
    QString toString() const;
    // For people: "Monday to Friday, 09:00–17:00 (Europe/Berlin)", in their language.
    QString describe() const;

    // The seconds of [from, to) that are working time (both seconds since the epoch); 0 when `to` ≤ `from`.
    qint64 secondsBetween(qint64 from, qint64 to) const;

    unsigned days() const { return m_days; } // bit d−1 for Qt's day d (1 Monday … 7 Sunday)
    QTime start() const { return m_start; }
    QTime end() const { return m_end; }
    QTimeZone zone() const { return m_zone; }

private:
    // A working day's opening, in seconds since the epoch (0, 0 on a day off); remembered by day, so that a copy is
    // not for sharing between threads.
    std::pair<qint64, qint64> window(const QDate& date) const;

    unsigned m_days = 0;
    QTime m_start;
    QTime m_end;
    QTimeZone m_zone;
    mutable QHash<qint64, std::pair<qint64, qint64>> m_windows;
};

} // namespace agency::domain
