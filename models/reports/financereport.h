// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/money.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <optional>

namespace agency::reports {

using domain::Money;

// What finance is looking at. Empty means "all".
struct ReportFilter {
    QStringList statuses;
    QString clientId;
    QString campaignType;
    QDate startFrom; // campaigns starting on or after
    QDate startTo; // … and on or before
};

// Warning thresholds, as shares of a campaign's budget in hundredths of a percent (8000 = 80 %): a live campaign
// that has spent `warnAt` of its budget is flagged as a warning; any campaign past `limitAt` as over its limit (at
// 100 %: overspent).
struct Thresholds {
    int warnAt = 8000;
    int limitAt = 10000;
    static constexpr int highest = 100000; // 1,000 %
    // nullopt with `error` naming the threshold when it is out of range (1 %–1,000 %, warning not above the limit).
    static std::optional<Thresholds> make(int warnAt, int limitAt, QString* error);
};

// Why a campaign is on the attention list, in ascending severity.
enum class Attention { None, OffPace, WillOverspend, Warning, OverLimit };

// A total of campaigns. NULL is no figure, never 0: each sum is over the campaigns that have the figure, and the ones
// that do not are counted beside it. Remaining and burn are over the campaigns that have both.
struct BudgetTotals {
    QString key; // client id, or campaign type
    QString label; // client name, or campaign type
    Money allocated; // over the campaigns with a budget
    Money spent; // over the campaigns with a spent figure
    Money overspend; // the sum of (spent − allocated) over its overspent campaigns
    int campaigns = 0;
    int overspentCampaigns = 0;
    int withoutBudget = 0; // budget_allocated is NULL
    int withoutSpent = 0; // budget_spent is NULL
    Money pairedAllocated; // allocated and spent over the campaigns that have both
    Money pairedSpent;
    int paired = 0; // how many campaigns have both
    bool inactiveClient = false; // a client whose is_active is false (its campaigns count, marked)
    // The figures as a person reads them: none (nullopt, shown "—", an empty CSV field) where there are campaigns and
    // not one has the figure, for a sum over nothing is no figure, not 0.00; with no campaign at all, 0.00.
    std::optional<Money> allocatedFigure() const;
    std::optional<Money> spentFigure() const;
    // Allocated − spent over the campaigns that have both (negative when overspent overall); none when none has both.
    std::optional<Money> remaining() const;
    // Spent as a share of allocated, over the campaigns with both, in hundredths of a percent; nullopt when none
    // of them has a budget above 0.
    std::optional<qint64> burnShare() const;
    // The sum of `parts` (the headline figures of a filter: the sum of its clients' totals).
    static BudgetTotals sum(const QList<BudgetTotals>& parts);
};

struct CampaignLine {
    QString id;
    QString label;
    QString clientName;
    QString campaignType;
    QString status;
    bool inactiveClient = false;
    std::optional<Money> allocated;
    std::optional<Money> spent;
    QDate start;
    QDate end;
    bool overspent() const { return allocated && spent && *spent > *allocated; }
    // Share of the budget spent and of the dates elapsed, in hundredths of a percent; nullopt when unknown.
    std::optional<int> spentShare() const;
    std::optional<int> elapsedShare(const QDate& asOf) const;
    // Off pace: an active campaign whose spend runs more than 15 points ahead of, or 25 behind, its calendar.
    bool offPace(const QDate& asOf) const;
    // The forecast of an active campaign that has begun and has both dates and a spent figure: its spend at the end
    // date at the pace so far (spent ÷ days gone × days in all, to the cent, half up); after the end, what it spent.
    std::optional<Money> projectedSpend(const QDate& asOf) const;
    // The day its budget runs out at that pace (the past, for one already spent); nullopt when the budget lasts to
    // the end date, or nothing is known to say.
    std::optional<QDate> runsOutOn(const QDate& asOf) const;
    // The most severe reason to look at it (Attention::None: none).
    Attention attention(const QDate& asOf, const Thresholds& thresholds = {}) const;
    // How far past its reason it is, to rank campaigns of one reason: the cents over the limit; the share spent;
    // the cents it is projected to overspend by; the points it is off pace by.
    qint64 attentionWeight(const QDate& asOf, const Thresholds& thresholds = {}) const;
    // That reason in words, with its figures ("OVERSPENT by 2,000.50", "85.00 % of the budget spent: warning at
    // 80 %", "will spend 12,000.00 of 10,000.00 by 2026-12-31 at this pace; runs out on 2026-10-02", "spent 50.61 %
    // of the budget in 34.24 % of its time").
    // For a file (`forFile`): amounts, shares and dates as files write them (1234.50, 50.61 %, 2026-12-31), the same
    // whatever the locale of the desktop that wrote it.
    QString attentionText(const QDate& asOf, const Thresholds& thresholds = {}, bool forFile = false) const;
};

struct TierRetainer {
    QString tierId;
    QString tierName;
    std::optional<Money> monthlyRetainer;
    int activeClients = 0;
    Money value() const; // monthly retainer × active clients
};

struct SplitSlice {
    QString channelId;
    QString label;
    std::optional<Money> amount; // effective amount
    bool active = true;
};

struct CampaignSplit {
    QString campaignId;
    QString label;
    std::optional<Money> allocated;
    QList<SplitSlice> slices; // live channels, active and not
    Money activeTotal;
    std::optional<Money> unallocated;
    Money overAllocation;
};

struct KpiLine {
    QString metric;
    std::optional<double> target;
    std::optional<double> actual;
    std::optional<double> attainment; // 1.0 = on target; lower-is-better metrics inverted
    bool lowerIsBetter = false;
};

// Aggregates for the charts and the finance review, computed in SQL on the server (GROUP BY, exact integer cents on
// both dialects) and returned as plain structs. Deleted rows never count.
class FinanceReport {
public:
    explicit FinanceReport(QSqlDatabase db);

    struct ClientAndTypeTotals {
        QList<BudgetTotals> clients; // by client name (then id)
        QList<BudgetTotals> types; // by campaign type
    };
    // Both from one read of the campaigns (the dashboard and the review need both).
    std::optional<ClientAndTypeTotals> byClientAndType(const ReportFilter& filter = {});
    std::optional<QList<BudgetTotals>> byClient(const ReportFilter& filter = {});
    std::optional<QList<BudgetTotals>> byCampaignType(const ReportFilter& filter = {});
    std::optional<QList<CampaignLine>> campaigns(const ReportFilter& filter = {});
    // The campaigns that need attention on `asOf`, most severe first: by CampaignLine::attention, then by
    // attentionWeight (ties in campaigns()' order). Only the candidates are read (past a threshold, or active with both
    // dates and both amounts), so the dashboard does not read a hundred thousand campaigns to show a few.
    std::optional<QList<CampaignLine>> campaignsNeedingAttention(
        const ReportFilter& filter, const QDate& asOf, const Thresholds& thresholds = {});
    std::optional<QList<TierRetainer>> retainerByTier();
    std::optional<CampaignSplit> budgetSplit(const QString& campaignId); // nullopt: unknown campaign (or an error)
    std::optional<QList<KpiLine>> kpis(const QString& campaignId);
    QString lastError() const { return m_error; }

private:
    std::optional<QList<CampaignLine>> campaigns(const ReportFilter& filter, const QString& andWhere);
    QString cents(const QString& column) const;
    // Live clients' names by id, two of one name told apart (domain::distinctNames).
    QHash<QString, QString> clientNames();
    QString where(const ReportFilter& filter, QVariantList* bind) const;
    QStringList campaignConditions(const ReportFilter& filter, QVariantList* bind) const; // on c only
    // FROM agency_campaigns c, read as one scan of the table where that is fastest (SQLite, no client filter).
    QString campaignsTable(const ReportFilter& filter) const;
    std::optional<QSqlQuery> run(const QString& sql, const QVariantList& bind, const QString& context);

    QSqlDatabase m_db;
    bool m_postgres;
    QString m_error;
};

} // namespace agency::reports
