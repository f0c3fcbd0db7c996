// SPDX-License-Identifier: GPL-3.0-or-later
#include "helpdialogs.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeySequence>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace agency::ui {

namespace {
    QDialogButtonBox* closeButton(QDialog* dialog)
    {
        auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
        QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
        return buttons;
    }
}

ShortcutsDialog::ShortcutsDialog(const QList<QAction*>& actions, QWidget* parent)
    : QDialog(parent)
    , m_table(new QTableWidget(0, 2, this))
{
    setObjectName(QStringLiteral("shortcuts"));
    setWindowTitle(tr("Keyboard shortcuts"));
    m_table->setHorizontalHeaderLabels({ tr("Keys"), tr("What they do") });
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(true);
    m_table->horizontalHeader()->setStretchLastSection(true);
    const auto add = [this](const QString& keys, const QString& what) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem(keys));
        m_table->setItem(row, 1, new QTableWidgetItem(what));
    };
    for (const QAction* action : actions) {
        if (!action->shortcut().isEmpty() && !action->text().isEmpty())
            add(action->shortcut().toString(QKeySequence::NativeText), QString(action->text()).remove(u'&'));
    }
    const auto keys
        = [](QKeyCombination combination) { return QKeySequence(combination).toString(QKeySequence::NativeText); };
    add(keys(Qt::CTRL | Qt::Key_1) + QStringLiteral(" … ") + keys(Qt::CTRL | Qt::Key_6),
        tr("Dashboard, Clients, Campaigns, Channels, SLA tiers, Time"));
    add(tr("Tab / Shift+Tab"), tr("The next or previous field of a form, in the order it is filled in"));
    add(tr("Down (in the search box)"), tr("Into the results, at the first match; Down and Up move through them"));
    add(tr("Enter (on a child row)"), tr("Open a client's campaign or a campaign's channel on its own page"));
    add(tr("Enter, Right, Tab (in the KPI table)"),
        tr("Name a metric, then go on to its value; Tab from the value leaves the table"));
    add(tr("Right-click a column header"), tr("Show or hide columns"));
    add(keys(Qt::Key_F1), tr("This list"));
    m_table->resizeColumnToContents(0);
    m_table->resizeRowsToContents();
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addWidget(closeButton(this));
    resize(620, 480);
}

UserGuideDialog::UserGuideDialog(QWidget* parent)
    : QDialog(parent)
    , m_text(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("userGuide"));
    setWindowTitle(tr("User guide"));
    const QStringList sections {
        tr("<h2>Agency OS in five minutes</h2><p>Agency OS keeps your clients, their campaigns, the campaigns' "
           "channels, the SLA tiers and the hours worked for each client beside Plane's own data. Each has a page "
           "(Ctrl+1 to Ctrl+6): a table on the left, the selected row's form on the right.</p>"),
        tr("<h3>Finding a row</h3><p>Ctrl+F searches the page for what its table shows: names, types, notes, the "
           "client of a campaign. The first match is selected; Down goes into the results. Click a column header "
           "to sort by it.</p>"),
        tr("<h3>Editing</h3><p>Ctrl+N adds a row, Tab moves from field to field, Ctrl+S saves every page's edits. "
           "Nothing is lost by changing rows or pages; closing the window asks about unsaved edits. If someone "
           "else saved the same record first, you see both versions and choose.</p>"),
        tr("<h3>Money</h3><p>Amounts are typed as your language writes them and kept exactly, to the cent. A field "
           "left empty stays empty: it is not a zero.</p>"),
        tr("<h3>Budgets and the dashboard</h3><p>A campaign's channels share its budget by percentage or a fixed "
           "amount; the campaign's page shows the split, what is unallocated, and its KPIs against their targets. "
           "The dashboard (Ctrl+1) shows allocated, spent and remaining for the filter you choose, the campaigns "
           "that need attention, and writes the finance review as PDF or CSV.</p>"),
        tr("<h3>Files</h3><p>Ctrl+E exports the current view to CSV; Ctrl+I imports a CSV file, after a dry run "
           "that lists every problem by line. An import is all or nothing.</p>"),
        tr("<h3>Deleting</h3><p>Delete removes a row softly, with what belongs to it; Undo delete in the status bar "
           "or Ctrl+Z brings it back, and Ctrl+Shift+D shows deleted rows to restore them.</p>"),
    };
    m_text->setHtml(sections.join(QString()));
    m_text->setOpenExternalLinks(false);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
    layout->addWidget(closeButton(this));
    resize(640, 560);
}

} // namespace agency::ui
