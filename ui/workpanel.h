// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "plane/planework.h"

#include <QSqlDatabase>
#include <QWidget>

class QLabel;

namespace agency::ui {

// A campaign's work beside its money (the campaign's Work tab): issues done of those that count in its Plane project,
// points done where it estimates, the budget spent and the time gone, and a warning when the spend runs ahead of the
// work. Says what Plane could not give (no project linked, an SQLite file, a Plane version without a table).
class WorkPanel : public QWidget {
    Q_OBJECT
public:
    explicit WorkPanel(QSqlDatabase db, QWidget* parent = nullptr);

    void setCampaign(const QString& id); // read now (empty: none)
    QString text() const; // what it says, as plain text
    bool warns() const { return m_warns; }

private:
    void show(const plane::CampaignWork& work);

    QSqlDatabase m_db;
    QLabel* m_figures;
    QLabel* m_warning;
    bool m_warns = false;
};

} // namespace agency::ui
