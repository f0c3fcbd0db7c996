// SPDX-License-Identifier: GPL-3.0-or-later
#include "rowfilter.h"

#include "lookupnames.h"

#include <QSqlDriver>
#include <QSqlField>

namespace agency::tables {

namespace {
    QString literal(const QSqlDriver* driver, const QString& value)
    {
        QSqlField field(QStringLiteral("v"), QMetaType(QMetaType::QString));
        field.setValue(value);
        return driver->formatValue(field);
    }
}

QString RowFilter::escapeLike(const QString& text)
{
    QString escaped;
    for (const QChar c : text) {
        if (c == u'\\' || c == u'%' || c == u'_')
            escaped += u'\\';
        escaped += c;
    }
    return escaped;
}

QString RowFilter::sql(const TableSpec& spec, const QSqlDriver* driver) const
{
    QStringList parts;
    if (!includeDeleted)
        parts << QStringLiteral("deleted_at IS NULL");
    for (const Match& match : matches) {
        if (!spec.column(match.column)) { // not a column of this table: no row, never every row
            parts << QStringLiteral("1 = 0");
            continue;
        }
        QStringList values;
        for (const QString& value : match.values)
            values << literal(driver, value);
        parts << (values.isEmpty() ? QStringLiteral("1 = 0")
                                   : QStringLiteral("%1 IN (%2)").arg(match.column, values.join(QStringLiteral(", "))));
    }
    if (const QString text = search.trimmed(); !text.isEmpty()) {
        const QString pattern = literal(driver, u'%' + escapeLike(text.toLower()) + u'%');
        const db::Dialect dialect
            = driver->dbmsType() == QSqlDriver::PostgreSQL ? db::Dialect::PostgreSQL : db::Dialect::SQLite;
        QStringList any;
        for (const ColumnSpec& column : spec.columns) {
            if (column.kind == ColumnKind::Text || column.kind == ColumnKind::Choice)
                any << QStringLiteral("lower(%1) LIKE %2 ESCAPE '\\'").arg(column.name, pattern);
            else if (const QString names = LookupNames::nameMatches(column, pattern, dialect); !names.isEmpty())
                any << names; // what the table shows for a reference: the client's or tier's name
        }
        parts << u'(' + any.join(QStringLiteral(" OR ")) + u')';
    }
    return parts.join(QStringLiteral(" AND "));
}

} // namespace agency::tables
