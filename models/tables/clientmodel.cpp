// SPDX-License-Identifier: GPL-3.0-or-later
#include "clientmodel.h"

#include <QCoreApplication>
#include <QDate>

namespace agency::tables {

void checkDateOrder(const QString& id, const QVariantMap& row, const QString& startColumn, const QString& endColumn,
    QList<FieldProblem>& problems)
{
    const QDate start = row.value(startColumn).toDate();
    const QDate end = row.value(endColumn).toDate();
    if (start.isValid() && end.isValid() && end < start) {
        problems.append({ id, endColumn,
            QCoreApplication::translate("Rules", "%1 (%2) is before %3 (%4)")
                .arg(columnLabel(endColumn), end.toString(Qt::ISODate), columnLabel(startColumn),
                    start.toString(Qt::ISODate)) });
    }
}

ClientModel::ClientModel(QSqlDatabase db, QObject* parent, Load load)
    : AgencyTableModel(clientsSpec(), db, parent, load)
{
    setSort(fieldIndex(QStringLiteral("client_name")), Qt::AscendingOrder);
    if (load == Load::Now)
        select();
}

QVariantMap ClientModel::defaultsForNewRow() const
{
    return { { QStringLiteral("client_type"), QStringLiteral("retainer") }, { QStringLiteral("is_active"), true } };
}

void ClientModel::checkRules(const QString& id, const QVariantMap& row, QList<FieldProblem>& problems)
{
    checkDateOrder(id, row, spec().startColumn, spec().endColumn, problems);
}

} // namespace agency::tables
