// SPDX-License-Identifier: GPL-3.0-or-later
#include "spendimport.h"

#include "db/bulkload.h"
#include "db/database.h"
#include "db/sqlerror.h"
#include "spendstaging.h"
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
    constexpr int pageSize = 2000; // periods walked at a time: what the import holds of the file

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

    // The lines go to temporary tables as they are read, not into memory, and the whole import, dry run too, is one
    // write transaction: it writes what it finds and rolls back when anything is refused or it is a dry run, so that
    // the dry run passes every check the real run does, the database's own included.
    SpendStaging staging(db);
    QSqlError error;
    if (!db::beginWrite(db, &error)) {
        report.problems.append({ 0, db::reportSqlError(Text::tr("Starting the import"), error) });
        return report;
    }
    const auto fail = [&](const QString& message) {
        if (!message.isEmpty())
            report.problems.append({ 0, message });
        staging.stopLoading(); // a COPY under way holds the connection: ended first
        db.rollback();
        staging.drop();
        return report;
    };
    QString why;
    if (!staging.create(&why))
        return fail(why);

    // Each line to its channel as it is read.
    const auto take = [&](const SpendLine& line) {
        const QList<Channel> candidates = byCampaign.value(line.campaign.trimmed());
        QList<Channel> found;
        for (const Channel& channel : candidates) {
            if (line.account.isEmpty() || channel.account == accountKey(line.account))
                found << channel;
        }
        QString reason;
        if (line.campaign.isEmpty())
            reason = Text::tr("the line names no campaign id");
        else if (found.isEmpty())
            reason = line.account.isEmpty()
                ? Text::tr("no channel has external campaign %1").arg(line.campaign)
                : Text::tr("no channel has external account %1 and campaign %2").arg(line.account, line.campaign);
        else if (found.size() > 1)
            reason = Text::tr("%1 channels have external campaign %2: give each its external account")
                         .arg(found.size())
                         .arg(line.campaign);
        if (!reason.isEmpty()) {
            if (++report.unmatchedLines <= SpendImportReport::unmatchedKept)
                report.unmatched.append({ line.line, line.account, line.campaign, line.campaignName, reason });
            return;
        }
        ++report.matched;
        if (why.isEmpty() && !staging.add(line, found.constFirst().id, found.constFirst().campaign, &why))
            report.problems.append({ 0, why });
    };
    QList<SpendProblem> unread;
    const auto read = readSpendReport(device, options.format, &unread, take, options.workbook);
    report.problems = unread + report.problems;
    if (!read || !report.ok())
        return fail({});
    report.platform = read->platform;
    report.lines = read->lines;
    const QString platform = platformCode(read->platform);
    if (!staging.addUp(&why))
        return fail(why);

    // The lines of one channel and period add up: they are in one currency.
    const auto clashes = staging.currencyClashes(&why);
    if (!clashes)
        return fail(why);
    for (const SpendStaging::CurrencyClash& clash : *clashes) {
        report.problems.append({ clash.line,
            Text::tr("this line is in %1, line %2 of the same campaign and days in %3")
                .arg(clash.currency, QString::number(clash.firstLine), clash.firstCurrency) });
    }
    if (!report.ok())
        return fail({});

    // Each campaign's currency: its metadata's, else the one its spend was imported in before.
    auto currencyOf = staging.storedCurrencies(&why);
    const auto metadata = staging.campaignValues(campaigns.namingColumn()->name, &why);
    if (!currencyOf || !metadata)
        return fail(why);
    for (auto it = metadata->cbegin(); it != metadata->cend(); ++it) {
        const QString currency = QJsonDocument::fromJson(it.value().toUtf8())
                                     .object()
                                     .value(QStringLiteral("currency"))
                                     .toString()
                                     .trimmed()
                                     .toUpper();
        if (!currency.isEmpty())
            currencyOf->insert(it.key(), currency);
    }
    const auto before = staging.totals(&why);
    if (!before)
        return fail(why);

    // Each period in the campaign's currency; then against what is stored: the same, changed, new, or overlapping.
    // Written as it is found, while nothing is refused.
    QMap<QString, ChannelChange> changes; // by channel id
    std::optional<SpendStaging::Period> previous;
    const QStringList spendColumns { tables::idColumn(), QStringLiteral("channel_id"), QStringLiteral("period_start"),
        QStringLiteral("period_end"), QStringLiteral("platform"), QStringLiteral("currency"), QStringLiteral("spend"),
        QStringLiteral("metrics") };
    QSqlQuery replace(db);
    replace.prepare(QStringLiteral("UPDATE %1 SET platform = ?, currency = ?, spend = ?, metrics = ? WHERE id = ?")
                        .arg(spendTable));
    QList<QVariantList> adds; // of one page, written after it
    QList<QVariantList> replaces;
    for (;;) {
        const auto page = staging.nextPage(pageSize, &why);
        if (!page)
            return fail(why);
        if (page->isEmpty())
            break;
        for (SpendStaging::Period period : *page) {
            const QString theirs = currencyOf->value(period.campaign);
            if (period.currency.isEmpty())
                period.currency = theirs;
            if (period.currency.isEmpty()) {
                report.problems.append({ period.line,
                    Text::tr("the report names no currency and its campaign has none yet: add the report's currency "
                             "column, or \"currency\": \"EUR\" to the campaign's metadata") });
                continue;
            }
            static const QRegularExpression code(QStringLiteral("^[A-Z]{3}$"));
            if (!code.match(period.currency).hasMatch()) {
                report.problems.append({ period.line,
                    Text::tr("\"%1\" is not a currency code (three letters, such as EUR)")
                        .arg(period.currency.left(20)) });
                continue;
            }
            domain::Money spend = domain::Money::fromCents(period.cents);
            const auto tooMuch = [&]() {
                if (spend.cents() <= domain::Money::maxCents)
                    return false;
                report.problems.append({ period.line,
                    Text::tr("the lines of %1 – %2 add up to %3, more than a spend holds (%4)")
                        .arg(period.start.toString(Qt::ISODate), period.end.toString(Qt::ISODate),
                            spend.toDecimalString(),
                            domain::Money::fromCents(domain::Money::maxCents).toDecimalString()) });
                return true;
            };
            if (tooMuch())
                continue;
            if (!theirs.isEmpty() && period.currency != theirs) {
                const QString rate = options.rates.value(period.currency);
                if (rate.isEmpty()) {
                    report.problems.append({ period.line,
                        Text::tr("the report is in %1, the campaign in %2: give the rate, e.g. --rate %1=RATE (1 %1 "
                                 "in %2)")
                            .arg(period.currency, theirs) });
                    continue;
                }
                spend = converted(spend, rate);
                period.currency = theirs;
                if (tooMuch())
                    continue;
            }
            currencyOf->insert(period.campaign, period.currency); // the first period says it for what follows
            ChannelChange& change = changes[period.channel];
            // The file's periods come by channel, then start: one overlapping the one before (a day inside a month).
            if (previous && previous->channel == period.channel && period.start <= previous->end) {
                report.problems.append({ period.line,
                    Text::tr("%1 – %2 overlaps %3 – %4 in the same file for this channel")
                        .arg(period.start.toString(Qt::ISODate), period.end.toString(Qt::ISODate),
                            previous->start.toString(Qt::ISODate), previous->end.toString(Qt::ISODate)) });
            }
            previous = period;
            if (period.storedId.isEmpty() && period.overlapStart.isValid()) {
                report.problems.append({ period.line,
                    Text::tr("%1 – %2 overlaps %3 – %4 imported before for this channel: import the same "
                             "periods again (a report by day matches any report by day)")
                        .arg(period.start.toString(Qt::ISODate), period.end.toString(Qt::ISODate),
                            period.overlapStart.toString(Qt::ISODate), period.overlapEnd.toString(Qt::ISODate)) });
            }
            const bool isNew = period.storedId.isEmpty();
            if (!isNew && period.storedCents == spend.cents() && metricsOf(period.storedMetrics) == period.metrics
                && period.storedCurrency == period.currency) {
                ++report.periodsUnchanged;
                continue;
            }
            ++(isNew ? report.periodsAdded : report.periodsChanged);
            ++(isNew ? change.periodsAdded : change.periodsChanged);
            if (!report.ok())
                continue; // nothing more is written: all of it is rolled back
            if (isNew)
                adds.append({ QUuid::createUuid().toString(QUuid::WithoutBraces), period.channel,
                    period.start.toString(Qt::ISODate), period.end.toString(Qt::ISODate), platform, period.currency,
                    spend.toDecimalString(), jsonOf(period.metrics) });
            else
                replaces.append(
                    { platform, period.currency, spend.toDecimalString(), jsonOf(period.metrics), period.storedId });
        }
        if (!adds.isEmpty()) {
            db::BulkLoad insert(db, spendTable, spendColumns);
            for (const QVariantList& row : std::as_const(adds)) {
                if (!insert.add(row))
                    return fail(insert.lastError());
            }
            if (!insert.finish())
                return fail(insert.lastError());
            adds.clear();
        }
        for (const QVariantList& row : std::as_const(replaces)) {
            for (const QVariant& value : row)
                replace.addBindValue(value);
            if (!replace.exec())
                return fail(db::reportSqlError(Text::tr("Replacing a period imported before"), replace.lastError()));
        }
        replaces.clear();
    }
    if (!report.ok())
        return fail({});

    // Each changed channel's totals before and after, from every period stored for it.
    const auto after = staging.totals(&why);
    if (!after)
        return fail(why);
    QSet<QString> spentCampaigns;
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        ChannelChange& change = it.value();
        if (change.periodsAdded + change.periodsChanged == 0)
            continue;
        change.channelId = it.key();
        change.campaignId = byId.value(it.key()).campaign;
        const SpendStaging::Totals was = before->value(it.key());
        const SpendStaging::Totals is = after->value(it.key());
        change.spentBefore = domain::Money::fromCents(was.cents);
        change.spentAfter = domain::Money::fromCents(is.cents);
        change.metricsBefore = was.metrics;
        change.metricsAfter = is.metrics;
        report.channels << change;

        // Its results take the sums of its counts; what else they held stays.
        QVariantMap performance = byId.value(change.channelId).performance;
        for (auto m = change.metricsAfter.cbegin(); m != change.metricsAfter.cend(); ++m)
            performance.insert(m.key(), m.value());
        if (performance != byId.value(change.channelId).performance
            && !run(db,
                QStringLiteral("UPDATE %1 SET %2 = ? WHERE %3 = ?")
                    .arg(channels.table, resultsColumn, tables::idColumn()),
                { jsonOf(performance), change.channelId }, Text::tr("Saving a channel's results"), &report.problems))
            return fail({});
        spentCampaigns.insert(change.campaignId);
    }

    // A campaign's spend: what all its live channels' periods add up to.
    const auto campaignCents = staging.campaignCents(&why);
    if (!campaignCents)
        return fail(why);
    for (const QString& campaign : std::as_const(spentCampaigns)) {
        const QString spent = domain::Money::fromCents(campaignCents->value(campaign)).toDecimalString();
        if (!run(db,
                QStringLiteral("UPDATE %1 SET %2 = ? WHERE %3 = ? AND (%2 IS NULL OR %2 <> ?)")
                    .arg(campaigns.table, spentColumn, tables::idColumn()),
                { spent, campaign, spent }, Text::tr("Saving a campaign's spend"), &report.problems))
            return fail({});
    }
    if (options.dryRun || report.channels.isEmpty()) {
        db.rollback();
        staging.drop();
        return report;
    }
    if (!db::commitWrite(db, &error))
        return fail(db::reportSqlError(Text::tr("Saving the import"), error));
    staging.drop();
    return report;
}

} // namespace agency::spend
