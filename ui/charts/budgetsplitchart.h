// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reports/financereport.h"

#include <QChartView>

class QPieSeries;

namespace agency::ui {

// A campaign's budget split as a pie: one slice per active channel, a grey "Unallocated" slice, labels with exact
// amount and share; an over-allocated campaign says so in the title, in red, and has no unallocated slice.
// More than a dozen channels: the smallest go into "Other" so the pie stays readable.
class BudgetSplitChart : public QChartView {
    Q_OBJECT
public:
    explicit BudgetSplitChart(QWidget* parent = nullptr);

    void setSplit(const reports::CampaignSplit& split);
    QPieSeries* series() const { return m_series; }

    static constexpr int maxSlices = 12;

protected:
    void resizeEvent(QResizeEvent* event) override; // its legend fitted to the size it is shown at

private:
    QPieSeries* m_series;
};

} // namespace agency::ui
