// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reports/financereport.h"

#include <QWidget>

class QBarSet;
class QChart;
class QChartView;
class QLineSeries;
class QTableWidget;

namespace agency::ui {

// KPI target versus actual: one attainment bar per metric (so metrics of very different sizes compare), a 100 %
// line, green when on track and red when not, exact target and actual in the tooltip and in the table beside.
class KpiChart : public QWidget {
    Q_OBJECT
public:
    explicit KpiChart(QWidget* parent = nullptr);

    void setKpis(const QString& title, const QList<reports::KpiLine>& kpis);
    QChart* chart() const;
    QChartView* chartView() const { return m_view; }
    QBarSet* onTrack() const { return m_onTrack; }
    QBarSet* offTrack() const { return m_offTrack; }
    QLineSeries* targetLine() const { return m_target; }
    QTableWidget* table() const { return m_table; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QChartView* m_view;
    QTableWidget* m_table;
    QBarSet* m_onTrack = nullptr;
    QBarSet* m_offTrack = nullptr;
    QLineSeries* m_target = nullptr;
    QList<reports::KpiLine> m_kpis;
};

} // namespace agency::ui
