// SPDX-License-Identifier: GPL-3.0-or-later
#include "importdialog.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QTableWidget>
#include <QVBoxLayout>

namespace agency::ui {

ImportDialog::ImportDialog(QSqlDatabase db, const QString& table, QWidget* parent)
    : QDialog(parent)
    , m_db(std::move(db))
    , m_table(table)
    , m_summary(new QLabel(this))
    , m_problems(new QTableWidget(0, 3, this))
    , m_import(new QPushButton(tr("Import"), this))
{
    setObjectName(QStringLiteral("importDialog"));
    setWindowTitle(tr("Import CSV into %1").arg(table.mid(7).replace(u'_', u' ')));
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    m_problems->setHorizontalHeaderLabels({ tr("Line"), tr("Field"), tr("Problem") });
    m_problems->horizontalHeader()->setStretchLastSection(true);
    m_problems->verticalHeader()->hide();
    m_problems->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto* choose = new QPushButton(tr("Choose file…"), this);
    m_import->setEnabled(false);
    m_import->setObjectName(QStringLiteral("import"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(choose, QDialogButtonBox::ActionRole);
    buttons->addButton(m_import, QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(choose, &QPushButton::clicked, this, [this]() {
        QSettings settings;
        const QString path = QFileDialog::getOpenFileName(this, windowTitle(),
            settings.value(QStringLiteral("export/folder")).toString(), tr("CSV files (*.csv *.tsv *.txt)"));
        if (!path.isEmpty())
            loadFile(path);
    });
    connect(m_import, &QPushButton::clicked, this, [this]() {
        if (runImport())
            accept();
    });
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(
        new QLabel(tr("Rows whose id exists update only what changed (refused if someone changed the row since "
                      "it was exported); other rows are added. Nothing is written unless every row is right."),
            this));
    layout->addWidget(m_summary);
    layout->addWidget(m_problems, 1);
    layout->addWidget(buttons);
    resize(720, 420);
}

bool ImportDialog::loadFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_summary->setText(tr("Cannot read %1: %2").arg(path, file.errorString()));
        m_import->setEnabled(false);
        return false;
    }
    m_data = file.readAll();
    m_report = exporting::TableImporter(m_db, m_table).dryRun(m_data);
    showReport(false);
    return m_report.ok();
}

bool ImportDialog::runImport()
{
    if (m_data.isEmpty())
        return false;
    m_report = exporting::TableImporter(m_db, m_table).import(m_data);
    showReport(true);
    return m_report.ok();
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
    QString text;
    if (!m_report.ok())
        text = tr("%n problem(s): nothing will be written until the file is corrected.", nullptr,
            static_cast<int>(m_report.problems.size()));
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
    if (!m_report.ignoredColumns.isEmpty())
        text += u' ' + tr("Columns not imported: %1.").arg(m_report.ignoredColumns.join(QStringLiteral(", ")));
    m_summary->setText(text);
    m_import->setEnabled(m_report.ok() && !done && m_report.inserts + m_report.updates > 0);
}

} // namespace agency::ui
