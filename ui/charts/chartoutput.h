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
    QList<reports::CampaignLine> attention; // the campaigns that need attention, most severe first
    QList<reports::CampaignLine> campaigns; // every campaign under the filter, for the appendix (everyCampaign)
    int campaignCount = 0; // campaigns under the filter
    // Whether `campaigns` lists every campaign for the appendix; beyond financeReviewFullListLimit it is empty and the
    // review says where the full list is (report finance --format csv).
    bool everyCampaign = true;
};

// Up to this many campaigns the review lists them all in an appendix; beyond it, a reviewer reads the summary (not
// 2,600 pages), and the per-campaign detail is the CSV form of the report.
inline constexpr int financeReviewFullListLimit = 1000;
// The review lists the most severe of the campaigns needing attention, up to this many (the rest: the CSV form).
inline constexpr int financeReviewAttentionRows = 100;

// Gathers the review's figures under `filter` (as of today); false with `error` when a query fails.
bool collectFinanceReview(
    reports::FinanceReport& report, const reports::ReportFilter& filter, FinanceReview* review, QString* error);

// The finance review as a PDF document (QPdfWriter, A4 landscape): title, when and from which database, filters and
// thresholds; the headline figures; the dashboard's charts; the campaigns needing attention, most severe first, with
// their forecast and why in words; every client's totals; and an appendix of every campaign when there are at most
// financeReviewFullListLimit. Every page numbered; no figure or name is ever cut short (cells wrap). Written
// atomically.
bool writeFinanceReviewPdf(const FinanceReview& review, const QString& path, QString* error);

} // namespace agency::ui
