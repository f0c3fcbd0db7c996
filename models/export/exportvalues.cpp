// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportvalues.h"

#include "domain/budget.h"
#include "jsontext.h"
#include "tables/columnvalues.h"

#include <QDate>
#include <QDateTime>
#include <QString>

namespace agency::exporting::values {

using tables::ColumnKind;
using tables::ColumnSpec;

// One field of COPY's text format, unescaped in place: \N is NULL, backslash escapes as PostgreSQL writes them.
QByteArray unescapeCopyField(QByteArrayView raw)
{
    QByteArray out(""); // never null: NULL is \N, and an empty field is the empty string
    out.reserve(raw.size());
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const char c = raw[i];
        if (c != '\\' || i + 1 >= raw.size()) {
            out.append(c);
            continue;
        }
        const char e = raw[++i];
        switch (e) {
        case 'b':
            out.append('\b');
            break;
        case 'f':
            out.append('\f');
            break;
        case 'n':
            out.append('\n');
            break;
        case 'r':
            out.append('\r');
            break;
        case 't':
            out.append('\t');
            break;
        case 'v':
            out.append('\v');
            break;
        default:
            if (e >= '0' && e <= '7') {
                int value = e - '0';
                for (int k = 0; k < 2 && i + 1 < raw.size() && raw[i + 1] >= '0' && raw[i + 1] <= '7'; ++k)
                    value = value * 8 + (raw[++i] - '0');
                out.append(static_cast<char>(value));
            } else {
                out.append(e);
            }
        }
    }
    return out;
}

QByteArray formatOwn(const ColumnSpec& column, const QVariant& raw)
{
    const QVariant value = tables::fromStorage(column, raw);
    switch (column.kind) {
    case ColumnKind::Date:
        return value.toDate().toString(Qt::ISODate).toUtf8();
    case ColumnKind::Instant:
        return tables::instantToStorageText(value.toDateTime()).toUtf8();
    case ColumnKind::Boolean:
        return value.toBool() ? QByteArrayLiteral("true") : QByteArrayLiteral("false");
    case ColumnKind::Integer:
        return QByteArray::number(value.toLongLong());
    case ColumnKind::JsonObject:
    case ColumnKind::JsonArray:
    case ColumnKind::Kpis: { // as PostgreSQL prints jsonb, whatever form SQLite kept it in
        QByteArray text = value.toString().toUtf8();
        if (auto written = asJsonbText(text))
            return *std::move(written);
        return text;
    }
    default:
        return value.toString().toUtf8();
    }
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// An instant stored exactly as the export writes it (yyyy-MM-ddTHH:mm:ss.zzzZ, as the app and SQLite's strftime
// store them), so it needs no parsing.
bool isCanonicalInstant(QByteArrayView v)
{
    static constexpr QByteArrayView pattern = "0000-00-00T00:00:00.000Z";
    if (v.size() != pattern.size())
        return false;
    for (qsizetype i = 0; i < v.size(); ++i) {
        if (pattern[i] == '0' ? !isDigit(v[i]) : v[i] != pattern[i])
            return false;
    }
    const auto two = [v](int at) { return (v[at] - '0') * 10 + (v[at + 1] - '0'); };
    return two(5) >= 1 && two(5) <= 12 && two(8) >= 1 && two(8) <= 31 && two(11) < 24 && two(14) < 60 && two(17) < 60;
}

// "digits.dd", the form the schema's CHECKs keep money and percentages in, as a count of hundredths.
std::optional<qint64> storedHundredths(QByteArrayView v)
{
    if (v.size() < 4 || v.size() > 13 || v[v.size() - 3] != '.')
        return std::nullopt;
    qint64 value = 0;
    for (qsizetype i = 0; i < v.size(); ++i) {
        if (i == v.size() - 3)
            continue;
        if (!isDigit(v[i]))
            return std::nullopt;
        value = value * 10 + (v[i] - '0');
    }
    return value;
}

std::optional<domain::Money> storedMoney(QByteArrayView v)
{
    if (v.isNull())
        return std::nullopt;
    if (const auto cents = storedHundredths(v); cents && *cents <= domain::Money::maxCents)
        return domain::Money::fromCents(*cents);
    return domain::Money::parse(QString::fromUtf8(v));
}

std::optional<domain::Percent> storedPercent(QByteArrayView v)
{
    if (v.isNull())
        return std::nullopt;
    if (const auto hundredths = storedHundredths(v); hundredths && *hundredths <= 10000)
        return domain::Percent::fromHundredths(static_cast<int>(*hundredths));
    return domain::Percent::parse(QString::fromUtf8(v));
}

} // namespace agency::exporting::values
