// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "db/bulkload.h"
#include "db/connectionstring.h"
#include "spendreport.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QMap>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

namespace agency::spend {

// A report's lines as the spend import reads them, kept in two temporary tables of the import's connection instead
// of in memory (a year of a report is 100,000 lines): the lines as matched to their channels, then one row per
// channel and period (its lines added up), which the import walks page by page beside what is stored for it. The
// lines go in by db::BulkLoad (COPY on PostgreSQL).
// PostgreSQL drops the tables at the end of the transaction they are made in (a pooler may hand the next
// transaction another server session); on SQLite `drop()` does.
class SpendStaging {
public:
    // One channel's period in the file (its lines added up), and what is stored for the same channel and days.
    struct Period {
        QString channel;
        QString campaign;
        QDate start;
        QDate end;
        int line = 0; // the file's first line of it
        QString currency; // as the file says it; empty: not said
        qint64 cents = 0;
        Counts metrics;
        QString storedId; // empty: nothing stored for these days
        QString storedCurrency;
        qint64 storedCents = 0;
        QString storedMetrics; // JSON
        QDate overlapStart; // valid: a different period stored before overlaps this one
        QDate overlapEnd;
    };
    // What is stored for one channel in all: its spend and the sums of its counts (reach aside: not a sum).
    struct Totals {
        qint64 cents = 0;
        QMap<QString, double> metrics;
    };

    explicit SpendStaging(const QSqlDatabase& db);
    ~SpendStaging();

    bool create(QString* error);
    bool add(const SpendLine& line, const QString& channel, const QString& campaign, QString* error);
    // After the last line: the periods from the lines.
    bool addUp(QString* error);
    // The lines of a period whose currency is not its first line's: line, currency, first line, its currency.
    struct CurrencyClash {
        int line = 0;
        QString currency;
        int firstLine = 0;
        QString firstCurrency;
    };
    std::optional<QList<CurrencyClash>> currencyClashes(QString* error);
    // The currency each campaign of the file's periods has had its spend imported in before.
    std::optional<QHash<QString, QString>> storedCurrencies(QString* error);
    // `column` of each campaign of the file's periods, by id.
    std::optional<QHash<QString, QString>> campaignValues(const QString& column, QString* error);
    // The next periods in channel, then day order (at most `pageSize`); empty after the last.
    std::optional<QList<Period>> nextPage(int pageSize, QString* error);
    // What is stored now for each channel of the file's periods.
    std::optional<QHash<QString, Totals>> totals(QString* error);
    // What the live channels' stored periods of each campaign of the file's periods add up to, in cents.
    std::optional<QHash<QString, qint64>> campaignCents(QString* error);
    // Ends the loading of lines, if under way (PostgreSQL: the COPY, whose lines are not kept), before the rollback
    // (libpq would end it on the next statement too, but with an error of its own in the log).
    void stopLoading() { m_lines.reset(); }
    void drop();

private:
    QString metricOf(const QString& column, const QString& name) const;

    QSqlDatabase m_db;
    db::Dialect m_dialect;
    std::unique_ptr<db::BulkLoad> m_lines;
    std::optional<Period> m_last; // of the page before
    bool m_walking = false; // PostgreSQL: the walk's cursor is open
};

} // namespace agency::spend
