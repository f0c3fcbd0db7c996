// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reports/financereport.h"

#include <QSqlDatabase>
#include <QWidget>

class QChartView;
class QComboBox;
class QTableWidget;

namespace agency::ui {

class ChoiceCombo;
class OptionalDateEdit;

// Finance at a glance: allocated vs spent by client (overspend in red), spend by campaign type, retainer value by
// tier, and the campaigns that need attention (overspent or off pace), with filters. Charts follow the data: the
// window calls refresh() after any save.
class DashboardPage : public QWidget {
    Q_OBJECT
public:
    DashboardPage(QSqlDatabase db, QWidget* parent = nullptr);

    void refresh();
    reports::ReportFilter filter() const;
    QString filterText() const;
    QList<QChartView*> chartViews() const { return m_views; }
    QTableWidget* attention() const { return m_attention; }
    bool saveChart(int index, const QString& path, QString* error) const;
    bool exportReview(const QString& path, QString* error);

Q_SIGNALS:
    void openCampaign(const QString& id);
    void message(const QString& text);

private:
    QSqlDatabase m_db;
    QComboBox* m_status;
    ChoiceCombo* m_client;
    QComboBox* m_type;
    OptionalDateEdit* m_from;
    OptionalDateEdit* m_to;
    QList<QChartView*> m_views;
    QTableWidget* m_attention;
};

} // namespace agency::ui
