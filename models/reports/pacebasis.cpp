// SPDX-License-Identifier: GPL-3.0-or-later
#include "pacebasis.h"

#include "db/centssql.h"
#include "db/database.h"
#include "db/sqlerror.h"
#include "tables/tablespec.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace agency::reports {

namespace {
    struct Text {
        Q_DECLARE_TR_FUNCTIONS(PacingReport)
    };

    constexpr qsizetype idsPerStatement = 500; // well under SQLite's limit of bound values

    // The spend of one channel up to a day, in cents, added up exactly.
    QString spentCents(db::Dialect dialect, const QString& channel)
    {
        return QStringLiteral(
            "(SELECT sum(%1) FROM agency_channel_spend s WHERE s.channel_id = %2 AND s.period_end <= ?)")
            .arg(db::centsSql(dialect, QStringLiteral("s.spend")), channel);
    }
}

std::optional<QHash<QString, PaceBasis>> readPaceBases(
    const QSqlDatabase& db, const QStringList& channelIds, const QDate& asOf, QString* error)
{
    const tables::TableSpec& channels = tables::channelsSpec();
    const tables::TableSpec& campaigns = tables::campaignsSpec();
    const QString id = tables::idColumn();
    const QString select = QStringLiteral(
        "SELECT ch.%1, c.%2, c.%3, c.%4, %5, c.%1 FROM %6 ch JOIN %7 c ON c.%1 = ch.%8 WHERE ch.%1 IN (%9)");
    QHash<QString, PaceBasis> bases;
    for (qsizetype from = 0; from < channelIds.size(); from += idsPerStatement) {
        const QStringList ids = channelIds.mid(from, idsPerStatement);
        QStringList marks(ids.size(), QStringLiteral("?"));
        QSqlQuery query(db);
        query.setForwardOnly(true);
        query.setNumericalPrecisionPolicy(QSql::HighPrecision);
        query.prepare(select.arg(id, campaigns.columnFor(tables::ColumnRole::Allocated), campaigns.startColumn,
            campaigns.endColumn, spentCents(db::dialectOf(db), QStringLiteral("ch.") + id), channels.table,
            campaigns.table, channels.referenceTo(campaigns.table), marks.join(QStringLiteral(", "))));
        query.addBindValue(asOf.toString(Qt::ISODate));
        for (const QString& channel : ids)
            query.addBindValue(channel);
        if (!query.exec()) {
            *error = db::reportSqlError(Text::tr("Reading the channels' pace"), query.lastError());
            return std::nullopt;
        }
        while (query.next()) {
            PaceBasis basis;
            if (!query.value(1).isNull())
                basis.allocated = domain::Money::parse(query.value(1).toString());
            basis.start = query.value(2).toDate();
            basis.end = query.value(3).toDate();
            if (!query.value(4).isNull())
                basis.spent = domain::Money::fromCents(query.value(4).toLongLong());
            basis.campaignId = query.value(5).toString();
            bases.insert(query.value(0).toString(), basis);
        }
    }
    return bases;
}

} // namespace agency::reports
