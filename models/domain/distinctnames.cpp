// SPDX-License-Identifier: GPL-3.0-or-later
#include "distinctnames.h"

#include <QHash>

namespace agency::domain {

namespace {
    QString folded(const QString& text)
    {
        return text.trimmed().toCaseFolded();
    }
}

QString shortId(const QString& id)
{
    return u'#' + id.left(8);
}

QList<QString> distinctNames(const QList<NamedRow>& rows)
{
    // How many rows of a group share a name, and of those, how many share a detail too.
    QHash<QString, int> names;
    QHash<QString, int> details;
    const auto nameKey = [](const NamedRow& row) { return row.group + u'\x1f' + folded(row.name); };
    for (const NamedRow& row : rows) {
        ++names[nameKey(row)];
        ++details[nameKey(row) + u'\x1f' + folded(row.detail)];
    }
    QList<QString> shown;
    shown.reserve(rows.size());
    for (const NamedRow& row : rows) {
        const QString key = nameKey(row);
        if (names.value(key) < 2) {
            shown << row.name;
            continue;
        }
        const bool detailTells = !row.detail.trimmed().isEmpty() && folded(row.detail) != folded(row.name)
            && details.value(key + u'\x1f' + folded(row.detail)) == 1;
        shown << QStringLiteral("%1 (%2)").arg(row.name, detailTells ? row.detail.trimmed() : shortId(row.id));
    }
    return shown;
}

} // namespace agency::domain
