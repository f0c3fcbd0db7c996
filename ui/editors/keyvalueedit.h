// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QTableWidget;

namespace agency::ui {

// KPIs and performance data: a table of metric → number, held as a JSON object. A value that is not a number is
// kept as typed, so the model's validation can say which metric is wrong.
class KeyValueEdit : public QWidget {
    Q_OBJECT
    Q_PROPERTY(QString json READ json WRITE setJson NOTIFY jsonChanged USER true)
public:
    explicit KeyValueEdit(QWidget* parent = nullptr);

    QString json() const;
    void setJson(const QString& json);
    QTableWidget* table() const { return m_table; }
    void addRow(const QString& metric = {}, const QString& value = {});

Q_SIGNALS:
    void jsonChanged();

private:
    QTableWidget* m_table;
};

} // namespace agency::ui
