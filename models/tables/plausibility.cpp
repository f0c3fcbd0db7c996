// SPDX-License-Identifier: GPL-3.0-or-later
#include "plausibility.h"

#include "domain/money.h"
#include "tablespec.h"

#include <QCoreApplication>

namespace agency::tables {

namespace {
    struct Text {
        Q_DECLARE_TR_FUNCTIONS(Plausibility)
    };

    std::optional<domain::Money> money(const QVariantMap& row, const QString& column)
    {
        const QVariant value = row.value(column);
        if (!value.isValid() || value.isNull() || value.toString().trimmed().isEmpty())
            return std::nullopt;
        return domain::Money::parse(value.toString());
    }
}

QList<Doubt> doubtsAbout(const TableSpec& spec, const QString& id, const QVariantMap& before, const QVariantMap& after)
{
    QList<Doubt> doubts;
    // The columns the rules read, as the table declares them (empty: it has none of that role).
    const QString allocatedColumn = spec.columnFor(ColumnRole::Allocated);
    const QString spentColumn = spec.columnFor(ColumnRole::Spent);
    const QString percentageColumn = spec.columnFor(ColumnRole::SharePercentage);
    const QString amountColumn = spec.columnFor(ColumnRole::ShareAmount);
    const auto has = [](const QString& column) { return !column.isEmpty(); };
    if (has(allocatedColumn)) {
        const auto was = money(before, allocatedColumn);
        const auto now = money(after, allocatedColumn);
        // A thousand times as much (or more): compared in cents, exactly.
        if (was && now && was->cents() > 0 && now->cents() != was->cents() && now->cents() / 1000 >= was->cents())
            doubts.append({ id, allocatedColumn, after.value(allocatedColumn),
                Text::tr("%1 goes from %2 to %3, %4 times as much.")
                    .arg(columnLabel(allocatedColumn), was->toDisplayString(), now->toDisplayString(),
                        QLocale().toString(now->cents() / was->cents())) });
        const auto spent = money(after, spentColumn);
        const bool changed = !before.isEmpty() ? (before.value(spentColumn) != after.value(spentColumn)
                                 || before.value(allocatedColumn) != after.value(allocatedColumn))
                                               : true;
        if (has(spentColumn) && changed && now && spent && now->cents() > 0 && spent->cents() / 10 > now->cents())
            doubts.append({ id, spentColumn, after.value(spentColumn),
                Text::tr("%1 of %2 is more than ten times the budget of %3.")
                    .arg(spent->toDisplayString(), columnLabel(spentColumn).toLower(), now->toDisplayString()) });
    }
    if (has(percentageColumn) && has(amountColumn)) {
        const auto share = money(after, percentageColumn);
        const bool changed = before.isEmpty() || before.value(percentageColumn) != after.value(percentageColumn);
        if (changed && share && share->cents() == 0 && !money(after, amountColumn))
            doubts.append({ id, percentageColumn, after.value(percentageColumn),
                Text::tr("This channel takes 0 % of its campaign's budget, and has no fixed amount.") });
    }
    return doubts;
}

} // namespace agency::tables
