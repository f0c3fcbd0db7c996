// SPDX-License-Identifier: GPL-3.0-or-later
#include "csvexportjob.h"

#include "db/backgroundjob.h"
#include "db/database.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QProgressDialog>
#include <QSettings>

namespace agency::ui {

namespace {
    QString tr(const char* text)
    {
        return QCoreApplication::translate("CsvExportJob", text);
    }
}

exporting::CsvOptions rememberedCsvOptions()
{
    const QSettings settings;
    exporting::CsvOptions options;
    options.delimiter = exporting::CsvWriter::delimiterFromName(
        settings.value(QStringLiteral("export/delimiter"), QStringLiteral("comma")).toString())
                            .value_or(',');
    options.bom = settings.value(QStringLiteral("export/bom"), false).toBool();
    options.formulaGuard = settings.value(QStringLiteral("export/formulaGuard"), true).toBool();
    return options;
}

bool askCsvOptions(QWidget* parent)
{
    QDialog dialog(parent);
    dialog.setWindowTitle(tr("Export options"));
    QSettings settings;
    auto* delimiter = new QComboBox(&dialog);
    delimiter->addItem(tr("Comma"), QStringLiteral("comma"));
    delimiter->addItem(tr("Semicolon (spreadsheets in many European locales)"), QStringLiteral("semicolon"));
    delimiter->addItem(tr("Tab"), QStringLiteral("tab"));
    delimiter->setCurrentIndex(
        std::max(0, delimiter->findData(settings.value(QStringLiteral("export/delimiter"), QStringLiteral("comma")))));
    auto* bom = new QCheckBox(tr("Byte-order mark (for spreadsheet programs)"), &dialog);
    bom->setChecked(settings.value(QStringLiteral("export/bom"), false).toBool());
    auto* guard = new QCheckBox(tr("Protect against formulas (prefix ' to text starting with = + - @)"), &dialog);
    guard->setChecked(settings.value(QStringLiteral("export/formulaGuard"), true).toBool());
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* form = new QFormLayout(&dialog);
    form->addRow(tr("Separator"), delimiter);
    form->addRow(bom);
    form->addRow(guard);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    settings.setValue(QStringLiteral("export/delimiter"), delimiter->currentData());
    settings.setValue(QStringLiteral("export/bom"), bom->isChecked());
    settings.setValue(QStringLiteral("export/formulaGuard"), guard->isChecked());
    return true;
}

bool runCsvExport(QWidget* parent, const db::ConnectionString& where, const exporting::ExportRequest& request,
    const QString& path, QString* error)
{
    QProgressDialog progress(tr("Exporting %1…").arg(QFileInfo(path).fileName()), tr("Cancel"), 0, 0, parent);
    progress.setObjectName(QStringLiteral("exportProgress"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);

    // Off the GUI thread, on a connection of its own (a streaming query must not share one). Cancel sets the job's
    // flag, which the exporter shares; the GUI never touches the exporter, which lives and dies on the worker.
    db::BackgroundJob job(
        where, [&request, &path](QSqlDatabase db, const db::BackgroundJob::Progress& progress, QString* failure) {
            exporting::TableExporter exporter(db, progress.cancelFlag());
            exporter.setProgressHandler(
                [&progress](qint64 rows) { progress.report(rows, QObject::tr("Exported %L1 rows…").arg(rows)); });
            return exporting::exportToFile(exporter, request, path, failure);
        });
    QObject::connect(&job, &db::BackgroundJob::progressed, &progress,
        [&progress](qint64, const QString& text) { progress.setLabelText(text); });
    QObject::connect(&progress, &QProgressDialog::canceled, &job, &db::BackgroundJob::cancel);
    QString failure;
    QObject::connect(&job, &db::BackgroundJob::finished, &job, [&failure](bool, const QString& why) { failure = why; });
    const bool ok = job.wait();
    progress.close();
    if (!ok && error)
        *error = failure;
    return ok;
}

} // namespace agency::ui
