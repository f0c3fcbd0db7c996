// SPDX-License-Identifier: GPL-3.0-or-later
#include "reporttable.h"

#include "domain/money.h"
#include "export/csvwriter.h"

namespace agency::reports {

namespace {
    // "1234.50", "-0.05": hundredths with a dot.
    QByteArray decimal(qint64 hundredths)
    {
        const bool negative = hundredths < 0;
        const qint64 whole = (negative ? -hundredths : hundredths) / 100;
        const qint64 part = (negative ? -hundredths : hundredths) % 100;
        return (negative ? QByteArray("-") : QByteArray()) + QByteArray::number(whole) + '.'
            + QByteArray::number(part).rightJustified(2, '0');
    }

    QString localDecimal(qint64 hundredths, const QLocale& locale)
    {
        const bool negative = hundredths < 0;
        const qint64 whole = (negative ? -hundredths : hundredths) / 100;
        const qint64 part = (negative ? -hundredths : hundredths) % 100;
        return (negative ? locale.negativeSign() : QString()) + locale.toString(whole) + locale.decimalPoint()
            + QString::number(part).rightJustified(2, u'0');
    }
}

ReportCell ReportCell::text(const QString& text)
{
    ReportCell cell;
    cell.m_text = text;
    return cell;
}

ReportCell ReportCell::coded(const QString& code, const QString& label)
{
    ReportCell cell = text(code);
    cell.m_label = label;
    return cell;
}

ReportCell ReportCell::integer(std::optional<qint64> value)
{
    ReportCell cell;
    cell.m_kind = Kind::Integer;
    cell.m_number = value;
    return cell;
}

ReportCell ReportCell::money(std::optional<qint64> cents)
{
    ReportCell cell = integer(cents);
    cell.m_kind = Kind::Money;
    return cell;
}

ReportCell ReportCell::hours(std::optional<qint64> hundredths)
{
    ReportCell cell = integer(hundredths);
    cell.m_kind = Kind::Hours;
    return cell;
}

ReportCell ReportCell::percent(std::optional<qint64> hundredths)
{
    ReportCell cell = integer(hundredths);
    cell.m_kind = Kind::Percent;
    return cell;
}

ReportCell ReportCell::date(const QDate& date)
{
    ReportCell cell;
    cell.m_kind = Kind::Date;
    cell.m_text = date.isValid() ? date.toString(Qt::ISODate) : QString();
    return cell;
}

bool ReportCell::isNull() const
{
    return m_kind == Kind::Text || m_kind == Kind::Date ? m_text.isNull() : !m_number.has_value();
}

QByteArray ReportCell::csv() const
{
    if (isNull())
        return {};
    switch (m_kind) {
    case Kind::Text:
    case Kind::Date:
        return m_text.toUtf8();
    case Kind::Integer:
        return QByteArray::number(*m_number);
    case Kind::Money:
    case Kind::Hours:
    case Kind::Percent:
        return decimal(*m_number);
    }
    return {};
}

QString ReportCell::display(const QLocale& locale) const
{
    if (isNull())
        return {};
    switch (m_kind) {
    case Kind::Text:
        return m_label.isEmpty() ? m_text : m_label;
    case Kind::Date:
        return locale.toString(QDate::fromString(m_text, Qt::ISODate), QLocale::ShortFormat);
    case Kind::Integer:
        return locale.toString(*m_number);
    case Kind::Money:
        return domain::Money::fromCents(*m_number).toDisplayString(locale);
    case Kind::Hours:
        return localDecimal(*m_number, locale);
    case Kind::Percent:
        return localDecimal(*m_number, locale) + QStringLiteral(" %");
    }
    return {};
}

bool writeReportCsv(const ReportTable& table, QIODevice* out, QString* error)
{
    QList<bool> textColumns;
    for (int c = 0; c < table.columns.size(); ++c) {
        const bool text = !table.rows.isEmpty() && table.rows.constFirst().value(c).kind() == ReportCell::Kind::Text;
        textColumns << text;
    }
    exporting::CsvWriter csv(out, {}, textColumns);
    if (!csv.writeHeader(table.columns)) {
        *error = csv.errorString();
        return false;
    }
    for (const QList<ReportCell>& row : table.rows) {
        QList<QByteArray> texts;
        texts.reserve(row.size());
        for (const ReportCell& cell : row)
            texts << cell.csv();
        QList<QByteArrayView> fields;
        for (qsizetype c = 0; c < row.size(); ++c)
            fields << (row.at(c).isNull()
                    ? QByteArrayView()
                    : QByteArrayView(texts.at(c).isNull() ? "" : texts.at(c).constData(), texts.at(c).size()));
        if (!csv.writeRow(fields)) {
            *error = csv.errorString();
            return false;
        }
    }
    if (!csv.flush()) {
        *error = csv.errorString();
        return false;
    }
    return true;
}

bool execNarrowed(QSqlQuery& query, QString sql, const QString& column, const QString& id, const QString& order)
{
    if (!id.isEmpty())
        sql += QStringLiteral(" AND %1 = ?").arg(column);
    if (!order.isEmpty())
        sql += u' ' + order;
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return false;
    if (!id.isEmpty())
        query.addBindValue(id);
    return query.exec();
}

std::optional<qint64> storedCents(const QVariant& stored)
{
    if (stored.isNull())
        return std::nullopt;
    const auto money = domain::Money::parse(stored.toString());
    return money ? std::optional<qint64>(money->cents()) : std::nullopt;
}

qint64 hundredthsOfHours(qint64 seconds)
{
    return (seconds * 100 * 2 + 3600) / qint64(3600 * 2);
}

} // namespace agency::reports
