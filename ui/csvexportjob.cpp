// SPDX-License-Identifier: GPL-3.0-or-later
#include "csvexportjob.h"

#include "db/backgroundjob.h"
#include "db/database.h"
#include "jobprogress.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLocale>
#include <QPushButton>
#include <QSettings>

namespace agency::ui {

namespace {
    // What this file says to people, in lupdate's and the runtime's one context "CsvExportJob".
    struct Text {
        Q_DECLARE_TR_FUNCTIONS(CsvExportJob)
    };
}

namespace {
    // What a spreadsheet program in the user's language reads without asking, until they choose otherwise.
    exporting::CsvOptions localeDefaults()
    {
        return exporting::spreadsheetConventions(QLocale().name());
    }

    QString delimiterName(char delimiter)
    {
        return delimiter == ';' ? QStringLiteral("semicolon")
            : delimiter == '\t' ? QStringLiteral("tab")
                                : QStringLiteral("comma");
    }
}

exporting::CsvOptions rememberedCsvOptions()
{
    const QSettings settings;
    const exporting::CsvOptions defaults = localeDefaults();
    exporting::CsvOptions options;
    options.delimiter = exporting::CsvWriter::delimiterFromName(
        settings.value(QStringLiteral("export/delimiter"), delimiterName(defaults.delimiter)).toString())
                            .value_or(',');
    options.bom = settings.value(QStringLiteral("export/bom"), defaults.bom).toBool();
    options.decimalComma = settings.value(QStringLiteral("export/decimalComma"), defaults.decimalComma).toBool();
    options.formulaGuard = settings.value(QStringLiteral("export/formulaGuard"), true).toBool();
    return options;
}

bool askCsvOptions(QWidget* parent)
{
    QDialog dialog(parent);
    dialog.setWindowTitle(Text::tr("Export options"));
    QSettings settings;
    const exporting::CsvOptions now = rememberedCsvOptions();
    auto* delimiter = new QComboBox(&dialog);
    delimiter->setObjectName(QStringLiteral("exportDelimiter"));
    delimiter->addItem(Text::tr("Comma"), QStringLiteral("comma"));
    delimiter->addItem(Text::tr("Semicolon (spreadsheets in many European locales)"), QStringLiteral("semicolon"));
    delimiter->addItem(Text::tr("Tab"), QStringLiteral("tab"));
    delimiter->setCurrentIndex(std::max(0, delimiter->findData(delimiterName(now.delimiter))));
    auto* decimalComma = new QCheckBox(Text::tr("Decimal comma in amounts and percentages (1234,56)"), &dialog);
    decimalComma->setObjectName(QStringLiteral("exportDecimalComma"));
    decimalComma->setChecked(now.decimalComma);
    auto* bom = new QCheckBox(Text::tr("Byte-order mark (for spreadsheet programs)"), &dialog);
    bom->setObjectName(QStringLiteral("exportBom"));
    bom->setChecked(now.bom);
    // What a spreadsheet in the user's language reads as it is (a German Excel: semicolons, a decimal comma, a
    // byte-order mark), in one click.
    auto* conventions = new QPushButton(Text::tr("As my spreadsheet expects"), &dialog);
    conventions->setObjectName(QStringLiteral("exportConventions"));
    QObject::connect(conventions, &QPushButton::clicked, &dialog, [delimiter, decimalComma, bom]() {
        const exporting::CsvOptions defaults = localeDefaults();
        delimiter->setCurrentIndex(std::max(0, delimiter->findData(delimiterName(defaults.delimiter))));
        decimalComma->setChecked(defaults.decimalComma);
        bom->setChecked(defaults.bom);
    });
    auto* guard = new QCheckBox(Text::tr("Protect against formulas (prefix ' to text starting with = + - @)"), &dialog);
    guard->setChecked(settings.value(QStringLiteral("export/formulaGuard"), true).toBool());
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* form = new QFormLayout(&dialog);
    form->addRow(Text::tr("Separator"), delimiter);
    form->addRow(decimalComma);
    form->addRow(bom);
    form->addRow(conventions);
    form->addRow(guard);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    settings.setValue(QStringLiteral("export/delimiter"), delimiter->currentData());
    settings.setValue(QStringLiteral("export/bom"), bom->isChecked());
    settings.setValue(QStringLiteral("export/decimalComma"), decimalComma->isChecked());
    settings.setValue(QStringLiteral("export/formulaGuard"), guard->isChecked());
    return true;
}

void runCsvExport(QWidget* parent, const db::ConnectionString& where, const exporting::ExportRequest& request,
    const QString& path, std::function<void(const JobOutcome& outcome)> done)
{
    // Off the GUI thread, on a connection of its own (a streaming query must not share one). Cancel sets the job's
    // flag, which the exporter shares; the GUI never touches the exporter, which lives and dies on the worker.
    auto* job = new db::BackgroundJob(
        where, [request, path](QSqlDatabase db, const db::BackgroundJob::Progress& progress, QString* failure) {
            exporting::TableExporter exporter(db, progress.cancelFlag());
            exporter.setProgressHandler(
                [&progress](qint64 rows) { progress.report(rows, QObject::tr("Exported %L1 rows…").arg(rows)); });
            return exporting::exportToFile(exporter, request, path, failure);
        });
    runWithProgress(parent, Text::tr("Exporting %1…").arg(QFileInfo(path).fileName()), QStringLiteral("exportProgress"),
        job, std::move(done));
}

} // namespace agency::ui
