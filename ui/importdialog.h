// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "db/connectionstring.h"
#include "export/tableimport.h"

#include <QDialog>
#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace agency::db {
class BackgroundJob;
}

namespace agency::ui {

// CSV import for one table: a dry run first that lists every bad row and field, then — only for a clean file —
// the import itself, all or nothing. Both run in the background on a connection of their own (db::BackgroundJob),
// with a busy bar, the line reached, and Cancel, which stops the run with nothing written; the dialog accepts once
// the import has been written.
class ImportDialog : public QDialog {
    Q_OBJECT
public:
    ImportDialog(db::ConnectionString where, const QString& table, QWidget* parent = nullptr);
    ~ImportDialog() override;
    ImportDialog(const ImportDialog&) = delete;
    ImportDialog& operator=(const ImportDialog&) = delete;

    // Reads the file and starts the dry run; false when the file cannot be read.
    bool loadFile(const QString& path);
    // Starts the import of a file whose dry run was clean; false when there is nothing to import.
    bool startImport();
    bool isBusy() const { return m_job != nullptr; }
    void cancel(); // stops the run under way: nothing is written
    exporting::ImportReport report() const { return m_report; }
    QTableWidget* problems() const { return m_problems; }
    // After a clean dry run: each field each updated row would change, its line, the value now and after the import.
    QTableWidget* changes() const { return m_changes; }
    QPushButton* importButton() const { return m_import; }
    QPushButton* cancelButton() const { return m_cancel; }
    QString summary() const;

    void reject() override; // Close or Escape while a run is under way: stops it first

Q_SIGNALS:
    void runFinished(); // a dry run or an import ended (done, refused, failed or cancelled)

private:
    void run(bool commit);
    void setBusy(bool busy);
    void showReport(bool done);

    db::ConnectionString m_where;
    QString m_table;
    QString m_path; // the file chosen
    exporting::ImportReport m_report;
    std::unique_ptr<db::BackgroundJob> m_job;
    QLabel* m_summary;
    QTableWidget* m_changes;
    QTableWidget* m_problems;
    QProgressBar* m_busy;
    QPushButton* m_choose;
    QPushButton* m_import;
    QPushButton* m_cancel;
};

} // namespace agency::ui
