// SPDX-License-Identifier: GPL-3.0-or-later
#include "conflictdialog.h"

#include "valuetext.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace agency::ui {

namespace {
    // With what the other change was made, after the name ("by lena in psql"), or nothing for the window.
    QString sourceText(const QString& source)
    {
        if (source == QStringLiteral("cli-import"))
            return ConflictDialog::tr(" (an import on the command line)");
        if (source == QStringLiteral("other"))
            return ConflictDialog::tr(" (outside Agency OS)");
        return {};
    }
}

ConflictDialog::ConflictDialog(const tables::TableSpec& spec, const tables::Conflict& conflict, QWidget* parent)
    : QDialog(parent)
    , m_table(new QTableWidget(0, 5, this))
{
    setObjectName(QStringLiteral("conflictDialog"));
    setWindowTitle(tr("Changed on another desktop"));
    const QDateTime when = conflict.theirs.value(tables::stampColumn()).toDateTime().toLocalTime();
    const bool gone = conflict.deletedElsewhere && conflict.theirs.isEmpty(); // purged: nothing to save over
    auto* intro = new QLabel(gone
            ? tr("This record was <b>removed</b> from the database on another desktop after you started editing; your "
                 "other edits were saved. Save your version as a new record, or discard it.")
            : conflict.deletedElsewhere
            ? tr("This record was <b>deleted</b> on another desktop after you started editing. Keep your version to "
                 "save your values anyway, or let it go.")
            : conflict.changedBy.isEmpty()
            ? tr("This record was changed on another desktop at <b>%1</b>, after you opened it. Your edits are kept "
                 "until you choose: compare the versions below.")
                  .arg(QLocale().toString(when, QLocale::ShortFormat))
            : tr("This record was changed by <b>%2</b>%3 at <b>%1</b>, after you opened it. Your edits are kept "
                 "until you choose: compare the versions below.")
                  .arg(QLocale().toString(when, QLocale::ShortFormat), conflict.changedBy.toHtmlEscaped(),
                      sourceText(conflict.changedVia)),
        this);
    intro->setWordWrap(true);

    m_table->setHorizontalHeaderLabels(
        { tr("Field"), tr("When you opened it"), tr("Yours"), tr("Theirs (now)"), tr("Use") });
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    if (gone) { // nothing of theirs to show or to pick from: only what I changed
        m_table->setColumnHidden(3, true);
        m_table->setColumnHidden(4, true);
    }
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Every version whole: long text wraps in its cell (never cut short with "…"), rows as tall as they need, and the
    // table scrolls smoothly past a tall one; each cell's tooltip holds its whole text too.
    m_table->setWordWrap(true);
    m_table->setTextElideMode(Qt::ElideNone);
    m_table->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    for (const tables::ColumnSpec& column : spec.columns) {
        const bool mine = conflict.columns.contains(column.name);
        const bool theirs = conflict.changedByThem.contains(column.name);
        if ((!mine && !theirs) || (gone && !mine))
            continue;
        if (column.name == tables::stampColumn() || column.name == tables::createdColumn())
            continue;
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_columns << column.name;
        m_table->setItem(row, 0, new QTableWidgetItem(tables::columnLabel(column.name)));
        m_table->setItem(row, 1, new QTableWidgetItem(valueText(column, conflict.original.value(column.name))));
        m_table->setItem(row, 2,
            new QTableWidgetItem(mine ? valueText(column, conflict.mine.value(column.name)) : tr("(not edited)")));
        m_table->setItem(row, 3, new QTableWidgetItem(valueText(column, conflict.theirs.value(column.name))));
        for (int c = 1; c < 4; ++c)
            m_table->item(row, c)->setToolTip(m_table->item(row, c)->text());
        auto* use = new QComboBox(m_table);
        use->addItem(tr("Yours"), false);
        use->addItem(tr("Theirs"), true);
        use->setCurrentIndex(mine ? 0 : 1); // a field only they changed keeps their value by default
        use->setEnabled(mine && !conflict.deletedElsewhere);
        m_table->setCellWidget(row, 4, use);
        if (mine && theirs) { // both changed it: the row to look at
            for (int c = 0; c < 4; ++c) {
                QFont font = m_table->item(row, c)->font();
                font.setBold(true);
                m_table->item(row, c)->setFont(font);
            }
        }
    }

    auto* buttons = new QDialogButtonBox(this);
    auto addChoice = [this, buttons](const QString& text, const char* name, Choice choice) {
        auto* button = buttons->addButton(text, QDialogButtonBox::AcceptRole);
        button->setObjectName(QString::fromLatin1(name));
        connect(button, &QPushButton::clicked, this, [this, choice]() {
            m_choice = choice;
            accept();
        });
        return button;
    };
    if (gone) { // no version of theirs to keep mine over, merge with or take
        addChoice(tr("Save mine as a new row"), "saveAsNew", Choice::SaveAsNew);
        addChoice(tr("Discard mine"), "takeTheirs", Choice::TakeTheirs);
    } else {
        addChoice(tr("Keep all mine"), "keepMine", Choice::KeepMine);
        addChoice(tr("Take theirs"), "takeTheirs", Choice::TakeTheirs);
        addChoice(tr("Use my choices"), "merge", Choice::Merge)->setEnabled(!conflict.deletedElsewhere);
    }
    auto* later = buttons->addButton(tr("Decide later"), QDialogButtonBox::RejectRole);
    later->setObjectName(QStringLiteral("later"));
    connect(later, &QPushButton::clicked, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(760, 360);
    // Rows fitted to their wrapped text once the columns have their widths, and again whenever those change.
    connect(m_table->horizontalHeader(), &QHeaderView::sectionResized, m_table, &QTableWidget::resizeRowsToContents);
}

void ConflictDialog::showEvent(QShowEvent* event)
{
    QDialog::showEvent(event);
    m_table->resizeRowsToContents();
}

void ConflictDialog::pickTheirs(const QString& column, bool theirs)
{
    const int row = static_cast<int>(m_columns.indexOf(column));
    if (auto* use = row >= 0 ? qobject_cast<QComboBox*>(m_table->cellWidget(row, 4)) : nullptr)
        use->setCurrentIndex(theirs ? 1 : 0);
}

QStringList ConflictDialog::columnsFromTheirs() const
{
    QStringList columns;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const auto* use = qobject_cast<QComboBox*>(m_table->cellWidget(row, 4));
        if (use && use->currentData().toBool() && use->isEnabled())
            columns << m_columns.at(row);
    }
    return columns;
}

} // namespace agency::ui
