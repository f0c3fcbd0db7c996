// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QSqlDatabase>
#include <QString>

namespace agency::tables {
struct TableSpec;
}

namespace agency::exporting {

// Which row an imported campaign or channel belongs to when the file names its parent instead of giving its id: a
// campaign's client by `client_name`, a channel's campaign by `client_name` and `campaign_label` — the lookup columns
// the export writes beside the ids. Also refuses a parent that is deleted, however it was given.
class ParentLookup {
public:
    ParentLookup(const QSqlDatabase& db, const tables::TableSpec& spec);

    // Whether the table has a parent found this way (campaigns, channels).
    bool applies() const { return !m_parentColumn.isEmpty(); }
    QString parentColumn() const { return m_parentColumn; }
    // Whether the parent is named by a label besides its client's name (a channel's campaign).
    bool needsLabel() const;

    struct Found {
        QString id; // empty: not found, see problem
        QString problem; // for people: none, several (with the candidates), or deleted (with its name)
    };
    // The live parent named so; `campaignLabel` for a channel only.
    Found byName(const QString& clientName, const QString& campaignLabel);
    // Empty when `parentId` is a live row (or not one at all: the foreign key says so); else why it cannot take rows.
    QString deletedParent(const QString& parentId);

private:
    struct Candidate {
        QString id;
        QString described; // name and what tells it apart (legal name, start date) and its id
        bool deleted = false;
    };
    QList<Candidate> candidates(const QString& clientName, const QString& campaignLabel, QString* error);

    QSqlDatabase m_db;
    QString m_parentColumn;
    QString m_parentTable;
    QHash<QString, Found> m_found;
    QHash<QString, QString> m_deleted;
};

} // namespace agency::exporting
