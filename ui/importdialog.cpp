// SPDX-License-Identifier: GPL-3.0-or-later
#include "importdialog.h"

#include "db/backgroundjob.h"
#include "domain/displaytext.h"
#include "export/sheetreader.h"
#include "filedialogs.h"
#include "tables/tablespec.h"
#include "valuetext.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QTableWidget>
#include <QVBoxLayout>

namespace agency::ui {

ImportDialog::ImportDialog(db::ConnectionString where, const QString& table, QWidget* parent)
    : QDialog(parent)
    , m_where(std::move(where))
    , m_table(table)
    , m_summary(new QLabel(this))
    , m_changes(new QTableWidget(0, 4, this))
    , m_problems(new QTableWidget(0, 3, this))
    , m_busy(new QProgressBar(this))
    , m_choose(new QPushButton(tr("Choose file…"), this))
    , m_import(new QPushButton(tr("Import"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
{
    setObjectName(QStringLiteral("importDialog"));
    setWindowTitle(tr("Import CSV into %1").arg(table.mid(7).replace(u'_', u' ')));
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    m_problems->setHorizontalHeaderLabels({ tr("Line"), tr("Field"), tr("Problem") });
    m_problems->horizontalHeader()->setStretchLastSection(true);
    m_problems->verticalHeader()->hide();
    m_problems->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_changes->setObjectName(QStringLiteral("changes"));
    m_changes->setHorizontalHeaderLabels({ tr("Line"), tr("Field"), tr("Now"), tr("After the import") });
    m_changes->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_changes->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_changes->verticalHeader()->hide();
    m_changes->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_changes->setWordWrap(true);
    m_changes->hide();
    m_busy->setRange(0, 0); // busy: how many lines a file has is not known before it is read
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(8);
    m_busy->hide();
    m_import->setEnabled(false);
    m_import->setObjectName(QStringLiteral("import"));
    m_cancel->setObjectName(QStringLiteral("cancel"));
    m_choose->setObjectName(QStringLiteral("choose"));
    m_cancel->setEnabled(false);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_choose, QDialogButtonBox::ActionRole);
    buttons->addButton(m_cancel, QDialogButtonBox::ActionRole);
    buttons->addButton(m_import, QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &ImportDialog::reject);
    connect(m_cancel, &QPushButton::clicked, this, &ImportDialog::cancel);
    connect(m_choose, &QPushButton::clicked, this, [this]() {
        QSettings settings;
        const QString path
            = chooseFileToOpen(this, windowTitle(), settings.value(QStringLiteral("export/folder")).toString(),
                tr("CSV files and workbooks (*.csv *.tsv *.txt *.xlsx)"));
        if (!path.isEmpty())
            loadFile(path);
    });
    connect(m_import, &QPushButton::clicked, this, &ImportDialog::startImport);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(
        new QLabel(tr("Rows whose id exists update only what changed (refused if someone changed the row since "
                      "it was exported); other rows are added. Nothing is written unless every row is right."),
            this));
    layout->addWidget(m_summary);
    layout->addWidget(m_busy);
    layout->addWidget(m_problems, 1);
    layout->addWidget(m_changes, 1);
    layout->addWidget(buttons);
    resize(720, 420);
}

ImportDialog::~ImportDialog() = default; // a run under way is cancelled and waited for (BackgroundJob)

bool ImportDialog::loadFile(const QString& path)
{
    if (isBusy())
        return false;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_summary->setText(tr("Cannot read %1: %2").arg(path, file.errorString()));
        m_import->setEnabled(false);
        return false;
    }
    m_path = path; // read as it is checked, and again as it is imported: never held whole
    run(false);
    return true;
}

bool ImportDialog::startImport()
{
    if (isBusy() || m_path.isEmpty() || !m_report.ok())
        return false;
    run(true);
    return true;
}

void ImportDialog::cancel()
{
    if (m_job)
        m_job->cancel();
}

void ImportDialog::reject()
{
    m_job.reset(); // cancels and waits for the thread (the importer stops within 200 lines): nothing is written
    QDialog::reject();
}

void ImportDialog::run(bool commit)
{
    auto result = std::make_shared<exporting::ImportReport>();
    m_job = std::make_unique<db::BackgroundJob>(m_where,
        [result, table = m_table, path = m_path, commit](
            QSqlDatabase db, const db::BackgroundJob::Progress& progress, QString* error) {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly)) {
                *error = ImportDialog::tr("Cannot read %1: %2").arg(path, file.errorString());
                return false;
            }
            exporting::ImportSource source; // a workbook is read as its first sheet's CSV
            if (!source.open(&file, error))
                return false;
            exporting::TableImporter importer(db, table);
            importer.setDelimiter(source.delimiter());
            importer.setProgress([&progress](int line) {
                progress.report(line, {});
                return !progress.isCancelled();
            });
            *result = commit ? importer.import(source.device()) : importer.dryRun(source.device());
            return true;
        });
    connect(m_job.get(), &db::BackgroundJob::progressed, this, [this, commit](qint64 line) {
        m_summary->setText(commit ? tr("Importing… line %1").arg(line) : tr("Checking… line %1").arg(line));
    });
    connect(m_job.get(), &db::BackgroundJob::finished, this, [this, result, commit](bool ok, const QString& error) {
        if (!ok) { // no connection, or cancelled before the first row
            result->cancelled = m_job->wasCancelled();
            result->problems = { { 0, {}, result->cancelled ? tr("cancelled: nothing was written") : error } };
        }
        m_job.release()->deleteLater(); // its thread has ended; not deleted inside its own signal
        if (commit && result->cancelled) { // the file stays as checked: it may be imported again
            setBusy(false);
            showReport(false);
            m_summary->setText(tr("Import cancelled: nothing was written.") + u' ' + m_summary->text());
            Q_EMIT runFinished();
            return;
        }
        m_report = *result;
        setBusy(false);
        showReport(commit);
        Q_EMIT runFinished();
        if (commit && m_report.ok())
            accept();
    });
    setBusy(true);
    m_summary->setText(commit ? tr("Importing…") : tr("Checking…"));
    m_job->start();
}

void ImportDialog::setBusy(bool busy)
{
    m_busy->setVisible(busy);
    m_cancel->setEnabled(busy);
    m_choose->setEnabled(!busy);
    if (busy)
        m_import->setEnabled(false);
}

QString ImportDialog::summary() const
{
    return m_summary->text();
}

void ImportDialog::showReport(bool done)
{
    m_problems->setRowCount(0);
    for (const auto& problem : std::as_const(m_report.problems)) {
        const int row = m_problems->rowCount();
        m_problems->insertRow(row);
        m_problems->setItem(row, 0, new QTableWidgetItem(problem.line > 0 ? QString::number(problem.line) : QString()));
        m_problems->setItem(row, 1, new QTableWidgetItem(problem.column));
        m_problems->setItem(row, 2, new QTableWidgetItem(problem.message));
    }
    // What a clean dry run would change, field by field: the value now and after the import.
    m_changes->setRowCount(0);
    const tables::TableSpec* spec = tables::specFor(m_table);
    const bool listChanges = m_report.ok() && !done && !m_report.cancelled && spec && !m_report.changes.isEmpty();
    if (listChanges) {
        m_changes->setRowCount(static_cast<int>(m_report.changes.size()));
        int row = 0;
        for (const auto& change : std::as_const(m_report.changes)) {
            const tables::ColumnSpec* column = spec->column(change.column);
            m_changes->setItem(row, 0, new QTableWidgetItem(QString::number(change.line)));
            m_changes->setItem(row, 1, new QTableWidgetItem(tables::columnLabel(change.column)));
            m_changes->setItem(
                row, 2, new QTableWidgetItem(column ? valueText(*column, change.before) : change.before.toString()));
            m_changes->setItem(
                row, 3, new QTableWidgetItem(column ? valueText(*column, change.after) : change.after.toString()));
            ++row;
        }
    }
    m_changes->setVisible(listChanges);
    m_problems->setVisible(!listChanges);
    QString text;
    if (m_report.cancelled)
        text = tr("Check cancelled: choose the file again.");
    else if (!m_report.ok())
        text = tr("%n problem(s): nothing will be written until the file is corrected.", nullptr,
            static_cast<int>(m_report.problemCount()));
    else if (done)
        text = tr("Imported: %1 added, %2 updated, %3 unchanged.")
                   .arg(m_report.inserts)
                   .arg(m_report.updates)
                   .arg(m_report.unchanged);
    else
        text = tr("Ready: %1 to add, %2 to update, %3 unchanged.")
                   .arg(m_report.inserts)
                   .arg(m_report.updates)
                   .arg(m_report.unchanged);
    if (listChanges)
        text += u' '
            + tr("%n field(s) would change, listed below.", nullptr,
                static_cast<int>(m_report.changes.size() + m_report.changesLeftOut));
    if (m_report.changesLeftOut > 0)
        text += u' ' + tr("(The first %1 are listed.)").arg(m_report.changes.size());
    if (!m_report.ignoredColumns.isEmpty())
        text += u' ' + tr("Columns not imported: %1.").arg(domain::shortList(m_report.ignoredColumns));
    m_summary->setText(text);
    m_import->setEnabled(m_report.ok() && !done && m_report.inserts + m_report.updates > 0);
}

} // namespace agency::ui
