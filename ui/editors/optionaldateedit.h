// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QVariant>
#include <QWidget>

class QCheckBox;
class QDateEdit;

namespace agency::ui {

// A date that may be empty (NULL): a check box says whether there is one, a calendar picker says which.
class OptionalDateEdit : public QWidget {
    Q_OBJECT
    Q_PROPERTY(QVariant date READ date WRITE setDate NOTIFY dateChanged USER true)
public:
    explicit OptionalDateEdit(QWidget* parent = nullptr);

    QVariant date() const; // a QDate, or a null QVariant
    void setDate(const QVariant& date);
    QDateEdit* dateEdit() const { return m_edit; }
    QCheckBox* checkBox() const { return m_check; }

Q_SIGNALS:
    void dateChanged();

private:
    QCheckBox* m_check;
    QDateEdit* m_edit;
};

} // namespace agency::ui
