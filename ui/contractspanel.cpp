// SPDX-License-Identifier: GPL-3.0-or-later
#include "contractspanel.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QLocale>

namespace agency::ui {

ContractsPanel::ContractsPanel(QWidget* parent)
    : QTableWidget(0, 3, parent)
{
    setObjectName(QStringLiteral("contracts"));
    setHorizontalHeaderLabels({ tr("Client"), tr("Contract end"), tr("Reminder") });
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setStretchLastSection(true);
    verticalHeader()->hide();
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    connect(this, &QTableWidget::cellActivated, this,
        [this](int row) { Q_EMIT openClient(item(row, 0)->data(Qt::UserRole).toString()); });
}

void ContractsPanel::setReminders(const QList<reports::ContractReminder>& reminders)
{
    const QLocale locale;
    setUpdatesEnabled(false);
    setRowCount(0);
    setRowCount(static_cast<int>(reminders.size()));
    for (int row = 0; row < reminders.size(); ++row) {
        const reports::ContractReminder& reminder = reminders.at(row);
        auto* name = new QTableWidgetItem(reminder.clientName);
        name->setData(Qt::UserRole, reminder.clientId);
        setItem(row, 0, name);
        setItem(row, 1, new QTableWidgetItem(locale.toString(reminder.end, QLocale::ShortFormat)));
        auto* what = new QTableWidgetItem(reminder.text());
        if (reminder.kind == reports::ContractReminder::Kind::EndedButActive)
            what->setForeground(QColor(0xc6, 0x28, 0x28));
        else if (reminder.kind == reports::ContractReminder::Kind::Ending30)
            what->setForeground(QColor(0xb2, 0x6a, 0x00));
        setItem(row, 2, what);
    }
    setUpdatesEnabled(true);
}

} // namespace agency::ui
