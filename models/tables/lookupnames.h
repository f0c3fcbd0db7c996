// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "db/database.h"
#include "plane/planedirectory.h"
#include "tablespec.h"

#include <QHash>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <functional>

namespace agency::tables {

// Names where a person expects them instead of UUIDs: tier, client, campaign label, Plane workspace and project.
// Read a page at a time by prefetch() (one query for the names a page of rows shows), a list at a time by choices()
// and search(), or one id at a time on first use otherwise, and cached. After a save or another desktop's change
// markStale() keeps them on screen but has prefetch() read them again with the rows that show them.
class LookupNames {
public:
    explicit LookupNames(QSqlDatabase db);

    QString name(const QString& table, const QString& id); // agency_sla_tiers, agency_clients, agency_campaigns
    QString workspaceName(const QString& id);
    QString projectName(const QString& id);
    const plane::PlaneDirectory& plane() const { return m_plane; }
    void clear();
    // Keeps every agency name for display, to be read again the next time prefetch() is asked for it; forgets Plane's.
    void markStale();
    // Reads, in one query per 500 ids, the names of `ids` in `table` that are not cached or are stale.
    void prefetch(const QString& table, const QList<QString>& ids);

    struct Choice {
        QString id;
        QString name;
    };
    // Live rows of a referenced table, by name, for pickers: tiers, clients, or campaigns (optionally of one client).
    QList<Choice> choices(const QString& table, const QString& clientId = {});
    // Type-ahead on the server for a picker: live campaigns whose client, type, metadata name, start date or Plane
    // project contain every word of `text`, newest first, at most `limit`; one query, whatever the table's size.
    QList<Choice> search(const QString& table, const QString& text, int limit = 50);
    // The Plane workspace a client is linked to (empty when none): a campaign's project comes from it.
    QString workspaceOfClient(const QString& clientId);

    // SQL for the name a reference column shows, lower-cased, for sorting by what people see: a correlated subquery
    // on the row `rowAlias` (the table's own name in a model's query, the export's alias in its own). A campaign
    // sorts by its label as labelSql() makes it (without Plane's project names). Empty for a column that shows no
    // looked-up name. `collate`: the order people read it in (db::localeCollation()), or empty for byte order.
    static QString nameExpression(
        const ColumnSpec& column, const QString& rowAlias, db::Dialect dialect, const QString& collate = {});
    // SQL of a table of the names `column` shows, one row per referenced row: key_id (its id) and sort_key (the name
    // as nameExpression() makes it, for the same order). Empty when the column shows no name.
    // The spec's picker order on this connection (its {collate} made the reader's language's order).
    QString pickerOrder(const TableSpec& spec) const;
    static QString nameTable(const ColumnSpec& column, db::Dialect dialect, const QString& collate = {});
    // SQL for a campaign's label over the campaign `c` and its client `cl`, as campaignLabel() makes it;
    // `projectName`: an expression for the Plane project's name, or empty when there is none.
    static QString labelSql(db::Dialect dialect, const QString& projectName = {});
    // The "name" kept in the JSON object `json` (an SQL expression), trimmed; NULL when it has none.
    static QString jsonNameSql(const QString& json, db::Dialect dialect);
    // SQL true when the name a reference column shows contains `likePattern` (a formatted, lower-case LIKE literal
    // with backslash escapes), for searching what people see. Empty when the column shows no searchable name.
    // With `rowAlias`: as a test of each row of `rowAlias` (its one referenced row looked up), for a bounded walk
    // over some rows; without: the ids that match worked out once, for the column's index to look up.
    static QString nameMatches(
        const ColumnSpec& column, const QString& likePattern, db::Dialect dialect, const QString& rowAlias = {});

    // A campaign has no name column: the Plane project's name, else metadata.name, else "client · type · start".
    static QString campaignLabel(const QString& projectName, const QString& metadataJson, const QString& clientName,
        const QString& campaignType, const QString& startDate);

    // A table whose rows have no name column but a label made of parts (campaigns).
    static bool isLabelled(const TableSpec& spec) { return spec.nameColumn.isEmpty(); }

private:
    QString lookUp(const QString& table, const QString& id);
    // The label from a row holding plane_project_id, metadata, client_name, campaign_type, start_date from `first`.
    static QString campaignLabelOf(const QSqlQuery& query, int first, const QString& projectName);
    QString cached(const QString& key, const std::function<QString()>& find);
    // (id, name or label) of each row of `query` (as campaignSelect() reads a labelled table), cached.
    QList<Choice> readChoices(QSqlQuery& query, const QString& table, bool labelled);
    // SELECT id, plane_project_id, metadata, client_name, campaign_type, start_date, project name FROM `source` x …
    static QString campaignSelect(const QString& source, bool plane);
    // A named table's rows of `ids` (as marks: "?, ?") and every live row named as one of them, as (id, name,
    // detail): what domain::distinctNames needs to tell twins apart. Bind the ids twice.
    static QString namedSelect(const TableSpec& spec, const QString& marks);
    // The names to show for a named table's rows read as (id, name, detail), in their order, twins told apart
    // (domain::distinctNames), cached.
    QList<Choice> readNamed(QSqlQuery& query, const QString& table);

    QSqlDatabase m_db;
    plane::PlaneDirectory m_plane;
    QHash<QString, QString> m_cache; // "table:id" → name
    QSet<QString> m_stale; // keys of m_cache to read again with their page
};

} // namespace agency::tables
