// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tables/agencytablemodel.h"

#include <QHash>
#include <QSet>
#include <QWidget>
#include <memory>

namespace agency::tables {
class BackgroundReader;
}

class QDataWidgetMapper;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace agency::ui {

// The selected row's editable form, built from the table's description: the right editor for every column, a
// message under each field, and QDataWidgetMapper to fill it. Every change goes to the model at once (which keeps
// it until Save), so switching rows or pages never loses an edit.
class RecordForm : public QWidget {
    Q_OBJECT
public:
    explicit RecordForm(tables::AgencyTableModel* model, QWidget* parent = nullptr);
    ~RecordForm() override;
    RecordForm(const RecordForm&) = delete;
    RecordForm& operator=(const RecordForm&) = delete;

    void setCurrentRow(int row); // -1: nothing selected
    int currentRow() const { return m_row; }
    QWidget* editor(const QString& column) const { return m_editors.value(column); }
    QString messageFor(const QString& column) const;
    bool hasInvalidField() const;
    void refreshProblems(); // after a refused save: the model's message at each field
    void reloadChoices(); // pickers follow the data (a new client, a new tier)
    bool focusFirstField(); // the cursor into the first field a person fills in (the name), when editable
    QList<QWidget*> fieldsInOrder() const { return m_order; } // the editors, in the form's (and Tab's) order

Q_SIGNALS:
    void edited(const QString& column);

private:
    QWidget* createEditor(const tables::ColumnSpec& column);
    QLabel* addField(QFormLayout* form, const QString& label, QWidget* editor); // its message label

    void write(const QString& column);
    void showMessage(const QString& column, const QString& message);
    // Under a coded field (a channel's type): another spelling of a value known or in use, said in amber.
    void warnOfNearDuplicate(const QString& column);
    void loadPlaneProjects();
    void loadName(); // a campaign's name, from its Plane project or its metadata
    // What the form shows of the row besides its editors' values: which fields the role may change, the read-only
    // values, the name; `projectsToo`: the Plane projects of its client's workspace as well. (The fields' messages
    // stay: each is the field's own, said as it is typed, or the model's after a save.)
    void showRowState(bool projectsToo);
    void writeName(); // what is typed into the name, into the metadata

    tables::AgencyTableModel* m_model;
    std::unique_ptr<tables::BackgroundReader> m_finder; // the campaign picker's searches, off the GUI thread
    QDataWidgetMapper* m_mapper;
    QHash<QString, QWidget*> m_editors;
    QList<QWidget*> m_order;
    QHash<QString, QLabel*> m_messages;
    QSet<QString> m_inUseRead; // coded columns whose values in use the pickers list already
    QHash<QString, QLabel*> m_readOnly; // audit columns
    int m_row = -1;
    QWidget* m_writing = nullptr; // the editor whose value is being written to the model
    QLineEdit* m_name = nullptr; // a campaign's name (no column: metadata's "name")
    QLabel* m_nameMessage = nullptr;
};

} // namespace agency::ui
