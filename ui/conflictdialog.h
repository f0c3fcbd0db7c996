// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tables/agencytablemodel.h"

#include <QDialog>

class QTableWidget;

namespace agency::ui {

// Someone else saved this row first: both versions side by side, field by field, and the choice of keeping mine,
// taking theirs, or picking per field. Nothing is decided without the user.
class ConflictDialog : public QDialog {
    Q_OBJECT
public:
    enum class Choice { KeepMine, TakeTheirs, Merge, SaveAsNew };

    ConflictDialog(const tables::TableSpec& spec, const tables::Conflict& conflict, QWidget* parent = nullptr);

    Choice choice() const { return m_choice; }
    QStringList columnsFromTheirs() const; // for Merge: the fields where "theirs" was picked
    QTableWidget* table() const { return m_table; }
    void pickTheirs(const QString& column, bool theirs); // what a click in the "Use" column does

protected:
    void showEvent(QShowEvent* event) override;

private:
    QTableWidget* m_table;
    QStringList m_columns;
    Choice m_choice = Choice::KeepMine;
};

} // namespace agency::ui
