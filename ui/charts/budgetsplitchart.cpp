// SPDX-License-Identifier: GPL-3.0-or-later
#include "budgetsplitchart.h"

#include "chartlegend.h"
#include "chartpalette.h"
#include "charttext.h"
#include "dashboardcharts.h"

#include <QChart>
#include <QCursor>
#include <QLegend>
#include <QPieSeries>
#include <QPieSlice>
#include <QResizeEvent>
#include <QToolTip>

namespace agency::ui {

using reports::Money;

namespace {
    // Share of `part` in `whole` as display text (Money::shareOf); "n/a" without a whole to share.
    QString share(qint64 part, qint64 whole)
    {
        return shareText(Money::fromCents(part).shareOf(Money::fromCents(whole)));
    }
}

BudgetSplitChart::BudgetSplitChart(QWidget* parent)
    : QChartView(parent)
    , m_series(new QPieSeries)
{
    setRenderHint(QPainter::Antialiasing);
    auto* chart = new QChart;
    chart->addSeries(m_series);
    chart->legend()->setAlignment(Qt::AlignRight);
    chart->setBackgroundRoundness(0);
    setChart(chart);
    setMinimumSize(300, 220); // the campaign page fits a 1024 px window
}

void BudgetSplitChart::setSplit(const reports::CampaignSplit& split)
{
    m_series->clear(); // rebuilt as a whole: updating slice by slice is quadratic in Qt Charts
    QList<reports::SplitSlice> active;
    for (const auto& slice : split.slices) {
        if (slice.active && slice.amount && slice.amount->cents() > 0)
            active << slice;
    }
    std::stable_sort(active.begin(), active.end(), // equal amounts stay in the channels' order
        [](const auto& a, const auto& b) { return a.amount->cents() > b.amount->cents(); });
    Money other;
    int others = 0;
    while (active.size() > maxSlices) {
        other += *active.constLast().amount;
        ++others;
        active.removeLast();
    }
    // A share is of the allocation, as in the split's table and everywhere else (5.35 split into two 2.68: 50.09 %
    // each, the over-allocation said in the title), not of what the slices add up to.
    const qint64 allocation = split.allocated.value_or(Money()).cents();
    QList<QPieSlice*> slices;
    QStringList legend; // the exact amounts; the slices carry name and share, short enough not to be cut off
    auto add = [&](const QString& name, Money amount, const QColor& colour) {
        auto* slice = new QPieSlice(chartText(QStringLiteral("%1 %2").arg(name, share(amount.cents(), allocation))),
            static_cast<qreal>(amount.cents()) / 100.0); // geometry only: every figure shown is the exact Money text
        const QString figures
            = QStringLiteral("%1  %2 (%3)").arg(name, amount.toDisplayString(), share(amount.cents(), allocation));
        legend << chartText(figures);
        slice->setColor(colour);
        // On hover, the same exact figures as its legend entry, beside the pointer.
        connect(slice, &QPieSlice::hovered, slice, [figures](bool entered) {
            if (entered)
                QToolTip::showText(QCursor::pos(), tipText(figures));
            else
                QToolTip::hideText();
        });
        slices << slice; // its label is not drawn: Qt cut slice labels short and let them overlap; the legend has all
    };
    for (int i = 0; i < active.size(); ++i)
        add(active.at(i).label, *active.at(i).amount, seriesColours().at(i % seriesColours().size()));
    if (others > 0)
        add(tr("Other (%n channels)", nullptr, others), other, QColor(0x8d, 0x99, 0xa6));
    if (split.unallocated && split.unallocated->cents() > 0)
        add(tr("Unallocated"), *split.unallocated, QColor(0xc8, 0xcc, 0xd0));
    m_series->append(slices);
    setWholeLegendLabels(chart(), m_series, legend);
    fitChartTexts(chart(), size());

    QString title = split.label.isEmpty() ? tr("Budget split") : split.label;
    if (split.allocated)
        title += tr(" — budget %1").arg(split.allocated->toDisplayString());
    if (split.overAllocation.cents() > 0) {
        title += tr(" — OVER-ALLOCATED by %1").arg(split.overAllocation.toDisplayString());
        chart()->setTitleBrush(QColor(0xc6, 0x28, 0x28));
        for (QPieSlice* slice : std::as_const(slices))
            slice->setBorderColor(QColor(0xc6, 0x28, 0x28));
    } else {
        chart()->setTitleBrush(palette().color(QPalette::WindowText));
    }
    chart()->setTitle(chartText(title));
}

void BudgetSplitChart::resizeEvent(QResizeEvent* event)
{
    QChartView::resizeEvent(event);
    fitChartTexts(chart(), event->size());
}

} // namespace agency::ui
