// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "export/tableimport.h"

#include <QDialog>
#include <QSqlDatabase>

class QLabel;
class QPushButton;
class QTableWidget;

namespace agency::ui {

// CSV import for one table: a dry run first that lists every bad row and field, then — only for a clean file —
// the import itself, all or nothing.
class ImportDialog : public QDialog {
    Q_OBJECT
public:
    ImportDialog(QSqlDatabase db, const QString& table, QWidget* parent = nullptr);

    bool loadFile(const QString& path); // reads the file and runs the dry run
    bool runImport(); // the real thing; true when it happened
    exporting::ImportReport report() const { return m_report; }
    QTableWidget* problems() const { return m_problems; }
    QPushButton* importButton() const { return m_import; }
    QString summary() const;

private:
    void showReport(bool done);

    QSqlDatabase m_db;
    QString m_table;
    QByteArray m_data;
    exporting::ImportReport m_report;
    QLabel* m_summary;
    QTableWidget* m_problems;
    QPushButton* m_import;
};

} // namespace agency::ui
