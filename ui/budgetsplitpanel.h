// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/budget.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace agency::ui {

// A campaign's budget split in figures: allocated, each channel's effective amount and share, what is unallocated,
// and any over-allocation in red (in words too, not only colour).
class BudgetSplitPanel : public QWidget {
    Q_OBJECT
public:
    explicit BudgetSplitPanel(QWidget* parent = nullptr);

    // `labels` name the channels in the split's order.
    void showSplit(const domain::BudgetSplit& split, const QStringList& labels, const QList<bool>& active);
    void clear();
    // Nothing but `text` (why there is no split to show).
    void showNotice(const QString& text);
    QString summary() const; // the text of the totals line (tests read it)

private:
    QTableWidget* m_table;
    QLabel* m_totals;
};

} // namespace agency::ui
