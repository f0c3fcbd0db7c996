// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <functional>

namespace agency::tables {

class AgencyTableModel;

// The unsaved edits of one window across its tables, and its last delete: saved parents first (so that a new
// client's campaign and the campaign's channels go in, in that order, with one Save), discarded together, and the
// delete undone by table name. No widgets: the window asks it and shows what it says.
class EditSession {
public:
    explicit EditSession(QList<AgencyTableModel*> parentsFirst);

    bool hasUnsavedChanges() const;
    // Saves every table with pending edits, parents first, through `save` (a page's own save, which shows what went
    // wrong), and stops at the first that fails: that table's model, or null when everything was saved.
    AgencyTableModel* saveAll(const std::function<bool(AgencyTableModel*)>& save) const;
    void discardAll() const;
    // The unsaved edits of every table, by table (EditJournal::toBytes()), and taking such edits back: each into its
    // table's model. Returns how many rows came back; a table unknown here or whose edits cannot be read is named in
    // `error`, and its edits stay out.
    QMap<QString, QByteArray> unsavedEdits() const;
    int adoptEdits(const QMap<QString, QByteArray>& edits, QString* error) const;

    // The rows a delete took, for Undo; a newer delete replaces an older one.
    void rememberDelete(const QString& table, const QStringList& ids);
    bool canUndo() const { return !m_deletedIds.isEmpty(); }
    QStringList undoable() const { return m_deletedIds; }
    QString undoableTable() const { return m_deletedTable; }
    // Restores them (once): false, with the model's reason in `error`, when that is refused.
    bool undoDelete(QString* error);
    void forgetDelete();

private:
    AgencyTableModel* modelOf(const QString& table) const;

    QList<AgencyTableModel*> m_models;
    QString m_deletedTable;
    QStringList m_deletedIds;
};

} // namespace agency::tables
