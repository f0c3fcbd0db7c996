// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reports/financereport.h"

#include <QDateTime>
#include <QImage>
#include <QSize>
#include <QString>

class QChart;

namespace agency::ui {

// Renders a chart at `size` (logical pixels) and `scale` (device pixel ratio: 2 for a 200 % display).
QImage renderChart(QChart* chart, QSize size, qreal scale = 1.0);

// Writes a chart as PNG or SVG by the file's suffix, atomically (a failure leaves no file). false: `error` says why.
bool saveChart(QChart* chart, QSize size, const QString& path, QString* error);

// The warning thresholds the dashboard, the tables and the finance review flag campaigns by: as last set on the
// dashboard (settings "finance/warnAt" and "finance/limitAt", hundredths of a percent), else 80 % and 100 %.
reports::Thresholds rememberedThresholds();
void rememberThresholds(const reports::Thresholds& thresholds);

struct FinanceReview {
    QString title;
    QString filterText; // the filters in words
    QString database; // where the figures come from, without a password
    QDate asOf;
    QDateTime generatedAt;
    reports::Thresholds thresholds;
    reports::BudgetTotals totals; // the headline figures: every client's totals added up
    QList<reports::BudgetTotals> clients;
    QList<reports::BudgetTotals> types;
    QList<reports::TierRetainer> tiers;
    QList<reports::CampaignLine> campaigns;
    int campaignCount = 0; // campaigns under the filter
    // Whether `campaigns` lists every campaign; else only those needing attention (overspent or off pace).
    bool everyCampaign = true;
};

// Up to this many campaigns the review lists them all; beyond it, those that need attention, beside the totals of
// every client (a reviewer reads a summary, not 2,600 pages; the full list is the CSV export of Campaigns).
inline constexpr int financeReviewFullListLimit = 1000;

// Gathers the review's figures under `filter` (as of today); false with `error` when a query fails.
bool collectFinanceReview(
    reports::FinanceReport& report, const reports::ReportFilter& filter, FinanceReview* review, QString* error);

// The finance review as a PDF (QPdfWriter): title, date, filters, the dashboard charts, the totals of each client,
// and a table of campaigns (every one, or those needing attention: FinanceReview::everyCampaign) with allocated,
// spent, remaining and pace — overspend flagged in words as well as colour. Written atomically.
bool writeFinanceReviewPdf(const FinanceReview& review, const QString& path, QString* error);

} // namespace agency::ui
