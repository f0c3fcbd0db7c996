// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tableexport.h"
#include "tables/tablespec.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <optional>

class QSqlDriver;

// What an export of a table writes and how each of its paths reads it: the columns in order (the table's own, then
// the lookups its spec declares) with the SQL that yields each one's exported text on either backend, the joins the
// lookups need, and the FROM … ORDER BY of a view (tableexport.cpp).
namespace agency::exporting::plan {

enum class Source { Own, LookupText, CampaignLabel, EffectiveBudget };

struct Column {
    QString header;
    Source source = Source::Own;
    const tables::ColumnSpec* spec = nullptr; // Own
    bool text = false; // free text: the formula guard applies
    QString postgres; // the expression yielding this column's exported text
    QString sqlite; // the same on SQLite
};

// Extra columns the generic SELECT carries after the exported ones, to work out labels and budgets here.
inline const QStringList campaignHelpers { QStringLiteral("c.metadata"), QStringLiteral("c.campaign_type"),
    QStringLiteral("c.start_date"), QStringLiteral("c.budget_allocated") };

enum class Joins { Postgres, PostgresWithPlane, SQLite, SQLiteDirect };

QList<Column> planFor(const QString& table);
// Whether the lookups of `table` go through a campaign (a channel's): its label, client and allocation.
bool throughCampaign(const QString& table);
QString joinsFor(const QString& table, Joins joins);
// FROM … WHERE … ORDER BY …, shared by every path.
QString fromClause(const ExportRequest& request, Joins joins, const QSqlDriver* driver);
// Positions in the full plan of the columns the request wants, or an error naming an unknown one.
std::optional<QList<int>> selection(const QList<Column>& plan, const QStringList& wanted, QString* error);
bool planeAvailable(QSqlDatabase db);

} // namespace agency::exporting::plan
