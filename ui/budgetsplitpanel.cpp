// SPDX-License-Identifier: GPL-3.0-or-later
#include "budgetsplitpanel.h"

#include "charts/dashboardcharts.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace agency::ui {

BudgetSplitPanel::BudgetSplitPanel(QWidget* parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, 3, this))
    , m_totals(new QLabel(this))
{
    m_table->setHorizontalHeaderLabels({ tr("Channel"), tr("Effective amount"), tr("Share") });
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents); // figures whole
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_totals->setObjectName(QStringLiteral("budgetTotals"));
    m_totals->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* title = new QLabel(tr("<b>Budget split</b>"), this);
    layout->addWidget(title);
    layout->addWidget(m_table);
    layout->addWidget(m_totals);
}

void BudgetSplitPanel::clear()
{
    m_table->setRowCount(0);
    m_totals->clear();
}

void BudgetSplitPanel::showNotice(const QString& text)
{
    clear();
    m_totals->setText(text);
}

QString BudgetSplitPanel::summary() const
{
    return m_totals->text();
}

void BudgetSplitPanel::showSplit(const domain::BudgetSplit& split, const QStringList& labels, const QList<bool>& active)
{
    const QLocale locale;
    m_table->setRowCount(0);
    for (qsizetype i = 0; i < split.effective.size(); ++i) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        const auto& amount = split.effective.at(i);
        const bool on = active.value(i, true);
        auto* name = new QTableWidgetItem(labels.value(i) + (on ? QString() : tr(" (inactive)")));
        auto* value = new QTableWidgetItem(amount ? amount->toDisplayString(locale) : tr("—"));
        value->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        // The share of the budget, as the pie and every other surface write it ("n/a" without a budget above 0).
        const QString share = shareText(amount && split.allocated ? amount->shareOf(*split.allocated) : std::nullopt);
        auto* shareItem = new QTableWidgetItem(share);
        shareItem->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        if (!on) {
            name->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
            value->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
        }
        m_table->setItem(row, 0, name);
        m_table->setItem(row, 1, value);
        m_table->setItem(row, 2, shareItem);
    }
    if (!split.allocated) {
        m_totals->setText(tr("Channels take %1; the campaign has no budget allocated.")
                              .arg(split.activeTotal.toDisplayString(locale)));
        m_totals->setStyleSheet({});
        return;
    }
    if (split.isOverAllocated()) {
        m_totals->setText(tr("Allocated %1 · channels %2 · OVER-ALLOCATED by %3")
                              .arg(split.allocated->toDisplayString(locale), split.activeTotal.toDisplayString(locale),
                                  split.overAllocation.toDisplayString(locale)));
        m_totals->setStyleSheet(QStringLiteral("color: #c62828; font-weight: bold;"));
    } else {
        // What the channels leave of the budget, and its share of it, said whenever there is some (as the pie's
        // Unallocated slice does).
        const bool left = split.unallocated && split.unallocated->cents() > 0 && split.allocated->cents() > 0;
        m_totals->setText(left
                ? tr("Allocated %1 · channels %2 · Unallocated %3 (%4)")
                      .arg(split.allocated->toDisplayString(locale), split.activeTotal.toDisplayString(locale),
                          split.unallocated->toDisplayString(locale),
                          shareText(split.unallocated->shareOf(*split.allocated)))
                : tr("Allocated %1 · channels %2 · Unallocated %3")
                      .arg(split.allocated->toDisplayString(locale), split.activeTotal.toDisplayString(locale),
                          split.unallocated->toDisplayString(locale)));
        m_totals->setStyleSheet({});
    }
}

} // namespace agency::ui
