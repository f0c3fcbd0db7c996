// SPDX-License-Identifier: GPL-3.0-or-later
// TablePage's editing: new rows, saving with the doubts asked and the conflicts resolved, reverting, deleting and
// restoring, and what is said when another desktop changed a row.
#include "conflictdialog.h"
#include "deletedrowdelegate.h"
#include "domain/displaytext.h"
#include "historypanel.h"
#include "historytext.h"
#include "plainmessage.h"
#include "recordform.h"
#include "tablepage.h"
#include "tables/columnvalues.h"
#include "tables/softdeletion.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QSqlRecord>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace agency::ui {

bool TablePage::newRecord()
{
    const QVariantMap defaults = m_newRowDefaults ? m_newRowDefaults() : QVariantMap();
    const int row = m_model->insertNewRow();
    if (row < 0) {
        Q_EMIT message(m_model->isReadOnly() ? tr("This database is open read-only") : tr("Could not add a row"));
        return false;
    }
    m_currentId = m_model->idAt(row);
    for (auto it = defaults.cbegin(); it != defaults.cend(); ++it)
        m_model->setData(m_model->index(row, m_model->fieldIndex(it.key())), it.value());
    selectRow(row);
    m_form->focusFirstField(); // straight into its name
    return true;
}

QString TablePage::announce(const QList<tables::OutsideChange>& changes)
{
    QStringList parts;
    bool aboutEdits = false;
    for (const tables::OutsideChange& change : changes) {
        const QString name = change.name.isEmpty() ? tr("A row") : change.name;
        const QString when = change.at.isValid()
            ? tr("at %1").arg(QLocale().toString(change.at.toLocalTime().time(), QLocale::ShortFormat))
            : tr("just now");
        aboutEdits = aboutEdits || change.edited;
        if (change.deleted && change.edited)
            parts << tr("“%1” was deleted on another desktop %2 while you were editing it. Your edits are kept: Save "
                        "asks what to do with them, Discard lets them go.")
                         .arg(name, when);
        else if (change.deleted)
            parts << tr("“%1” was deleted on another desktop %2 (Show deleted lists it; Restore brings it back).")
                         .arg(name, when);
        else if (change.edited)
            parts << tr("“%1” was changed on another desktop %2 while you were editing it. Its fields show their "
                        "values with your edits over them; Save asks which to keep where you both changed a field.")
                         .arg(name, when);
        else
            parts << tr("“%1” was changed on another desktop %2: the form shows the new values.").arg(name, when);
    }
    if (parts.size() > 3) {
        const int more = static_cast<int>(parts.size()) - 2;
        parts.resize(2);
        parts << tr("%n more row(s) here were changed on another desktop.", nullptr, more);
    }
    QString text = parts.join(u' ');
    if (text.isEmpty())
        return text;
    m_noticeText->setText(text);
    m_noticeAboutEdits = aboutEdits;
    m_showAll->setVisible(!m_model->onlyRows().isEmpty());
    m_notice->show();
    return text;
}

void TablePage::showRights()
{
    const auto& rights = m_model->rights();
    QString text;
    if (m_model->isReadOnly() && !rights.known) {
        text = tr("Read-only: your database role's rights on this table could not be checked.");
    } else if (m_model->isReadOnly()) {
        text = rights.mayUpdateAll() || rights.insert
            ? tr("Read-only: this database is open read-only, nothing here can be changed.")
            : tr("Read-only: your database role may look at these rows but not change them. An administrator can "
                 "grant it the right (INSERT, UPDATE).");
    } else if (!rights.mayUpdateAll()) {
        QStringList names;
        for (const tables::ColumnSpec& column : m_model->spec().columns) {
            if (rights.updatable.contains(column.name) && rights.readable.contains(column.name)
                && column.kind != tables::ColumnKind::Uuid && !tables::isAuditColumn(column.name))
                names << tables::columnLabel(column.name);
        }
        text = names.isEmpty() ? tr("Your database role may add rows here but not change saved ones.")
                               : tr("Your database role may change only: %1; the other fields are read-only.")
                                     .arg(names.join(QStringLiteral(", ")));
        if (!rights.insert)
            text += u' ' + tr("It may not add rows.");
    } else if (!rights.insert) {
        text = tr("Your database role may change these rows but not add new ones.");
    }
    // What it may not even read is not shown anywhere: not in the table, the form, the charts or an export.
    QStringList hidden;
    for (const tables::ColumnSpec& column : m_model->spec().columns) {
        if (rights.hidden().contains(column.name))
            hidden << tables::columnLabel(column.name);
    }
    if (!hidden.isEmpty()) {
        text += (text.isEmpty() ? QString() : QStringLiteral(" "))
            + tr("Some columns are hidden: your database role may not read %1.").arg(hidden.join(QStringLiteral(", ")));
    }
    m_rightsBanner->setText(text);
    m_rightsBanner->setVisible(!text.isEmpty());
}

bool TablePage::confirmDoubts()
{
    // Figures the rules allow but a person rarely means, asked about once each, with the figure.
    QStringList asked;
    QStringList keys;
    for (const tables::Doubt& doubt : m_model->doubts()) {
        const QString key = doubt.id + u'\x1f' + doubt.column + u'\x1f' + doubt.value.toString();
        if (m_doubtsAnswered.contains(key))
            continue;
        keys << key;
        const QString name = m_model->rowName(doubt.id);
        asked << (name.isEmpty() ? doubt.message : QStringLiteral("%1: %2").arg(name, doubt.message));
    }
    if (asked.isEmpty())
        return true;
    QMessageBox box(QMessageBox::Question, tr("Save these figures?"), tr("Before saving, is this what you meant?"),
        QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("doubtsPrompt"));
    box.setInformativeText(asked.join(u'\n'));
    makePlain(box);
    QPushButton* save = box.addButton(tr("Save anyway"), QMessageBox::AcceptRole);
    save->setObjectName(QStringLiteral("saveAnyway"));
    QPushButton* back = box.addButton(tr("Go back and correct"), QMessageBox::RejectRole);
    back->setObjectName(QStringLiteral("goBack"));
    box.setDefaultButton(back);
    box.exec();
    if (box.clickedButton() != save) {
        Q_EMIT message(tr("Not saved: correct the figure, or save again and confirm it"));
        return false;
    }
    for (const QString& key : std::as_const(keys))
        m_doubtsAnswered.insert(key);
    return true;
}

bool TablePage::save()
{
    if (!confirmDoubts())
        return false;
    if (m_model->save()) {
        Q_EMIT message(tr("Saved"));
        Q_EMIT saved();
        return true;
    }
    m_form->refreshProblems();
    m_view->viewport()->update();
    Q_EMIT message(m_model->lastMessage());
    return false;
}

void TablePage::toggleHistory()
{
    const bool toHistory = m_sideTabs->currentWidget() != m_history;
    m_sideTabs->setCurrentWidget(toHistory ? static_cast<QWidget*>(m_history) : m_sideTabs->widget(0));
    if (toHistory)
        m_history->list()->setFocus();
    else
        m_form->focusFirstField();
}

bool TablePage::revertFromHistory(const QString& id, qint64 changeId, const QVariantMap& values)
{
    if (id.isEmpty() || values.isEmpty())
        return false;
    // A field changed again after this change: say by whom, when and to what, and ask before putting it back. The
    // record's changes since this one, read once, oldest first: the last that touched a field is what it is now.
    history::ChangeFilter later;
    later.table = m_model->tableName();
    later.rowId = id;
    later.afterId = changeId;
    later.oldestFirst = true;
    later.limit = 0;
    QList<history::Change> changes;
    QString error;
    if (!history::readChanges(m_model->database(), later, &changes, &error)) {
        Q_EMIT message(error);
        return false;
    }
    QStringList since;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        for (qsizetype i = changes.size() - 1; i >= 0; --i) { // the newest that touched it
            const history::Change& change = changes.at(i);
            const history::FieldChange* field = change.field(it.key());
            if (!field)
                continue;
            since << tr("%1 is now %2 (changed by %3, %4)")
                         .arg(tables::columnLabel(it.key()),
                             historyValueText(m_model->tableName(), it.key(), field->after), whoText(change),
                             domain::instantText(change.at));
            break;
        }
    }
    if (!since.isEmpty()) {
        QMessageBox box(QMessageBox::Question, tr("Changed again since"),
            tr("Since this change, the record was changed again:"), QMessageBox::NoButton, this);
        box.setObjectName(QStringLiteral("revertSinceQuestion"));
        box.setInformativeText(since.join(u'\n') + QStringLiteral("\n\n") + tr("Put the older value back anyway?"));
        makePlain(box);
        QPushButton* anyway = box.addButton(tr("Revert anyway"), QMessageBox::AcceptRole);
        box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(anyway);
        box.exec();
        if (box.clickedButton() != anyway)
            return false;
    }
    if (m_model->findRow(id) < 0 && !showRecord(id))
        return false;
    const int row = m_model->findRow(id);
    if (row < 0)
        return false;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        const int column = m_model->fieldIndex(it.key());
        const tables::ColumnSpec* spec = m_model->spec().column(it.key());
        if (column < 0 || !spec)
            continue; // a column this role may not see stays as it is
        if (!m_model->setData(m_model->index(row, column), tables::fromStorage(*spec, it.value()))) {
            Q_EMIT message(m_model->lastMessage());
            return false;
        }
    }
    m_form->setCurrentRow(row); // the form shows what is put back, and says so at a field the save refuses
    return save();
}

void TablePage::resolveConflicts()
{
    const auto conflicts = m_model->conflicts();
    bool saveAgain = false;
    for (const auto& conflict : conflicts) {
        ConflictDialog dialog(m_model->spec(), conflict, this);
        if (dialog.exec() != QDialog::Accepted)
            continue; // left open: the edits stay, Save will ask again
        switch (dialog.choice()) {
        case ConflictDialog::Choice::KeepMine:
            saveAgain = m_model->keepMine(conflict.id) || saveAgain;
            break;
        case ConflictDialog::Choice::TakeTheirs:
            m_model->takeTheirs(conflict.id);
            break;
        case ConflictDialog::Choice::Merge:
            saveAgain = m_model->merge(conflict.id, dialog.columnsFromTheirs()) || saveAgain;
            break;
        case ConflictDialog::Choice::SaveAsNew:
            saveAgain = m_model->saveMineAsNew(conflict.id) || saveAgain;
            break;
        }
    }
    if (saveAgain)
        save();
    else
        m_form->setCurrentRow(m_currentId.isEmpty() ? -1 : m_model->rowOfId(m_currentId));
}

void TablePage::revert()
{
    const int row = m_currentId.isEmpty() ? -1 : m_model->rowOfId(m_currentId);
    if (row < 0)
        return;
    m_model->revertRow(row);
    selectRow(m_model->rowOfId(m_currentId));
    Q_EMIT message(tr("Changes to this row were reverted"));
}

bool TablePage::deleteSelected()
{
    const QStringList ids = selectedIds();
    if (ids.isEmpty())
        return false;
    // One row by its name as shown (typed or read), else by its label; several by their number.
    QString description = ids.size() == 1 ? m_model->rowName(ids.constFirst()) : QString();
    if (description.isEmpty())
        description = tr("%n row(s)", nullptr, static_cast<int>(ids.size()));
    // What goes with it (a client's campaigns and their channels) is said first, and asked about.
    QString error;
    const auto taken = tables::whatDeleteTakes(m_model->database(), m_model->tableName(), ids, &error);
    QStringList parts;
    for (const auto& [table, count] : taken)
        parts << tables::rowCountText(*tables::specFor(table), count);
    if (!parts.isEmpty()) {
        const QString last = parts.takeLast();
        description = parts.isEmpty()
            ? tr("%1 with %2").arg(description, last)
            : tr("%1 with %2 and %3").arg(description, parts.join(QStringLiteral(", ")), last);
        QMessageBox ask(
            QMessageBox::Question, tr("Delete"), tr("Delete %1?").arg(description), QMessageBox::NoButton, this);
        ask.setObjectName(QStringLiteral("confirmDelete"));
        ask.setInformativeText(tr("Undo (Ctrl+Z) or Restore brings them back."));
        makePlain(ask);
        QPushButton* yes = ask.addButton(tr("Delete"), QMessageBox::DestructiveRole);
        ask.addButton(QMessageBox::Cancel);
        ask.setDefaultButton(yes);
        ask.exec();
        if (ask.clickedButton() != yes)
            return false;
    }
    if (!m_model->softDelete(ids)) {
        Q_EMIT message(m_model->lastMessage());
        return false;
    }
    Q_EMIT deleted(m_model->tableName(), ids, description);
    return true;
}

bool TablePage::restoreSelected()
{
    const QStringList ids = selectedIds();
    if (ids.isEmpty() || !m_model->restore(ids)) {
        Q_EMIT message(ids.isEmpty() ? tr("Select a deleted row to restore") : m_model->lastMessage());
        return false;
    }
    Q_EMIT message(tr("Restored"));
    return true;
}

} // namespace agency::ui
