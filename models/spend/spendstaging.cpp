// SPDX-License-Identifier: GPL-3.0-or-later
#include "spendstaging.h"

#include "db/centssql.h"
#include "db/database.h"
#include "db/sqlerror.h"
#include "tables/tablespec.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace agency::spend {

namespace {
    struct Text {
        Q_DECLARE_TR_FUNCTIONS(SpendImport)
    };

    const QString linesTable = QStringLiteral("agency_spend_lines");
    const QString periodsTable = QStringLiteral("agency_spend_periods");
    const QString spendTable = QStringLiteral("agency_channel_spend");
    constexpr int countColumns = 6; // m0 … m5: Counts::names()

    QString countList(const QString& prefix, const QString& wrap = QStringLiteral("%1"))
    {
        QStringList columns;
        for (int i = 0; i < countColumns; ++i)
            columns << wrap.arg(prefix + u'm' + QString::number(i));
        return columns.join(QStringLiteral(", "));
    }

    std::optional<QSqlQuery> run(const QSqlDatabase& db, const QString& sql, const QString& context, QString* error)
    {
        QSqlQuery query(db);
        query.setForwardOnly(true);
        query.setNumericalPrecisionPolicy(QSql::HighPrecision);
        if (!query.exec(sql)) {
            *error = db::reportSqlError(context, query.lastError());
            return std::nullopt;
        }
        return query;
    }
}

SpendStaging::SpendStaging(const QSqlDatabase& db)
    : m_db(db)
    , m_dialect(db::dialectOf(m_db))
{
}

SpendStaging::~SpendStaging() = default;

QString SpendStaging::metricOf(const QString& column, const QString& name) const
{
    return m_dialect == db::Dialect::PostgreSQL
        ? QStringLiteral("CASE jsonb_typeof(%1 -> '%2') WHEN 'number' THEN (%1 ->> '%2')::float8 END").arg(column, name)
        : QStringLiteral("CASE WHEN json_type(%1, '$.%2') IN ('integer', 'real') THEN json_extract(%1, '$.%2') END")
              .arg(column, name);
}

bool SpendStaging::create(QString* error)
{
    const bool pg = m_dialect == db::Dialect::PostgreSQL;
    const QString id = pg ? QStringLiteral("uuid") : QStringLiteral("TEXT");
    const QString day = pg ? QStringLiteral("date") : QStringLiteral("TEXT");
    const QString count = pg ? QStringLiteral("double precision") : QStringLiteral("REAL");
    const QString ending = pg ? QStringLiteral(" ON COMMIT DROP") : QString();
    QStringList counts;
    for (int i = 0; i < countColumns; ++i)
        counts << QStringLiteral("m%1 %2").arg(i).arg(count);
    const QStringList statements {
        QStringLiteral("DROP TABLE IF EXISTS %1.%2")
            .arg(pg ? QStringLiteral("pg_temp") : QStringLiteral("temp"), linesTable),
        QStringLiteral("DROP TABLE IF EXISTS %1.%2")
            .arg(pg ? QStringLiteral("pg_temp") : QStringLiteral("temp"), periodsTable),
        QStringLiteral("CREATE TEMP TABLE %1 (line integer PRIMARY KEY, channel_id %2 NOT NULL, campaign_id %2 NOT "
                       "NULL, period_start %3 NOT NULL, period_end %3 NOT NULL, currency text NOT NULL, cents bigint "
                       "NOT NULL, %4)%5")
            .arg(linesTable, id, day, counts.join(QStringLiteral(", ")), ending),
        QStringLiteral("CREATE TEMP TABLE %1 (channel_id %2 NOT NULL, campaign_id %2 NOT NULL, period_start %3 NOT "
                       "NULL, period_end %3 NOT NULL, line integer NOT NULL, currency text NOT NULL, currencies "
                       "integer NOT NULL, cents bigint NOT NULL, %4, PRIMARY KEY (channel_id, period_start, "
                       "period_end))%5")
            .arg(periodsTable, id, day, counts.join(QStringLiteral(", ")), ending),
    };
    for (const QString& statement : statements) {
        if (!run(m_db, statement, Text::tr("Making room for the report's lines"), error))
            return false;
    }
    QStringList columns { QStringLiteral("line"), QStringLiteral("channel_id"), QStringLiteral("campaign_id"),
        QStringLiteral("period_start"), QStringLiteral("period_end"), QStringLiteral("currency"),
        QStringLiteral("cents") };
    columns += countList(QString()).split(QStringLiteral(", "));
    m_lines = std::make_unique<db::BulkLoad>(m_db, linesTable, columns);
    m_last.reset();
    m_walking = false;
    return true;
}

bool SpendStaging::add(const SpendLine& line, const QString& channel, const QString& campaign, QString* error)
{
    QVariantList row { line.line, channel, campaign, line.start.toString(Qt::ISODate), line.end.toString(Qt::ISODate),
        line.currency.isNull() ? QStringLiteral("") : line.currency, line.spend.cents() };
    for (int i = 0; i < countColumns; ++i)
        row << (line.metrics.has(i) ? QVariant(line.metrics.values[i]) : QVariant(QMetaType::fromType<double>()));
    if (m_lines->add(row))
        return true;
    *error = m_lines->lastError();
    return false;
}

bool SpendStaging::addUp(QString* error)
{
    if (!m_lines->finish()) {
        *error = m_lines->lastError();
        return false;
    }
    const bool added = bool(run(m_db,
        QStringLiteral("INSERT INTO %1 (channel_id, campaign_id, period_start, period_end, line, currency, currencies, "
                       "cents, %2) SELECT channel_id, campaign_id, period_start, period_end, min(line), min(currency), "
                       "count(DISTINCT currency), sum(cents), %3 FROM %4 GROUP BY channel_id, campaign_id, "
                       "period_start, period_end")
            .arg(periodsTable, countList(QString()), countList(QString(), QStringLiteral("sum(%1)")), linesTable),
        Text::tr("Adding up the report's lines by channel and period"), error));
    // PostgreSQL plans the walk by the table's statistics, which a temporary table has only when asked.
    return added
        && (m_dialect != db::Dialect::PostgreSQL
            || run(
                m_db, QStringLiteral("ANALYZE %1").arg(periodsTable), Text::tr("Adding up the report's lines"), error));
}

std::optional<QList<SpendStaging::CurrencyClash>> SpendStaging::currencyClashes(QString* error)
{
    auto any = run(m_db, QStringLiteral("SELECT 1 FROM %1 WHERE currencies > 1 LIMIT 1").arg(periodsTable),
        Text::tr("Reading the report's currencies"), error);
    if (!any)
        return std::nullopt;
    if (!any->next())
        return QList<CurrencyClash>();
    auto query = run(m_db,
        QStringLiteral("SELECT l.line, l.currency, p.line, f.currency FROM %1 p JOIN %2 l ON l.channel_id = "
                       "p.channel_id AND l.period_start = p.period_start AND l.period_end = p.period_end JOIN %2 f ON "
                       "f.line = p.line WHERE p.currencies > 1 AND l.currency <> f.currency ORDER BY l.line")
            .arg(periodsTable, linesTable),
        Text::tr("Reading the report's currencies"), error);
    if (!query)
        return std::nullopt;
    QList<CurrencyClash> clashes;
    while (query->next())
        clashes.append({ query->value(0).toInt(), query->value(1).toString(), query->value(2).toInt(),
            query->value(3).toString() });
    return clashes;
}

std::optional<QHash<QString, QString>> SpendStaging::storedCurrencies(QString* error)
{
    const tables::TableSpec& channels = tables::channelsSpec();
    const QString campaign = channels.referenceTo(tables::campaignsSpec().table);
    auto query = run(m_db,
        QStringLiteral("SELECT ch.%1, min(s.currency) FROM %2 s JOIN %3 ch ON ch.%4 = s.channel_id WHERE ch.%1 IN "
                       "(SELECT campaign_id FROM %5) GROUP BY ch.%1")
            .arg(campaign, spendTable, channels.table, tables::idColumn(), periodsTable),
        Text::tr("Reading the spend imported before"), error);
    if (!query)
        return std::nullopt;
    QHash<QString, QString> currencies;
    while (query->next())
        currencies.insert(query->value(0).toString(), query->value(1).toString());
    return currencies;
}

std::optional<QList<SpendStaging::Period>> SpendStaging::nextPage(int pageSize, QString* error)
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.setNumericalPrecisionPolicy(QSql::HighPrecision);
    // The stored period of the same days, if any; else the stored one that starts last on or before this one's end
    // (a channel's stored periods never overlap: if that one ends before this starts, none overlaps it), unless it
    // is one of the file's own periods (written by this import a page before: the file's overlaps are the caller's).
    const QString walk = QStringLiteral(
        "SELECT p.channel_id, p.campaign_id, p.period_start, p.period_end, p.line, p.currency, p.cents, %1, o.id, "
        "o.currency, %2, o.metrics, x.period_start, x.period_end FROM %3 p LEFT JOIN %4 o ON o.channel_id = "
        "p.channel_id AND o.period_start = p.period_start AND o.period_end = p.period_end LEFT JOIN %4 x ON o.id IS "
        "NULL AND x.channel_id = p.channel_id AND x.period_start = (SELECT max(y.period_start) FROM %4 y WHERE "
        "y.channel_id = p.channel_id AND y.period_start <= p.period_end) AND x.period_end >= p.period_start AND NOT "
        "EXISTS (SELECT 1 FROM %3 q WHERE q.channel_id = x.channel_id AND q.period_start = x.period_start AND "
        "q.period_end = x.period_end)")
                             .arg(countList(QStringLiteral("p.")), db::centsSql(m_dialect, QStringLiteral("o.spend")),
                                 periodsTable, spendTable);
    const QString order = QStringLiteral(" ORDER BY p.channel_id, p.period_start, p.period_end");
    bool ran = false;
    if (m_dialect == db::Dialect::PostgreSQL) {
        // One plan for the whole walk, in a cursor: it reads the tables as they were when it was opened, and the
        // rows written between two pages do not disturb it.
        if (!m_walking) {
            if (!run(m_db, QStringLiteral("DECLARE agency_spend_walk NO SCROLL CURSOR FOR ") + walk + order,
                    Text::tr("Reading the report's periods"), error))
                return std::nullopt;
            m_walking = true;
        }
        ran = query.exec(QStringLiteral("FETCH FORWARD %1 FROM agency_spend_walk").arg(pageSize));
    } else {
        // SQLite: by key, from the last period of the page before (a page is read whole before anything is written).
        query.prepare(walk
            + (m_last ? QStringLiteral(" WHERE (p.channel_id, p.period_start, p.period_end) > (?, ?, ?)") : QString())
            + order + QStringLiteral(" LIMIT %1").arg(pageSize));
        if (m_last) {
            query.addBindValue(m_last->channel);
            query.addBindValue(m_last->start.toString(Qt::ISODate));
            query.addBindValue(m_last->end.toString(Qt::ISODate));
        }
        ran = query.exec();
    }
    if (!ran) {
        *error = db::reportSqlError(Text::tr("Reading the report's periods"), query.lastError());
        return std::nullopt;
    }
    QList<Period> page;
    while (query.next()) {
        Period period;
        period.channel = query.value(0).toString();
        period.campaign = query.value(1).toString();
        period.start = query.value(2).toDate();
        period.end = query.value(3).toDate();
        period.line = query.value(4).toInt();
        period.currency = query.value(5).toString();
        period.cents = query.value(6).toLongLong();
        for (int i = 0; i < countColumns; ++i) {
            if (!query.isNull(7 + i))
                period.metrics.add(i, query.value(7 + i).toDouble());
        }
        constexpr int stored = 7 + countColumns;
        if (!query.isNull(stored)) {
            period.storedId = query.value(stored).toString();
            period.storedCurrency = query.value(stored + 1).toString();
            period.storedCents = query.value(stored + 2).toLongLong();
            period.storedMetrics = query.value(stored + 3).toString();
        }
        if (!query.isNull(stored + 4)) {
            period.overlapStart = query.value(stored + 4).toDate();
            period.overlapEnd = query.value(stored + 5).toDate();
        }
        page << period;
    }
    if (!page.isEmpty())
        m_last = page.constLast();
    return page;
}

std::optional<QHash<QString, SpendStaging::Totals>> SpendStaging::totals(QString* error)
{
    QStringList sums {
        QStringLiteral("CAST(sum(%1) AS bigint)").arg(db::centsSql(m_dialect, QStringLiteral("s.spend")))
    };
    QList<int> summed; // every count but reach: not a sum
    for (int i = 0; i < countColumns; ++i) {
        if (i == Counts::reach)
            continue;
        summed << i;
        sums << QStringLiteral("sum(%1)").arg(metricOf(QStringLiteral("s.metrics"), Counts::names().at(i)));
    }
    auto query = run(m_db,
        QStringLiteral("SELECT s.channel_id, %1 FROM %2 s WHERE s.channel_id IN (SELECT channel_id FROM %3) GROUP BY "
                       "s.channel_id")
            .arg(sums.join(QStringLiteral(", ")), spendTable, periodsTable),
        Text::tr("Adding up the channels' spend"), error);
    if (!query)
        return std::nullopt;
    QHash<QString, Totals> totals;
    while (query->next()) {
        Totals& channel = totals[query->value(0).toString()];
        channel.cents = query->value(1).toLongLong();
        for (int k = 0; k < summed.size(); ++k) {
            if (!query->isNull(2 + k))
                channel.metrics.insert(Counts::names().at(summed.at(k)), query->value(2 + k).toDouble());
        }
    }
    return totals;
}

std::optional<QHash<QString, qint64>> SpendStaging::campaignCents(QString* error)
{
    const tables::TableSpec& channels = tables::channelsSpec();
    const QString campaign = channels.referenceTo(tables::campaignsSpec().table);
    auto query = run(m_db,
        QStringLiteral("SELECT ch.%1, CAST(sum(%2) AS bigint) FROM %3 s JOIN %4 ch ON ch.%5 = s.channel_id WHERE "
                       "ch.%6 IS NULL AND ch.%1 IN (SELECT campaign_id FROM %7) GROUP BY ch.%1")
            .arg(campaign, db::centsSql(m_dialect, QStringLiteral("s.spend")), spendTable, channels.table,
                tables::idColumn(), tables::deletedColumn(), periodsTable),
        Text::tr("Adding up the campaigns' spend"), error);
    if (!query)
        return std::nullopt;
    QHash<QString, qint64> cents;
    while (query->next())
        cents.insert(query->value(0).toString(), query->value(1).toLongLong());
    return cents;
}

std::optional<QHash<QString, QString>> SpendStaging::campaignValues(const QString& column, QString* error)
{
    const tables::TableSpec& campaigns = tables::campaignsSpec();
    auto query = run(m_db,
        QStringLiteral("SELECT %1, %2 FROM %3 WHERE %1 IN (SELECT campaign_id FROM %4)")
            .arg(tables::idColumn(), column, campaigns.table, periodsTable),
        Text::tr("Reading the campaigns"), error);
    if (!query)
        return std::nullopt;
    QHash<QString, QString> values;
    while (query->next())
        values.insert(query->value(0).toString(), query->value(1).toString());
    return values;
}

void SpendStaging::drop()
{
    m_lines.reset();
    if (m_dialect != db::Dialect::SQLite)
        return; // dropped with the transaction
    QSqlQuery query(m_db);
    query.exec(QStringLiteral("DROP TABLE IF EXISTS temp.%1").arg(linesTable));
    query.exec(QStringLiteral("DROP TABLE IF EXISTS temp.%1").arg(periodsTable));
}

} // namespace agency::spend
