// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QListWidget;

namespace agency::ui {

// A tier's features: an editable list of texts, held as a JSON array.
class ListEdit : public QWidget {
    Q_OBJECT
    Q_PROPERTY(QString json READ json WRITE setJson NOTIFY jsonChanged USER true)
public:
    explicit ListEdit(QWidget* parent = nullptr);

    QString json() const;
    void setJson(const QString& json);
    QListWidget* list() const { return m_list; }

Q_SIGNALS:
    void jsonChanged();

private:
    QListWidget* m_list;
};

} // namespace agency::ui
