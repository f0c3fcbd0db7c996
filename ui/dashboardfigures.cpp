// SPDX-License-Identifier: GPL-3.0-or-later
// DashboardPage's figures as the page shows them: the headline, the charts' tables, the campaigns needing attention
// and the clients' totals, once worked out in the background.
#include "dashboardfigures.h"

#include "charts/chartlegend.h"
#include "charts/chartoutput.h"
#include "charts/chartpalette.h"
#include "charts/charttext.h"
#include "charts/dashboardcharts.h"
#include "contractspanel.h"
#include "dashboardpage.h"
#include "db/backgroundjob.h"
#include "db/database.h"
#include "domain/displaytext.h"
#include "domain/vocabulary.h"
#include "editors/choicecombo.h"
#include "editors/optionaldateedit.h"
#include "filedialogs.h"
#include "pacingpanel.h"
#include "reports/financecsv.h"
#include "tables/lookupnames.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QProgressDialog>
#include <QResizeEvent>
#include <QSettings>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace agency::ui {

namespace {
    QTableWidgetItem* numberItem(const QString& text)
    {
        auto* item = new QTableWidgetItem(text);
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        return item;
    }
}

void DashboardPage::showFigures(const Figures& figures)
{
    const QList<QChart*> charts { clientBudgetChart(figures.clients), typeSpendChart(figures.types),
        retainerChart(figures.tiers) };
    for (int i = 0; i < charts.size(); ++i) {
        applyPalette(charts.at(i), palette());
        QChart* old = m_views.at(i)->chart();
        m_views.at(i)->setChart(charts.at(i)); // the view owns the new chart
        delete old;
        fitChartTexts(charts.at(i), m_views.at(i)->size());
    }
    const QDate today = QDate::currentDate();
    showTotals(figures);
    if (!figures.hidden.isEmpty()) {
        const QString text = tr("Budgets and spend are hidden: your database role may not read %1.")
                                 .arg(figures.hidden.join(QStringLiteral(", ")));
        m_headlineNote->setText(text);
        for (QLabel* value : std::as_const(m_headline))
            value->setText(tr("hidden"));
        for (QChartView* view : std::as_const(m_views))
            view->chart()->setTitle(chartText(text));
    }
    // The campaigns that need attention, most severe first (worked out with the figures, off this thread): filled in
    // one go, not a row at a time.
    // The most severe few hundred: a list to act on, not a hundred thousand rows to fill (the CSV form of the report
    // lists every one).
    constexpr int shownRows = 500;
    const QList<reports::CampaignLine> needing = figures.campaigns.mid(0, shownRows);
    m_attention->setHorizontalHeaderItem(0,
        new QTableWidgetItem(figures.campaigns.size() > needing.size()
                ? tr("Needs attention: the %1 most severe of %2")
                      .arg(needing.size())
                      .arg(QLocale().toString(figures.campaigns.size()))
                : tr("Needs attention")));
    m_attention->setUpdatesEnabled(false);
    m_attention->setRowCount(0);
    m_attention->setRowCount(static_cast<int>(needing.size()));
    for (int row = 0; row < needing.size(); ++row) {
        const reports::CampaignLine& line = needing.at(row);
        auto* name = new QTableWidgetItem(line.label);
        name->setData(Qt::UserRole, line.id);
        m_attention->setItem(row, 0, name);
        m_attention->setItem(row, 5,
            new QTableWidgetItem(line.inactiveClient ? tr("%1 (inactive)").arg(line.clientName) : line.clientName));
        m_attention->setItem(row, 2, numberItem(line.allocated ? line.allocated->toDisplayString() : tr("—")));
        m_attention->setItem(row, 3, numberItem(line.spent ? line.spent->toDisplayString() : tr("—")));
        const auto projected = line.projectedSpend(today);
        m_attention->setItem(row, 4, numberItem(projected ? projected->toDisplayString() : tr("—")));
        const reports::Attention level = line.attention(today, figures.thresholds);
        auto* reason = new QTableWidgetItem(line.attentionText(today, figures.thresholds));
        reason->setToolTip(reason->text());
        if (level == reports::Attention::OverLimit)
            reason->setForeground(QColor(0xc6, 0x28, 0x28));
        else if (level == reports::Attention::Warning || level == reports::Attention::WillOverspend)
            reason->setForeground(QColor(0xb2, 0x6a, 0x00));
        m_attention->setItem(row, 1, reason);
    }
    m_attention->setUpdatesEnabled(true);
    m_contracts->setReminders(figures.contracts);
    m_pacing->setPaces(figures.paces);
    m_sideTabs->setTabText(
        1, figures.contracts.isEmpty() ? tr("Contracts") : tr("Contracts (%1)").arg(figures.contracts.size()));
    m_sideTabs->setTabText(2, m_pacing->offPace() == 0 ? tr("Pacing") : tr("Pacing (%1 off)").arg(m_pacing->offPace()));
}

void DashboardPage::showTotals(const Figures& figures)
{
    const reports::BudgetTotals all = reports::BudgetTotals::sum(figures.clients);
    m_headline.value(QStringLiteral("allocated"))->setText(figureText(all.allocatedFigure()));
    m_headline.value(QStringLiteral("spent"))->setText(figureText(all.spentFigure()));
    m_headline.value(QStringLiteral("remaining"))->setText(figureText(all.remaining()));
    m_headline.value(QStringLiteral("burn"))->setText(shareText(all.burnShare()));
    m_headline.value(QStringLiteral("overspent"))
        ->setText(all.overspentCampaigns == 0
                ? tr("none")
                : tr("%1 by %2").arg(all.overspentCampaigns).arg(all.overspend.toDisplayString()));
    m_headline.value(QStringLiteral("missing"))
        ->setText(tr("%1 budget · %2 spent").arg(all.withoutBudget).arg(all.withoutSpent));
    m_headlineNote->setText(totalsNote(figures.clients));

    QTableWidget* clients = m_tables.at(0);
    clients->setRowCount(0);
    clients->setRowCount(static_cast<int>(figures.clients.size()));
    for (int row = 0; row < figures.clients.size(); ++row) {
        const reports::BudgetTotals& t = figures.clients.at(row);
        clients->setItem(row, 0, new QTableWidgetItem(clientName(t)));
        clients->setItem(row, 1, numberItem(QLocale().toString(t.campaigns)));
        clients->setItem(row, 2, numberItem(figureText(t.allocatedFigure())));
        clients->setItem(row, 3, numberItem(figureText(t.spentFigure())));
        clients->setItem(row, 4, numberItem(figureText(t.remaining())));
        clients->setItem(row, 5, numberItem(shareText(t.burnShare())));
        auto* over = numberItem(t.overspentCampaigns > 0
                ? tr("%1 by %2").arg(t.overspentCampaigns).arg(t.overspend.toDisplayString())
                : QString());
        over->setForeground(QColor(0xc6, 0x28, 0x28));
        clients->setItem(row, 6, over);
        clients->setItem(row, 7,
            numberItem(t.withoutBudget + t.withoutSpent > 0
                    ? tr("%1 budget · %2 spent").arg(t.withoutBudget).arg(t.withoutSpent)
                    : QString()));
    }
    QTableWidget* types = m_tables.at(1);
    types->setRowCount(0);
    types->setRowCount(static_cast<int>(figures.types.size()));
    qint64 whole = 0;
    for (const reports::BudgetTotals& t : figures.types)
        whole += std::max<qint64>(t.spent.cents(), 0);
    for (int row = 0; row < figures.types.size(); ++row) {
        const reports::BudgetTotals& t = figures.types.at(row);
        types->setItem(row, 0, new QTableWidgetItem(t.label));
        types->setItem(row, 1, numberItem(QLocale().toString(t.campaigns)));
        types->setItem(row, 2, numberItem(figureText(t.spentFigure())));
        types->setItem(row, 3,
            numberItem(shareText(t.spentFigure() ? reports::Money::fromCents(std::max<qint64>(t.spent.cents(), 0))
                                                       .shareOf(reports::Money::fromCents(whole))
                                                 : std::nullopt)));
    }
    QTableWidget* tiers = m_tables.at(2);
    tiers->setRowCount(0);
    tiers->setRowCount(static_cast<int>(figures.tiers.size()));
    for (int row = 0; row < figures.tiers.size(); ++row) {
        const reports::TierRetainer& t = figures.tiers.at(row);
        tiers->setItem(row, 0, new QTableWidgetItem(t.tierName));
        tiers->setItem(row, 1, numberItem(QLocale().toString(t.activeClients)));
        tiers->setItem(
            row, 2, numberItem(t.monthlyRetainer ? t.monthlyRetainer->toDisplayString() : tr("no retainer")));
        tiers->setItem(row, 3, numberItem(t.monthlyRetainer ? t.value().toDisplayString() : tr("no retainer")));
    }
}

} // namespace agency::ui
