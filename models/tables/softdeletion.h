// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPair>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace agency::tables {

// Soft delete and restore, each in one transaction. Deleting a client also deletes its live campaigns and their
// live channels with the same instant; deleting a campaign, its live channels. Restoring brings back exactly the
// rows that were deleted with it (same instant). A tier used by a live client cannot be deleted; a campaign or
// channel whose parent is deleted cannot be restored on its own. On failure nothing changed and `error` says why.
bool softDelete(QSqlDatabase db, const QString& table, const QStringList& ids, QString* error);
bool restore(QSqlDatabase db, const QString& table, const QStringList& ids, QString* error);
// What a soft delete of `ids` would take with it: per table the spec names as a child (or grandchild), the number of
// its live rows that would go too, children before grandchildren, tables with none left out. Empty with `error`
// set when the count failed.
QList<QPair<QString, qint64>> whatDeleteTakes(
    QSqlDatabase db, const QString& table, const QStringList& ids, QString* error);

} // namespace agency::tables
