// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QVariantMap>

namespace agency::tables {

struct TableSpec;

// A value the rules allow but a person rarely means: a budget a thousand times what it was (a slip of the decimal
// point or three zeros too many), spent more than ten times the budget, a channel that takes 0 % of its campaign.
// The window asks once, with the figure, before saving it.
struct Doubt {
    QString id;
    QString column;
    QVariant value; // what would be saved: a doubt answered "save anyway" is not asked again for it
    QString message; // for people, with the figures
};

// The doubts about row `id` of `spec`'s table, from the row as read (`before`; empty for a new row) to the row as it
// would be saved (`after`).
QList<Doubt> doubtsAbout(const TableSpec& spec, const QString& id, const QVariantMap& before, const QVariantMap& after);

} // namespace agency::tables
