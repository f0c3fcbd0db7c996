// SPDX-License-Identifier: GPL-3.0-or-later
#include "valuetext.h"

#include "domain/displaytext.h"
#include "domain/money.h"
#include "domain/vocabulary.h"
#include "tables/tablespec.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>

namespace agency::ui {

namespace {
    struct Text {
        Q_DECLARE_TR_FUNCTIONS(ValueText)
    };
}

QString valueText(const tables::ColumnSpec& column, const QVariant& value)
{
    if (!value.isValid() || value.isNull())
        return Text::tr("(empty)");
    if (column.kind == tables::ColumnKind::Money) {
        if (const auto money = domain::Money::parse(value.toString()))
            return money->toDisplayString();
    }
    if (column.kind == tables::ColumnKind::Percent) {
        if (const auto percent = domain::Percent::parse(value.toString()))
            return percent->toDisplayString();
    }
    if (column.kind == tables::ColumnKind::Choice || !column.suggestions.isEmpty())
        return domain::valueLabel(value.toString());
    if (value.metaType().id() == QMetaType::QDate)
        return domain::dateText(value.toDate());
    if (value.metaType().id() == QMetaType::QDateTime)
        return domain::instantText(value.toDateTime());
    if (value.metaType().id() == QMetaType::Bool)
        return value.toBool() ? Text::tr("yes") : Text::tr("no");
    return value.toString();
}

} // namespace agency::ui
