// SPDX-License-Identifier: GPL-3.0-or-later
#include "spendimport.h"

#include "db/database.h"
#include "db/sqlerror.h"
#include "demo/batchinsert.h"
#include "tables/tablespec.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace agency::spend {

namespace {
    struct Text {
        Q_DECLARE_TR_FUNCTIONS(SpendImport)
    };

    const QString spendTable = QStringLiteral("agency_channel_spend");

    QString accountKey(const QString& account)
    {
        return QString(account).remove(u'-').remove(u' ').trimmed().toCaseFolded();
    }

    struct Channel {
        QString id;
        QString campaign;
        QString account; // accountKey()
        QVariantMap performance;
    };

    // One channel's figures for one period, as the file gives them (its lines added up) or as stored.
    struct Period {
        QString id; // stored: its row
        QString channel;
        QDate start;
        QDate end;
        int line = 0; // the file's first line of it
        QString currency;
        domain::Money spend;
        Counts metrics;
        QString platform;
    };

    Counts metricsOf(const QVariant& json)
    {
        QMap<QString, double> metrics;
        const QJsonObject object = QJsonDocument::fromJson(json.toString().toUtf8()).object();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.value().isDouble())
                metrics.insert(it.key(), it.value().toDouble());
        }
        return Counts::fromMap(metrics);
    }

    QString jsonOf(const Counts& counts)
    {
        QJsonObject object;
        const QMap<QString, double> metrics = counts.toMap();
        for (auto it = metrics.cbegin(); it != metrics.cend(); ++it)
            object.insert(it.key(), it.value());
        return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
    }

    // The sums a channel's performance_data takes: every count but reach.
    void addSums(const Counts& counts, QMap<QString, double>* sums)
    {
        for (int i = 0; i < int(counts.values.size()); ++i) {
            if (i != Counts::reach && counts.has(i))
                (*sums)[Counts::names().at(i)] += counts.values[i];
        }
    }

    QString jsonOf(const QVariantMap& map)
    {
        return QString::fromUtf8(QJsonDocument(QJsonObject::fromVariantMap(map)).toJson(QJsonDocument::Compact));
    }

    // `money` × `rate` (decimal text: at most six digits, then six places), rounded half up to the cent; amounts are
    // never negative here. Whole and fraction apart, neither product passes 2^63 (10^12 cents × 10^6).
    domain::Money converted(domain::Money money, const QString& rate)
    {
        const qsizetype dot = rate.indexOf(u'.');
        const qint64 whole = (dot < 0 ? rate : rate.left(dot)).toLongLong();
        const qint64 micro
            = (dot < 0 ? QStringLiteral("000000") : (rate.mid(dot + 1) + QStringLiteral("000000")).left(6))
                  .toLongLong();
        return domain::Money::fromCents(money.cents() * whole + (money.cents() * micro + 500'000) / 1'000'000);
    }

    std::optional<QSqlQuery> run(QSqlDatabase db, const QString& sql, const QVariantList& values,
        const QString& context, QList<SpendProblem>* problems)
    {
        QSqlQuery query(db);
        query.setForwardOnly(true);
        query.setNumericalPrecisionPolicy(QSql::HighPrecision);
        query.prepare(sql);
        for (const QVariant& value : values)
            query.addBindValue(value);
        if (!query.exec()) {
            problems->append({ 0, db::reportSqlError(context, query.lastError()) });
            return std::nullopt;
        }
        return query;
    }

    QString placeholders(qsizetype count)
    {
        QStringList marks;
        for (qsizetype i = 0; i < count; ++i)
            marks << QStringLiteral("?");
        return marks.join(QStringLiteral(", "));
    }

    QVariantList asVariants(const QStringList& list)
    {
        QVariantList values;
        for (const QString& item : list)
            values << item;
        return values;
    }
}

bool parseRate(const QString& text, QHash<QString, QString>* rates, QString* error)
{
    static const QRegularExpression form(QStringLiteral("^([A-Za-z]{3})=(\\d{1,6}(?:\\.\\d{1,6})?)$"));
    const auto match = form.match(text.trimmed());
    if (!match.hasMatch() || QString(match.captured(2)).remove(u'.').remove(u'0').isEmpty()) {
        *error = Text::tr("--rate takes CUR=RATE, such as USD=0.92 (1 USD is 0.92 of the campaign's currency), not "
                          "'%1'")
                     .arg(text.left(40));
        return false;
    }
    rates->insert(match.captured(1).toUpper(), match.captured(2));
    return true;
}

SpendImportReport importSpend(QSqlDatabase db, QIODevice* device, const SpendImportOptions& options)
{
    SpendImportReport report;
    const tables::TableSpec& channels = tables::channelsSpec();
    const tables::TableSpec& campaigns = tables::campaignsSpec();
    const QString campaignColumn = channels.referenceTo(campaigns.table);
    const QString accountColumn = channels.columnFor(tables::ColumnRole::ExternalAccount);
    const QString externalColumn = channels.columnFor(tables::ColumnRole::ExternalCampaign);
    const QString resultsColumn = channels.columnFor(tables::ColumnRole::Results);
    const QString spentColumn = campaigns.columnFor(tables::ColumnRole::Spent);

    // The live channels that name a campaign at a platform, by that campaign's id.
    QHash<QString, QList<Channel>> byCampaign;
    QHash<QString, Channel> byId;
    {
        auto query = run(db,
            QStringLiteral("SELECT %1, %2, %3, %4, %5 FROM %6 WHERE %7 IS NULL AND %4 IS NOT NULL")
                .arg(tables::idColumn(), campaignColumn, accountColumn, externalColumn, resultsColumn, channels.table,
                    tables::deletedColumn()),
            {}, Text::tr("Reading the channels"), &report.problems);
        if (!query)
            return report;
        while (query->next()) {
            const Channel channel { query->value(0).toString(), query->value(1).toString(),
                accountKey(query->value(2).toString()),
                QJsonDocument::fromJson(query->value(4).toString().toUtf8()).object().toVariantMap() };
            byCampaign[query->value(3).toString().trimmed()] << channel;
            byId.insert(channel.id, channel);
        }
    }

    // Each line to its channel as it is read; one channel's lines of one period added up.
    QMap<std::tuple<QString, QDate, QDate>, Period> fromFile;
    const auto take = [&](const SpendLine& line) {
        const QList<Channel> candidates = byCampaign.value(line.campaign.trimmed());
        QList<Channel> found;
        for (const Channel& channel : candidates) {
            if (line.account.isEmpty() || channel.account == accountKey(line.account))
                found << channel;
        }
        QString why;
        if (line.campaign.isEmpty())
            why = Text::tr("the line names no campaign id");
        else if (found.isEmpty())
            why = line.account.isEmpty()
                ? Text::tr("no channel has external campaign %1").arg(line.campaign)
                : Text::tr("no channel has external account %1 and campaign %2").arg(line.account, line.campaign);
        else if (found.size() > 1)
            why = Text::tr("%1 channels have external campaign %2: give each its external account")
                      .arg(found.size())
                      .arg(line.campaign);
        if (!why.isEmpty()) {
            report.unmatched.append({ line.line, line.account, line.campaign, line.campaignName, why });
            return;
        }
        ++report.matched;
        Period& period = fromFile[{ found.constFirst().id, line.start, line.end }];
        if (period.channel.isEmpty()) {
            period.channel = found.constFirst().id;
            period.start = line.start;
            period.end = line.end;
            period.line = line.line;
            period.currency = line.currency;
        } else if (period.currency != line.currency) {
            report.problems.append({ line.line,
                Text::tr("this line is in %1, line %2 of the same campaign and days in %3")
                    .arg(line.currency, QString::number(period.line), period.currency) });
            return;
        }
        period.spend += line.spend;
        period.metrics += line.metrics;
    };
    QList<SpendProblem> unread;
    const auto read = readSpendReport(device, options.format, &unread, take);
    report.problems = unread + report.problems;
    if (!read || !report.ok())
        return report;
    report.platform = read->platform;
    report.lines = read->lines;
    if (fromFile.isEmpty())
        return report;
    for (Period& period : fromFile)
        period.platform = platformCode(read->platform);

    // What is stored for these channels, and the campaigns' currencies.
    QSet<QString> touched;
    QSet<QString> touchedCampaigns;
    for (const Period& period : std::as_const(fromFile)) {
        touched.insert(period.channel);
        touchedCampaigns.insert(byId.value(period.channel).campaign);
    }
    // By channel, then period: what is stored for it.
    QHash<QString, QHash<std::pair<QDate, QDate>, Period>> storedByPeriod;
    QHash<QString, QString> currencyOf; // by campaign
    const QStringList channelIds(touched.cbegin(), touched.cend());
    const QStringList campaignIds(touchedCampaigns.cbegin(), touchedCampaigns.cend());
    {
        auto query = run(db,
            QStringLiteral("SELECT id, channel_id, period_start, period_end, currency, spend, metrics, platform FROM "
                           "%1 WHERE channel_id IN (SELECT %2 FROM %3 WHERE %4 IN (%5))")
                .arg(spendTable, tables::idColumn(), channels.table, campaignColumn, placeholders(campaignIds.size())),
            asVariants(campaignIds), Text::tr("Reading the spend imported before"), &report.problems);
        if (!query)
            return report;
        while (query->next()) {
            Period period { query->value(0).toString(), query->value(1).toString(), query->value(2).toDate(),
                query->value(3).toDate(), 0, query->value(4).toString(),
                domain::Money::parse(query->value(5).toString()).value_or(domain::Money()), metricsOf(query->value(6)),
                query->value(7).toString() };
            currencyOf.insert(byId.value(period.channel).campaign, period.currency);
            storedByPeriod[period.channel].insert({ period.start, period.end }, period);
        }
        auto named = run(db,
            QStringLiteral("SELECT %1, %2 FROM %3 WHERE %1 IN (%4)")
                .arg(tables::idColumn(), campaigns.namingColumn()->name, campaigns.table,
                    placeholders(campaignIds.size())),
            asVariants(campaignIds), Text::tr("Reading the campaigns"), &report.problems);
        if (!named)
            return report;
        while (named->next()) { // the campaign's own, in its metadata, comes first
            const QString currency = QJsonDocument::fromJson(named->value(1).toString().toUtf8())
                                         .object()
                                         .value(QStringLiteral("currency"))
                                         .toString()
                                         .trimmed()
                                         .toUpper();
            if (!currency.isEmpty())
                currencyOf.insert(named->value(0).toString(), currency);
        }
    }

    // Each period in the campaign's currency; then against what is stored: the same, changed, new, or overlapping.
    QHash<QString, ChannelChange> changes;
    std::optional<Period> previous;
    QList<Period> toAdd;
    QList<Period> toReplace;
    for (Period period : std::as_const(fromFile)) {
        const QString campaign = byId.value(period.channel).campaign;
        const QString theirs = currencyOf.value(campaign);
        if (period.currency.isEmpty())
            period.currency = theirs;
        if (period.currency.isEmpty()) {
            report.problems.append({ period.line,
                Text::tr("the report names no currency and its campaign has none yet: add the report's currency "
                         "column, or \"currency\": \"EUR\" to the campaign's metadata") });
            continue;
        }
        if (!theirs.isEmpty() && period.currency != theirs) {
            const QString rate = options.rates.value(period.currency);
            if (rate.isEmpty()) {
                report.problems.append({ period.line,
                    Text::tr("the report is in %1, the campaign in %2: give the rate, e.g. --rate %1=RATE (1 %1 in "
                             "%2)")
                        .arg(period.currency, theirs) });
                continue;
            }
            period.spend = converted(period.spend, rate);
            period.currency = theirs;
        }
        currencyOf.insert(campaign, period.currency); // the first import says it for what follows
        ChannelChange& change = changes[period.channel];
        // The file's periods come by channel, then start: one overlapping the one before (a day inside a month).
        if (previous && previous->channel == period.channel && period.start <= previous->end) {
            report.problems.append({ period.line,
                Text::tr("%1 – %2 overlaps %3 – %4 in the same file for this channel")
                    .arg(period.start.toString(Qt::ISODate), period.end.toString(Qt::ISODate),
                        previous->start.toString(Qt::ISODate), previous->end.toString(Qt::ISODate)) });
        }
        previous = period;
        const QHash<std::pair<QDate, QDate>, Period>& olds = storedByPeriod[period.channel];
        const auto same = olds.constFind({ period.start, period.end });
        if (same == olds.cend()) { // a new period: none stored may overlap it
            for (const Period& old : olds) {
                if (old.start <= period.end && period.start <= old.end) {
                    report.problems.append({ period.line,
                        Text::tr("%1 – %2 overlaps %3 – %4 imported before for this channel: import the same "
                                 "periods again (a report by day matches any report by day)")
                            .arg(period.start.toString(Qt::ISODate), period.end.toString(Qt::ISODate),
                                old.start.toString(Qt::ISODate), old.end.toString(Qt::ISODate)) });
                    break;
                }
            }
        }
        if (same == olds.cend()) {
            ++report.periodsAdded;
            ++change.periodsAdded;
            toAdd << period;
        } else if (same->spend != period.spend || same->metrics != period.metrics
            || same->currency != period.currency) {
            ++report.periodsChanged;
            ++change.periodsChanged;
            period.id = same->id;
            toReplace << period;
        } else {
            ++report.periodsUnchanged;
        }
    }
    if (!report.ok())
        return report;

    // Each channel's totals before and after, from every period of it (the file's periods by channel: no list of
    // every period walked per channel).
    QHash<QString, QList<const Period*>> added;
    QHash<QString, QHash<std::pair<QDate, QDate>, const Period*>> replaced;
    for (const Period& period : std::as_const(toAdd))
        added[period.channel] << &period;
    for (const Period& period : std::as_const(toReplace))
        replaced[period.channel].insert({ period.start, period.end }, &period);
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        ChannelChange& change = it.value();
        change.channelId = it.key();
        change.campaignId = byId.value(it.key()).campaign;
        if (change.periodsAdded + change.periodsChanged == 0)
            continue;
        const QHash<std::pair<QDate, QDate>, const Period*> instead = replaced.value(it.key());
        for (const Period& old : storedByPeriod.value(it.key())) {
            change.spentBefore += old.spend;
            addSums(old.metrics, &change.metricsBefore);
            const Period* now = instead.value({ old.start, old.end }, &old);
            change.spentAfter += now->spend;
            addSums(now->metrics, &change.metricsAfter);
        }
        for (const Period* period : added.value(it.key())) {
            change.spentAfter += period->spend;
            addSums(period->metrics, &change.metricsAfter);
        }
        report.channels << change;
    }
    std::sort(report.channels.begin(), report.channels.end(),
        [](const ChannelChange& a, const ChannelChange& b) { return a.channelId < b.channelId; });
    if (options.dryRun || report.channels.isEmpty())
        return report;

    // Written in one transaction: the periods, each channel's counts, each campaign's spend.
    QSqlError error;
    if (!db::beginWrite(db, &error)) {
        report.problems.append({ 0, db::reportSqlError(Text::tr("Starting the import"), error) });
        return report;
    }
    const auto fail = [&](const QString& message) {
        report.problems.append({ 0, message });
        db.rollback();
        return report;
    };
    demo::BatchInsert insert(db, spendTable,
        { tables::idColumn(), QStringLiteral("channel_id"), QStringLiteral("period_start"),
            QStringLiteral("period_end"), QStringLiteral("platform"), QStringLiteral("currency"),
            QStringLiteral("spend"), QStringLiteral("metrics") });
    for (const Period& period : std::as_const(toAdd)) {
        if (!insert.add({ QUuid::createUuid().toString(QUuid::WithoutBraces), period.channel,
                period.start.toString(Qt::ISODate), period.end.toString(Qt::ISODate), period.platform, period.currency,
                period.spend.toDecimalString(), jsonOf(period.metrics) }))
            return fail(insert.lastError());
    }
    if (!insert.flush())
        return fail(insert.lastError());
    for (const Period& period : std::as_const(toReplace)) {
        if (!run(db,
                QStringLiteral("UPDATE %1 SET platform = ?, currency = ?, spend = ?, metrics = ? WHERE id = ?")
                    .arg(spendTable),
                { period.platform, period.currency, period.spend.toDecimalString(), jsonOf(period.metrics), period.id },
                Text::tr("Replacing a period imported before"), &report.problems))
            return fail(report.problems.takeLast().message);
    }
    QHash<QString, domain::Money> campaignSpend;
    for (const ChannelChange& change : std::as_const(report.channels)) {
        QVariantMap performance = byId.value(change.channelId).performance;
        for (auto m = change.metricsAfter.cbegin(); m != change.metricsAfter.cend(); ++m)
            performance.insert(m.key(), m.value());
        if (performance != byId.value(change.channelId).performance
            && !run(db,
                QStringLiteral("UPDATE %1 SET %2 = ? WHERE %3 = ?")
                    .arg(channels.table, resultsColumn, tables::idColumn()),
                { jsonOf(performance), change.channelId }, Text::tr("Saving a channel's results"), &report.problems))
            return fail(report.problems.takeLast().message);
        campaignSpend.insert(change.campaignId, {});
    }
    // A campaign's spend: what all its live channels' periods add up to.
    const QStringList spentCampaigns(campaignSpend.keyBegin(), campaignSpend.keyEnd());
    auto sums = run(db,
        QStringLiteral("SELECT ch.%1, s.spend FROM %2 s JOIN %3 ch ON ch.%4 = s.channel_id WHERE ch.%5 IS NULL AND "
                       "ch.%1 IN (%6)")
            .arg(campaignColumn, spendTable, channels.table, tables::idColumn(), tables::deletedColumn(),
                placeholders(spentCampaigns.size())),
        asVariants(spentCampaigns), Text::tr("Adding up the campaigns' spend"), &report.problems);
    if (!sums)
        return fail(report.problems.takeLast().message);
    while (sums->next())
        campaignSpend[sums->value(0).toString()]
            += domain::Money::parse(sums->value(1).toString()).value_or(domain::Money());
    for (auto it = campaignSpend.cbegin(); it != campaignSpend.cend(); ++it) {
        if (!run(db,
                QStringLiteral("UPDATE %1 SET %2 = ? WHERE %3 = ? AND (%2 IS NULL OR %2 <> ?)")
                    .arg(campaigns.table, spentColumn, tables::idColumn()),
                { it.value().toDecimalString(), it.key(), it.value().toDecimalString() },
                Text::tr("Saving a campaign's spend"), &report.problems))
            return fail(report.problems.takeLast().message);
    }
    if (!db::commitWrite(db, &error))
        return fail(db::reportSqlError(Text::tr("Saving the import"), error));
    return report;
}

} // namespace agency::spend
