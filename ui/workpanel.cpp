// SPDX-License-Identifier: GPL-3.0-or-later
#include "workpanel.h"

#include "charts/burnupchart.h"
#include "charts/chartpalette.h"
#include "charts/dashboardcharts.h"

#include <QChart>
#include <QChartView>
#include <QLabel>
#include <QLocale>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace agency::ui {

namespace {
    // Hundredths of a point as people write them: "8", "2.5".
    QString pointsText(qint64 hundredths)
    {
        const QLocale locale;
        if (hundredths % 100 == 0)
            return locale.toString(hundredths / 100);
        return locale.toString(hundredths / 100) + locale.decimalPoint()
            + QStringLiteral("%1")
                  .arg(hundredths % 100, 2, 10, QChar(u'0'))
                  .remove(QRegularExpression(QStringLiteral("0$")));
    }
}

WorkPanel::WorkPanel(QWidget* parent)
    : QWidget(parent)
    , m_figures(new QLabel(this))
    , m_warning(new QLabel(this))
    , m_burnUp(new QChartView(this))
{
    setObjectName(QStringLiteral("work"));
    m_figures->setObjectName(QStringLiteral("workFigures"));
    m_figures->setWordWrap(true);
    m_figures->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_warning->setObjectName(QStringLiteral("workWarning"));
    m_warning->setWordWrap(true);
    m_warning->setAutoFillBackground(true);
    m_warning->setBackgroundRole(QPalette::ToolTipBase);
    m_warning->setForegroundRole(QPalette::ToolTipText);
    m_warning->setContentsMargins(6, 4, 6, 4);
    m_warning->hide();
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_warning);
    layout->addWidget(m_figures);
    m_burnUp->setObjectName(QStringLiteral("burnUp"));
    m_burnUp->setRenderHint(QPainter::Antialiasing);
    m_burnUp->setMinimumHeight(180);
    m_burnUp->hide();
    layout->addWidget(m_burnUp, 1);
}

void WorkPanel::showWork(const std::optional<plane::CampaignWork>& work)
{
    if (!work) {
        m_figures->clear();
        m_warning->hide();
        m_burnUp->hide();
        m_warns = false;
        return;
    }
    QChart* old = m_burnUp->chart();
    QChart* chart = burnUpChart(*work);
    applyPalette(chart, palette());
    m_burnUp->setChart(chart); // the view owns it
    delete old;
    m_burnUp->show();
    show(*work);
}

void WorkPanel::show(const plane::CampaignWork& work)
{
    QStringList lines;
    const plane::WorkProgress& progress = work.work;
    if (progress.available) {
        lines << tr("Issues done: %1 of %2 (%3)")
                     .arg(progress.done)
                     .arg(progress.counted)
                     .arg(shareText(progress.doneShare()));
        if (progress.estimated)
            lines << tr("Estimate points done: %1 of %2 (%3)")
                         .arg(pointsText(progress.pointsDone), pointsText(progress.pointsTotal),
                             shareText(progress.pointsShare()));
        lines << tr("Counted: not deleted, archived, drafts, in triage or cancelled.");
    } else {
        lines << progress.unavailable;
    }
    lines << tr("Budget spent: %1").arg(shareText(work.spentShare))
          << tr("Time elapsed: %1").arg(shareText(work.elapsedShare));
    for (const QString& note : progress.notes)
        lines << note;
    m_figures->setText(lines.join(u'\n'));
    m_warns = work.spendAhead();
    if (m_warns) {
        const auto done = progress.pointsShare() ? progress.pointsShare() : progress.doneShare();
        m_warning->setText(tr("The spend runs ahead of the work: %1 of the budget spent for %2 of the work done.")
                               .arg(shareText(work.spentShare), shareText(done)));
    }
    m_warning->setVisible(m_warns);
}

QString WorkPanel::text() const
{
    return (m_warns ? m_warning->text() + u'\n' : QString()) + m_figures->text();
}

} // namespace agency::ui
