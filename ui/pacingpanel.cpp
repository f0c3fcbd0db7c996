// SPDX-License-Identifier: GPL-3.0-or-later
#include "pacingpanel.h"

#include "domain/money.h"
#include "domain/vocabulary.h"

#include <QHeaderView>
#include <QLocale>

namespace agency::ui {

namespace {
    QTableWidgetItem* numberItem(const QString& text)
    {
        auto* item = new QTableWidgetItem(text);
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        return item;
    }

    QString moneyText(std::optional<qint64> cents)
    {
        return cents ? domain::Money::fromCents(*cents).toDisplayString() : QStringLiteral("—");
    }
}

PacingPanel::PacingPanel(QWidget* parent)
    : QTableWidget(0, 5, parent)
{
    setObjectName(QStringLiteral("pacing"));
    setHorizontalHeaderLabels(
        { tr("Channel"), tr("Campaign"), tr("Pace"), tr("Spent / planned to date"), tr("Budget runs out") });
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setStretchLastSection(true);
    verticalHeader()->hide();
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    connect(this, &QTableWidget::cellActivated, this,
        [this](int row) { Q_EMIT openCampaign(item(row, 1)->data(Qt::UserRole).toString()); });
}

void PacingPanel::setPaces(const QList<reports::PaceLine>& paces, int limit)
{
    QList<reports::PaceLine> shown;
    for (const reports::PaceLine& line : paces) {
        if (line.pace.paceHundredths && shown.size() < limit)
            shown << line;
    }
    const QLocale locale;
    m_offPace = 0;
    setUpdatesEnabled(false);
    setRowCount(0);
    setRowCount(static_cast<int>(shown.size()));
    for (int row = 0; row < shown.size(); ++row) {
        const reports::PaceLine& line = shown.at(row);
        setItem(row, 0, new QTableWidgetItem(domain::valueLabel(line.channelType)));
        auto* campaign = new QTableWidgetItem(line.campaignLabel);
        campaign->setData(Qt::UserRole, line.campaignId);
        setItem(row, 1, campaign);
        auto* pace = new QTableWidgetItem(reports::paceText(line.pace, locale));
        pace->setToolTip(reports::paceDetails(line.pace, locale));
        if (line.pace.light == QStringLiteral("over"))
            pace->setForeground(QColor(0xc6, 0x28, 0x28));
        else if (line.pace.light == QStringLiteral("under"))
            pace->setForeground(QColor(0xb2, 0x6a, 0x00));
        if (line.pace.light != QStringLiteral("on"))
            ++m_offPace;
        setItem(row, 2, pace);
        setItem(
            row, 3, numberItem(tr("%1 / %2").arg(moneyText(line.pace.spentCents), moneyText(line.pace.plannedCents))));
        setItem(row, 4,
            new QTableWidgetItem(line.pace.runsOutOn.isValid()
                    ? locale.toString(line.pace.runsOutOn, QLocale::ShortFormat)
                    : QStringLiteral("—")));
    }
    setUpdatesEnabled(true);
}

} // namespace agency::ui
