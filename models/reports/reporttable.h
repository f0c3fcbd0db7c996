// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDate>
#include <QIODevice>
#include <QList>
#include <QLocale>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <optional>

namespace agency::reports {

// One figure of a desk report (progress, SLA, retainer, contracts), kept exact: whole numbers, money in cents, hours
// and percentages in hundredths. A figure that is not known is null, never zero. Written to CSV as the rest of our
// files write figures (a dot, two decimals, NULL empty) and to people in their locale.
class ReportCell {
public:
    enum class Kind { Text, Integer, Money, Hours, Percent, Date };

    static ReportCell text(const QString& text);
    // A code files keep ("ending_30") that people read as `label` ("ends in 20 days").
    static ReportCell coded(const QString& code, const QString& label);
    static ReportCell integer(std::optional<qint64> value);
    static ReportCell money(std::optional<qint64> cents);
    static ReportCell hours(std::optional<qint64> hundredths);
    static ReportCell percent(std::optional<qint64> hundredths);
    static ReportCell date(const QDate& date);

    Kind kind() const { return m_kind; }
    bool isNull() const;
    std::optional<qint64> number() const { return m_number; }
    QString textValue() const { return m_text; }
    QByteArray csv() const; // "1234.50", "2.50", "40.00", "2026-12-01", "7"; empty when null
    QString display(const QLocale& locale = QLocale()) const; // "1,234.50", "2.50 h", "40.00 %"

private:
    Kind m_kind = Kind::Text;
    std::optional<qint64> m_number;
    QString m_text;
    QString m_label;
};

// A desk report as rows of cells under named columns (the CSV header, a contract), with a title and the notes that
// say what could not be read (a Plane version without a table, an SQLite file without Plane).
struct ReportTable {
    QString title;
    QString subtitle; // the month, the filter
    QStringList columns; // as the CSV header names them
    QStringList labels; // as people read them (translated), one per column
    QList<QList<ReportCell>> rows;
    QStringList notes;
};

// Writes the header and the rows as CSV (our rules: CRLF, NULL empty, text quoted where needed, no formula guard on
// figures); false with `error` when the device refuses.
bool writeReportCsv(const ReportTable& table, QIODevice* out, QString* error);

// Runs `sql` (a SELECT ending in its WHERE clause), narrowed to `column` = `id` when `id` is given: what the reports'
// --client asks for. False when the database refuses (query.lastError() says why).
// `order`: an ORDER BY clause after it, or empty.
bool execNarrowed(QSqlQuery& query, QString sql, const QString& column, const QString& id, const QString& order = {});

// A money column as stored ('1234.50'), in cents; none for NULL (or what is not money).
std::optional<qint64> storedCents(const QVariant& stored);

// Half up, in hundredths: 20 minutes are 0.33 hours, 30 seconds over a whole hour round to it.
qint64 hundredthsOfHours(qint64 seconds);

} // namespace agency::reports
