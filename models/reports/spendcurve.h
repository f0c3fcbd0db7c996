// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <optional>
#include <utility>

namespace agency::reports {

// A campaign's spend so far against its plan, for its pacing chart: what its live channels' imported periods add up
// to, period by period (by the day each ends), beside the straight line from nothing on its start date to its budget
// on its end date. Exact, in cents.
struct SpendCurve {
    QString campaign;
    QDate start;
    QDate end;
    QDate asOf;
    std::optional<qint64> budgetCents; // the campaign's allocation (none: no budget set)
    QList<std::pair<QDate, qint64>> cumulative; // each period's last day and the spend up to it, oldest first
    QString unavailable; // why there is no curve to draw (a role that may not read the spend)

    std::optional<qint64> spentCents() const
    {
        return cumulative.isEmpty() ? std::nullopt : std::optional<qint64>(cumulative.constLast().second);
    }
};

// nullopt with `error` when a read failed; a curve with `unavailable` set when the spend may not be read.
std::optional<SpendCurve> readSpendCurve(
    const QSqlDatabase& db, const QString& campaignId, const QDate& asOf, QString* error);

} // namespace agency::reports
