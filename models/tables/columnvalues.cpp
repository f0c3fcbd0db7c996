// SPDX-License-Identifier: GPL-3.0-or-later
#include "columnvalues.h"

#include "domain/kpis.h"
#include "domain/money.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QTimeZone>
#include <QUuid>

namespace agency::tables {

namespace {
    // What this file says to people, in lupdate's and the runtime's one context "ColumnValues".
    struct Text {
        Q_DECLARE_TR_FUNCTIONS(ColumnValues)
    };

    bool isUuidText(const QString& text)
    {
        return text.size() == 36 && !QUuid::fromString(text).isNull() && text == text.toLower();
    }
}

const RefusedInput* refusedInput(const QVariant& value)
{
    return value.metaType() == QMetaType::fromType<RefusedInput>() ? static_cast<const RefusedInput*>(value.constData())
                                                                   : nullptr;
}

bool isNullValue(const QVariant& value)
{
    return !value.isValid() || value.isNull()
        || (value.metaType().id() == QMetaType::QString && value.toString().isEmpty());
}

QString instantToStorageText(const QDateTime& instant)
{
    return instant.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")) + u'Z';
}

QVariant fromStorage(const ColumnSpec& column, const QVariant& raw)
{
    if (!raw.isValid() || raw.isNull())
        return {};
    if (refusedInput(raw))
        return raw;
    switch (column.kind) {
    case ColumnKind::Date:
        return raw.metaType().id() == QMetaType::QDate ? raw : QVariant(QDate::fromString(raw.toString(), Qt::ISODate));
    case ColumnKind::Instant: {
        QDateTime instant = raw.metaType().id() == QMetaType::QDateTime
            ? raw.toDateTime()
            : QDateTime::fromString(raw.toString(), Qt::ISODateWithMs);
        return instant.toUTC();
    }
    case ColumnKind::Boolean:
        return raw.toBool();
    case ColumnKind::Integer:
        return raw.toLongLong();
    default:
        return raw.toString();
    }
}

QVariant toStorage(const ColumnSpec& column, const QVariant& value, db::Dialect dialect)
{
    if (isNullValue(value))
        return QVariant(QMetaType(column.kind == ColumnKind::Integer ? QMetaType::LongLong : QMetaType::QString));
    if (const RefusedInput* refused = refusedInput(value))
        return refused->typed; // never reached through Save, which refuses it first; the database refuses it too
    switch (column.kind) {
    case ColumnKind::Money:
        if (const auto money = domain::Money::parse(value.toString()))
            return money->toDecimalString();
        return value.toString();
    case ColumnKind::Percent:
        if (const auto percent = domain::Percent::parse(value.toString()))
            return percent->toDecimalString();
        return value.toString();
    case ColumnKind::Date:
        return value.toDate().toString(Qt::ISODate);
    case ColumnKind::Instant:
        return dialect == db::Dialect::SQLite ? QVariant(instantToStorageText(value.toDateTime()))
                                              : QVariant(value.toDateTime().toUTC());
    case ColumnKind::Boolean:
        return dialect == db::Dialect::SQLite ? QVariant(value.toBool() ? 1 : 0) : QVariant(value.toBool());
    case ColumnKind::Integer:
        return value.toLongLong();
    case ColumnKind::JsonObject:
        return domain::normalizeJsonObject(value.toString(), column.name, nullptr).value_or(value.toString());
    case ColumnKind::Kpis:
        if (const auto kpis = domain::Kpis::parse(value.toString(), column.name, nullptr))
            return kpis->isEmpty() && value.toString().trimmed() != QStringLiteral("{}")
                ? QVariant(QMetaType(QMetaType::QString))
                : QVariant(kpis->toJson());
        return value.toString();
    case ColumnKind::JsonArray:
        if (const auto features = domain::parseFeatures(value.toString(), nullptr))
            return domain::featuresToJson(*features);
        return value.toString();
    default:
        return value.toString();
    }
}

QString problemWith(const ColumnSpec& column, const QVariant& value)
{
    const QString label = columnLabel(column.name);
    if (const RefusedInput* refused = refusedInput(value))
        return label + QStringLiteral(": ") + refused->why;
    if (isNullValue(value)) {
        if (column.required && column.kind != ColumnKind::Boolean)
            return Text::tr("%1 is required").arg(label);
        return {};
    }
    QString why;
    switch (column.kind) {
    case ColumnKind::Uuid:
    case ColumnKind::Reference:
    case ColumnKind::PlaneReference:
        if (!isUuidText(value.toString()))
            return Text::tr("%1: '%2' is not a valid UUID (like 3f2b…-…, 36 lowercase characters)")
                .arg(label, value.toString().left(40));
        return {};
    case ColumnKind::Text:
        if (column.required && value.toString().trimmed().isEmpty())
            return Text::tr("%1 is required").arg(label);
        if (column.size > 0 && value.toString().size() > column.size)
            return Text::tr("%1: at most %2 characters (this has %3)")
                .arg(label)
                .arg(column.size)
                .arg(value.toString().size());
        return {};
    case ColumnKind::Integer: {
        bool ok = false;
        const qlonglong number = value.toLongLong(&ok);
        if (!ok || number > std::numeric_limits<int>::max() || number < std::numeric_limits<int>::min())
            return Text::tr("%1: enter a whole number").arg(label);
        if (column.nonNegative && number < 0)
            return Text::tr("%1 may not be negative").arg(label);
        return {};
    }
    case ColumnKind::Money: {
        const auto money = domain::Money::parse(value.toString(), &why, column.size);
        if (!money)
            return label + QStringLiteral(": ") + why;
        if (money->cents() < 0)
            return Text::tr("%1 may not be negative").arg(label);
        return {};
    }
    case ColumnKind::Percent:
        if (!domain::Percent::parse(value.toString(), &why))
            return label + QStringLiteral(": ") + why;
        return {};
    case ColumnKind::Date:
        if (!value.toDate().isValid() && !QDate::fromString(value.toString(), Qt::ISODate).isValid())
            return Text::tr("%1: not a valid date (YYYY-MM-DD)").arg(label);
        return {};
    case ColumnKind::Instant:
        if (!value.toDateTime().isValid())
            return Text::tr("%1: not a valid date and time").arg(label);
        return {};
    case ColumnKind::Boolean:
        return {};
    case ColumnKind::Choice:
        if (!column.choices.contains(value.toString()))
            return Text::tr("%1: '%2' is not one of %3")
                .arg(label, value.toString().left(40), column.choices.join(QStringLiteral(", ")));
        return {};
    case ColumnKind::JsonObject:
        if (!domain::normalizeJsonObject(value.toString(), column.name, &why))
            return why;
        return {};
    case ColumnKind::Kpis:
        if (!domain::Kpis::parse(value.toString(), column.name, &why))
            return why;
        return {};
    case ColumnKind::JsonArray:
        if (!domain::parseFeatures(value.toString(), &why))
            return why;
        return {};
    }
    return {};
}

} // namespace agency::tables
