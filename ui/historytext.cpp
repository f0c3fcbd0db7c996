// SPDX-License-Identifier: GPL-3.0-or-later
#include "historytext.h"

#include "tables/columnvalues.h"
#include "tables/lookupnames.h"
#include "tables/tablespec.h"
#include "valuetext.h"

#include <QCoreApplication>

namespace agency::ui {

namespace {
    struct Text {
        Q_DECLARE_TR_FUNCTIONS(History)
    };
}

QString whoText(const history::Change& change)
{
    QString who = change.person().isEmpty() ? Text::tr("someone") : change.person();
    if (change.source == QStringLiteral("cli-import"))
        return Text::tr("%1 (import)").arg(who);
    if (change.source == QStringLiteral("other"))
        return Text::tr("%1 (outside Agency OS)").arg(who);
    return who;
}

QString operationText(const QString& operation)
{
    if (operation == QStringLiteral("insert"))
        return Text::tr("Created");
    if (operation == QStringLiteral("soft_delete"))
        return Text::tr("Deleted");
    if (operation == QStringLiteral("restore"))
        return Text::tr("Restored");
    if (operation == QStringLiteral("delete"))
        return Text::tr("Removed for good");
    return Text::tr("Changed");
}

QString historyValueText(const QString& table, const QString& column, const QVariant& kept, tables::LookupNames* names)
{
    const tables::TableSpec* spec = tables::specFor(table);
    const tables::ColumnSpec* described = spec ? spec->column(column) : nullptr;
    if (!described)
        return kept.isNull() ? Text::tr("(empty)") : kept.toString();
    if (names && !kept.isNull() && described->kind == tables::ColumnKind::Reference
        && !described->references.isEmpty()) {
        QString name = names->name(described->references, kept.toString());
        if (!name.isEmpty())
            return name;
    }
    return valueText(*described, tables::fromStorage(*described, kept));
}

} // namespace agency::ui
