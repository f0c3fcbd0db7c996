// SPDX-License-Identifier: GPL-3.0-or-later
#include "historypanel.h"

#include "domain/displaytext.h"
#include "historytext.h"
#include "tables/tablespec.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace agency::ui {

namespace {
    constexpr int kChangeRole = Qt::UserRole; // the change's index in m_changes
    constexpr int kColumnRole = Qt::UserRole + 1; // a field's column (empty on a change's own line)
}

HistoryPanel::HistoryPanel(QSqlDatabase db, QString table, QWidget* parent)
    : QWidget(parent)
    , m_db(db)
    , m_names(db)
    , m_table(std::move(table))
    , m_status(new QLabel(this))
    , m_list(new QTreeWidget(this))
    , m_revertField(new QPushButton(tr("Revert this field"), this))
    , m_revertChange(new QPushButton(tr("Revert this change"), this))
{
    setObjectName(QStringLiteral("history"));
    m_status->setObjectName(QStringLiteral("historyStatus"));
    m_status->setWordWrap(true);
    m_list->setObjectName(QStringLiteral("historyList"));
    m_list->setColumnCount(3);
    m_list->setHeaderLabels({ tr("When"), tr("Who"), tr("What") });
    m_list->setRootIsDecorated(true);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_list->setAccessibleName(tr("History of this record"));
    m_revertField->setObjectName(QStringLiteral("revertField"));
    m_revertField->setToolTip(tr("Put the selected field back to its value before this change, and save"));
    m_revertChange->setObjectName(QStringLiteral("revertChange"));
    m_revertChange->setToolTip(tr("Put every field of the selected change back to its value before it, and save"));

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_revertField);
    buttons->addWidget(m_revertChange);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_status);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);

    connect(m_list, &QTreeWidget::currentItemChanged, this, &HistoryPanel::updateButtons);
    connect(m_revertField, &QPushButton::clicked, this, [this]() { revert(false); });
    connect(m_revertChange, &QPushButton::clicked, this, [this]() { revert(true); });
    updateButtons();
}

void HistoryPanel::setRecord(const QString& id)
{
    if (id == m_id)
        return;
    m_id = id;
    m_stale = true;
    if (isVisible())
        load();
}

void HistoryPanel::reload()
{
    m_stale = true;
    if (isVisible())
        load();
}

void HistoryPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_stale || m_loadedId != m_id)
        load();
}

void HistoryPanel::load()
{
    m_stale = false;
    m_loadedId = m_id;
    m_list->clear();
    m_changes.clear();
    m_names.markStale(); // a client renamed since shows its name now
    if (m_id.isEmpty()) {
        m_status->setText(tr("Select a record to see its history."));
        updateButtons();
        return;
    }
    history::ChangeFilter filter;
    filter.table = m_table;
    filter.rowId = m_id;
    filter.limit = 500;
    QString error;
    if (!history::isAvailable(m_db)) {
        m_status->setText(tr("This database keeps no history you may read (it needs migration 0008, and on a "
                             "server SELECT on agency_change_log)."));
        updateButtons();
        return;
    }
    if (!history::readChanges(m_db, filter, &m_changes, &error)) {
        m_status->setText(error);
        updateButtons();
        return;
    }
    m_status->setText(m_changes.isEmpty()      ? tr("No changes recorded for this record.")
            : m_changes.size() == filter.limit ? tr("The newest %1 changes, newest first.").arg(filter.limit)
                                               : tr("%n change(s), newest first.", nullptr, int(m_changes.size())));
    for (qsizetype i = 0; i < m_changes.size(); ++i) {
        const history::Change& change = m_changes.at(i);
        QStringList labels;
        for (const history::FieldChange& field : change.fields)
            labels << tables::columnLabel(field.column);
        auto* item = new QTreeWidgetItem(m_list,
            { domain::instantText(change.at), whoText(change),
                change.operation == QStringLiteral("update")
                    ? tr("%1: %2").arg(operationText(change.operation), labels.join(QStringLiteral(", ")))
                    : operationText(change.operation) });
        item->setData(0, kChangeRole, qlonglong(i));
        item->setToolTip(0, change.at.toLocalTime().toString(Qt::ISODateWithMs));
        item->setToolTip(1, item->text(1));
        item->setToolTip(2, item->text(2));
        for (const history::FieldChange& field : change.fields) {
            if (field.column == tables::deletedColumn())
                continue; // said by the change's own line (Deleted, Restored)
            // One line per field across the columns: "Budget: 5,000.00 → 5,250.50", the whole of it in its tooltip.
            auto* line = new QTreeWidgetItem(item,
                { tr("%1: %2 → %3")
                        .arg(tables::columnLabel(field.column),
                            historyValueText(m_table, field.column, field.before, &m_names).simplified(),
                            historyValueText(m_table, field.column, field.after, &m_names).simplified()) });
            line->setFirstColumnSpanned(true);
            line->setData(0, kChangeRole, qlonglong(i));
            line->setData(0, kColumnRole, field.column);
            line->setData(0, Qt::AccessibleTextRole, line->text(0));
            line->setToolTip(0,
                tr("%1\nBefore: %2\nAfter: %3")
                    .arg(tables::columnLabel(field.column),
                        historyValueText(m_table, field.column, field.before, &m_names),
                        historyValueText(m_table, field.column, field.after, &m_names)));
        }
    }
    m_list->expandAll();
    m_list->resizeColumnToContents(0);
    m_list->resizeColumnToContents(1);
    if (m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    updateButtons();
}

const history::Change* HistoryPanel::selectedChange(QString* column) const
{
    const QTreeWidgetItem* item = m_list->currentItem();
    if (!item)
        return nullptr;
    const qsizetype index = item->data(0, kChangeRole).toLongLong();
    if (index < 0 || index >= m_changes.size())
        return nullptr;
    if (column)
        *column = item->data(0, kColumnRole).toString();
    return &m_changes.at(index);
}

void HistoryPanel::updateButtons()
{
    QString column;
    const history::Change* change = selectedChange(&column);
    // What an edit can put back: the fields an update changed (a creation or a deletion is undone by Delete and
    // Restore, which say what they do to the rows below).
    const bool update = change && change->operation == QStringLiteral("update");
    m_revertField->setEnabled(update && !column.isEmpty());
    m_revertChange->setEnabled(update);
}

void HistoryPanel::revert(bool wholeChange)
{
    QString column;
    const history::Change* change = selectedChange(&column);
    if (!change || change->operation != QStringLiteral("update"))
        return;
    QVariantMap values;
    for (const history::FieldChange& field : change->fields) {
        if (field.column == tables::deletedColumn())
            continue;
        if (wholeChange || field.column == column)
            values.insert(field.column, field.before);
    }
    if (!values.isEmpty())
        Q_EMIT revertRequested(m_id, change->id, values);
}

} // namespace agency::ui
