// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "plane/planework.h"

#include <QWidget>
#include <optional>

class QChartView;
class QLabel;

namespace agency::ui {

// A campaign's work beside its money (the campaign's Work tab): issues done of those that count in its Plane project,
// points done where it estimates, the budget spent and the time gone, and a warning when the spend runs ahead of the
// work. Says what Plane could not give (no project linked, an SQLite file, a Plane version without a table).
class WorkPanel : public QWidget {
    Q_OBJECT
public:
    explicit WorkPanel(QWidget* parent = nullptr);

    void showWork(const std::optional<plane::CampaignWork>& work); // as read on the database thread (nullopt: none)
    QString text() const; // what it says, as plain text
    bool warns() const { return m_warns; }
    QChartView* burnUp() const { return m_burnUp; }

private:
    void show(const plane::CampaignWork& work);

    QLabel* m_figures;
    QLabel* m_warning;
    QChartView* m_burnUp;
    bool m_warns = false;
};

} // namespace agency::ui
