// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reports/contractreport.h"

#include <QTableWidget>

namespace agency::ui {

// The dashboard's list of contracts that need a word: ending within 30, 60 or 90 days (soonest first), or ended
// while the client is still marked active (in red). Enter or a double-click opens the client.
class ContractsPanel : public QTableWidget {
    Q_OBJECT
public:
    explicit ContractsPanel(QWidget* parent = nullptr);

    void setReminders(const QList<reports::ContractReminder>& reminders);

Q_SIGNALS:
    void openClient(const QString& id);
};

} // namespace agency::ui
