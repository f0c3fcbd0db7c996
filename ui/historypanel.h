// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "history/changelog.h"
#include "tables/lookupnames.h"

#include <QSqlDatabase>
#include <QVariantMap>
#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace agency::ui {

// One record's history beside its form: every change, newest first (when, who, and per field the value before and
// after, as the form shows them), with Revert for one field or a whole change. Read when shown, and again after a
// save; a revert is asked of the page (revertRequested), which puts the old values in as edits and saves them.
class HistoryPanel : public QWidget {
    Q_OBJECT
public:
    HistoryPanel(QSqlDatabase db, QString table, QWidget* parent = nullptr);

    void setRecord(const QString& id); // empty: nothing selected
    void reload(); // read again (after a save), when shown
    QTreeWidget* list() const { return m_list; }
    QPushButton* revertFieldButton() const { return m_revertField; }
    QPushButton* revertChangeButton() const { return m_revertChange; }
    const QList<history::Change>& changes() const { return m_changes; }

Q_SIGNALS:
    // Put these stored values back in record `id`, as the change `changeId` had them before it.
    void revertRequested(const QString& id, qint64 changeId, const QVariantMap& values);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void load();
    void updateButtons();
    void revert(bool wholeChange);
    const history::Change* selectedChange(QString* column) const;

    QSqlDatabase m_db;
    tables::LookupNames m_names; // a reference's value by the name of what it points to
    QString m_table;
    QString m_id;
    QString m_loadedId;
    bool m_stale = true;
    QList<history::Change> m_changes;
    QLabel* m_status;
    QTreeWidget* m_list;
    QPushButton* m_revertField;
    QPushButton* m_revertChange;
};

} // namespace agency::ui
