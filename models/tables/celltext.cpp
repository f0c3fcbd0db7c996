// SPDX-License-Identifier: GPL-3.0-or-later
#include "celltext.h"

#include "columnvalues.h"
#include "domain/displaytext.h"
#include "domain/kpis.h"
#include "domain/money.h"
#include "domain/vocabulary.h"
#include "lookupnames.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QLocale>

namespace agency::tables {

QString cellText(const ColumnSpec& column, const QVariant& value, LookupNames& names)
{
    if (!value.isValid() || value.isNull())
        return {};
    if (const RefusedInput* refused = refusedInput(value))
        return refused->typed;
    const QLocale locale;
    if (!column.suggestions.isEmpty())
        return domain::valueLabel(value.toString()); // a known code as people read it
    switch (column.kind) {
    case ColumnKind::Money:
        if (const auto money = domain::Money::parse(value.toString()))
            return money->toDisplayString(locale);
        return value.toString();
    case ColumnKind::Percent:
        if (const auto percent = domain::Percent::parse(value.toString()))
            return percent->toDisplayString(locale);
        return value.toString();
    case ColumnKind::Date:
        return domain::dateText(value.toDate(), locale);
    case ColumnKind::Instant:
        return domain::instantText(value.toDateTime(), locale);
    case ColumnKind::Boolean:
        return {};
    case ColumnKind::Reference: {
        const QString name = names.name(column.references, value.toString());
        return name.isEmpty() ? value.toString() : name;
    }
    case ColumnKind::PlaneReference: {
        if (!names.plane().isAvailable() || column.plane == PlaneLink::Issue)
            return value.toString();
        const QString name = column.plane == PlaneLink::Workspace ? names.workspaceName(value.toString())
                                                                  : names.projectName(value.toString());
        return name.isEmpty() ? QCoreApplication::translate("CellText", "%1 (not in Plane)").arg(value.toString())
                              : name;
    }
    case ColumnKind::Choice:
        return domain::valueLabel(value.toString());
    case ColumnKind::Kpis: {
        const auto kpis = domain::Kpis::parse(value.toString(), column.name, nullptr);
        if (!kpis)
            return value.toString();
        QStringList parts;
        for (auto it = kpis->values().cbegin(); it != kpis->values().cend(); ++it)
            parts << it.key() + u' ' + locale.toString(it.value(), 'g', 12);
        return parts.join(QStringLiteral(" · "));
    }
    case ColumnKind::JsonArray:
        if (const auto features = domain::parseFeatures(value.toString(), nullptr)) {
            QStringList shown;
            for (const QString& feature : *features)
                shown << domain::isolatedForDisplay(feature);
            return shown.join(QStringLiteral(", "));
        }
        return value.toString();
    default:
        return domain::isolatedForDisplay(value.toString());
    }
}

} // namespace agency::tables
