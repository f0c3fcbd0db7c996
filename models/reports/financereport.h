// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/money.h"

#include <QDate>
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

struct BudgetTotals {
    QString key; // client id, or campaign type
    QString label; // client name, or campaign type
    Money allocated;
    Money spent;
    Money overspend; // the sum of (spent − allocated) over its overspent campaigns
    int campaigns = 0;
    int overspentCampaigns = 0;
    Money remaining() const { return allocated - spent; } // negative when overspent overall
};

struct CampaignLine {
    QString id;
    QString label;
    QString clientName;
    QString campaignType;
    QString status;
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

    std::optional<QList<BudgetTotals>> byClient(const ReportFilter& filter = {});
    std::optional<QList<BudgetTotals>> byCampaignType(const ReportFilter& filter = {});
    std::optional<QList<CampaignLine>> campaigns(const ReportFilter& filter = {});
    // The campaigns that need attention on `asOf`: overspent first, then off pace, each in campaigns()' order. Only
    // the candidates are read (overspent, or active with both dates and both amounts), so the dashboard does not
    // read a hundred thousand campaigns to show a few.
    std::optional<QList<CampaignLine>> campaignsNeedingAttention(const ReportFilter& filter, const QDate& asOf);
    std::optional<QList<TierRetainer>> retainerByTier();
    std::optional<CampaignSplit> budgetSplit(const QString& campaignId); // nullopt: unknown campaign (or an error)
    std::optional<QList<KpiLine>> kpis(const QString& campaignId);
    QString lastError() const { return m_error; }

private:
    std::optional<QList<CampaignLine>> campaigns(const ReportFilter& filter, const QString& andWhere);
    std::optional<QList<BudgetTotals>> totals(
        const QString& keyExpression, const QString& labelExpression, const ReportFilter& filter);
    QString cents(const QString& column) const;
    QString where(const ReportFilter& filter, QVariantList* bind) const;
    std::optional<QSqlQuery> run(const QString& sql, const QVariantList& bind, const QString& context);

    QSqlDatabase m_db;
    bool m_postgres;
    QString m_error;
};

} // namespace agency::reports
