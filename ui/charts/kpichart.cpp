// SPDX-License-Identifier: GPL-3.0-or-later
#include "kpichart.h"

#include "chartlegend.h"
#include "chartpalette.h"
#include "charttext.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLegend>
#include <QLineSeries>
#include <QResizeEvent>
#include <QStackedBarSeries>
#include <QTableWidget>
#include <QToolTip>
#include <QValueAxis>

namespace agency::ui {

namespace {
    QString number(const std::optional<double>& value)
    {
        return value ? QLocale().toString(*value, 'g', 12) : QObject::tr("—");
    }
}

KpiChart::KpiChart(QWidget* parent)
    : QWidget(parent)
    , m_view(new QChartView(new QChart, this))
    , m_table(new QTableWidget(0, 4, this))
{
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumSize(300, 220); // the campaign page fits a 1024 px window
    m_table->setHorizontalHeaderLabels({ tr("Metric"), tr("Target"), tr("Actual"), tr("Attainment") });
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setMaximumWidth(360);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_table);
    m_view->installEventFilter(this); // its words fitted to its size as the window is resized
}

bool KpiChart::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_view && event->type() == QEvent::Resize)
        fitChartTexts(m_view->chart(), static_cast<QResizeEvent*>(event)->size());
    return QWidget::eventFilter(watched, event);
}

QChart* KpiChart::chart() const
{
    return m_view->chart();
}

void KpiChart::setKpis(const QString& title, const QList<reports::KpiLine>& kpis)
{
    m_kpis = kpis;
    QChart* chart = m_view->chart();
    chart->removeAllSeries();
    for (QAbstractAxis* axis : chart->axes())
        chart->removeAxis(axis);
    chart->setTitle(chartText(
        title.isEmpty() ? tr("KPIs: attainment of target") : tr("%1 — KPIs: attainment of target").arg(title)));

    // One series rebuilt whole; the two sets only colour the bars (each metric has its value in one of them).
    m_onTrack = new QBarSet(tr("On track"));
    m_onTrack->setColor(seriesColour::bluishGreen);
    m_offTrack = new QBarSet(tr("Off track"));
    m_offTrack->setColor(seriesColour::vermillion);
    QStringList categories;
    qreal highest = 100;
    QList<qreal> on;
    QList<qreal> off;
    for (const auto& kpi : kpis) {
        // A metric without an attainment is not a 0 % one: it says why under its name (issue 13).
        QString why;
        if (!kpi.attainment) {
            if (!kpi.target)
                why = tr("n/a: no target");
            else if (!kpi.actual)
                why = tr("n/a: no actual yet");
            else
                why = kpi.lowerIsBetter ? tr("n/a: actual is 0") : tr("n/a: target is 0");
        }
        categories << kpi.metric.toHtmlEscaped() + (kpi.lowerIsBetter ? tr(" (lower is better)") : QString())
                + (why.isEmpty() ? QString() : QStringLiteral("<br>") + why);
        const qreal percent = kpi.attainment ? *kpi.attainment * 100.0 : 0.0;
        highest = std::max(highest, percent);
        const bool good = kpi.attainment && *kpi.attainment >= 1.0;
        on << (good ? percent : 0.0);
        off << (good ? 0.0 : percent);
    }
    m_onTrack->append(on);
    m_offTrack->append(off);
    auto* bars = new QStackedBarSeries;
    bars->append(m_onTrack);
    bars->append(m_offTrack);
    chart->addSeries(bars);

    m_target = new QLineSeries;
    m_target->setName(tr("Target (100 %)"));
    m_target->setPen(QPen(QColor(0x45, 0x5a, 0x64), 2, Qt::DashLine));
    const auto positions = static_cast<double>(categories.size()); // category positions, not an amount
    m_target->append({ QPointF(-0.5, 100), QPointF(positions - 0.5, 100) });
    chart->addSeries(m_target);

    auto* x = new QBarCategoryAxis;
    x->append(categories);
    chart->addAxis(x, Qt::AlignBottom);
    auto* hidden = new QValueAxis; // the line's x runs over category positions
    hidden->setRange(-0.5, std::max(positions, 1.0) - 0.5);
    hidden->setVisible(false);
    chart->addAxis(hidden, Qt::AlignBottom);
    auto* y = new QValueAxis;
    y->setRange(
        0, std::ceil(std::min<qreal>(highest, 400.0) * 1.1 / 10.0) * 10.0); // a runaway metric is clipped at 400 %
    y->setLabelFormat(QStringLiteral("%.0f %%"));
    chart->addAxis(y, Qt::AlignLeft);
    bars->attachAxis(x);
    bars->attachAxis(y);
    m_target->attachAxis(hidden);
    m_target->attachAxis(y);
    chart->legend()->setAlignment(Qt::AlignBottom);
    fitChartTexts(chart, m_view->size());

    auto tooltip = [this](bool status, int index) {
        if (!status || index < 0 || index >= m_kpis.size()) {
            QToolTip::hideText();
            return;
        }
        const auto& kpi = m_kpis.at(index);
        QToolTip::showText(QCursor::pos(),
            tipText(tr("%1\ntarget %2, actual %3").arg(kpi.metric, number(kpi.target), number(kpi.actual))));
    };
    connect(m_onTrack, &QBarSet::hovered, this, tooltip);
    connect(m_offTrack, &QBarSet::hovered, this, tooltip);

    m_table->setRowCount(0);
    for (const auto& kpi : kpis) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem(kpi.metric));
        for (const auto& [column, text] :
            QList<QPair<int, QString>> { { 1, number(kpi.target) }, { 2, number(kpi.actual) },
                { 3,
                    kpi.attainment ? QLocale().toString(*kpi.attainment * 100.0, 'f', 1) + QStringLiteral(" %")
                                   : tr("n/a") } }) {
            auto* item = new QTableWidgetItem(text);
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(row, column, item);
        }
        if (kpi.attainment && *kpi.attainment < 1.0)
            m_table->item(row, 3)->setForeground(QColor(0xc6, 0x28, 0x28));
    }
}

} // namespace agency::ui
