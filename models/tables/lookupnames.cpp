// SPDX-License-Identifier: GPL-3.0-or-later
#include "lookupnames.h"

#include "db/database.h"
#include "db/localecollation.h"
#include "db/sqlerror.h"
#include "domain/displaytext.h"
#include "domain/distinctnames.h"
#include "rowfilter.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace agency::tables {

LookupNames::LookupNames(QSqlDatabase db)
    : m_db(db)
    , m_plane(db)
{
}

void LookupNames::clear()
{
    m_cache.clear();
    m_stale.clear();
}

void LookupNames::markStale()
{
    for (auto it = m_cache.begin(); it != m_cache.end();) {
        if (it.key().startsWith(QStringLiteral("agency_"))) {
            m_stale.insert(it.key());
            ++it;
        } else {
            it = m_cache.erase(it); // Plane's names: asked again on first use
        }
    }
}

QString LookupNames::campaignSelect(const QString& source, bool plane)
{
    // Everything a label is made of, in one row: the Plane project's name, metadata, client, type, start.
    return QStringLiteral("SELECT x.id, x.plane_project_id, x.metadata, cl.client_name, x.campaign_type, x.start_date, "
                          "%1 FROM %2 x JOIN agency_clients cl ON cl.id = x.client_id %3")
        .arg(plane ? QStringLiteral("p.name") : QStringLiteral("NULL"), source,
            plane ? QStringLiteral(
                "LEFT JOIN projects p ON p.id::text = x.plane_project_id::text AND p.deleted_at IS NULL")
                  : QString());
}

void LookupNames::prefetch(const QString& table, const QList<QString>& ids)
{
    QStringList wanted;
    QSet<QString> seen;
    for (const QString& id : ids) {
        const QString key = table + u':' + id;
        if (id.isEmpty() || seen.contains(id) || (m_cache.contains(key) && !m_stale.contains(key)))
            continue;
        seen.insert(id);
        wanted << id;
    }
    const TableSpec* spec = specFor(table);
    if (!spec)
        return;
    const bool campaigns = isLabelled(*spec);
    const QString select = campaigns ? campaignSelect(table, m_plane.isAvailable()) : QString();
    constexpr qsizetype chunk = 500;
    for (qsizetype from = 0; from < wanted.size(); from += chunk) {
        const QStringList part = wanted.mid(from, chunk);
        QStringList marks;
        marks.fill(QStringLiteral("?"), part.size());
        QSqlQuery query(m_db);
        query.setForwardOnly(true);
        query.prepare(campaigns ? select + QStringLiteral(" WHERE x.id IN (%1)").arg(marks.join(u','))
                                : namedSelect(*spec, marks.join(u',')));
        for (int twice = campaigns ? 1 : 2; twice > 0; --twice) {
            for (const QString& id : part)
                query.addBindValue(id);
        }
        if (!query.exec()) {
            db::reportSqlError(
                QCoreApplication::translate("LookupNames", "Looking up names in %1").arg(table), query.lastError());
            return;
        }
        for (const QString& id : part) { // an id that is not there has no name, and is not asked for again
            m_cache.insert(table + u':' + id, QString());
            m_stale.remove(table + u':' + id);
        }
        if (!campaigns) {
            readNamed(query, table);
            continue;
        }
        while (query.next())
            m_cache.insert(
                table + u':' + query.value(0).toString(), campaignLabelOf(query, 1, query.value(6).toString()));
    }
}

QString LookupNames::namedSelect(const TableSpec& spec, const QString& marks)
{
    if (spec.detailColumn.isEmpty())
        return QStringLiteral("SELECT x.id, x.%1, NULL FROM %2 x WHERE x.id IN (%3) OR x.id IN (%3)")
            .arg(spec.nameColumn, spec.table, marks);
    return QStringLiteral("SELECT x.id, x.%1, x.%2 FROM %3 x WHERE x.id IN (%4) OR (x.deleted_at IS NULL AND "
                          "lower(x.%1) IN (SELECT lower(y.%1) FROM %3 y WHERE y.id IN (%4)))")
        .arg(spec.nameColumn, spec.detailColumn, spec.table, marks);
}

QList<LookupNames::Choice> LookupNames::readNamed(QSqlQuery& query, const QString& table)
{
    QList<domain::NamedRow> named;
    while (query.next())
        named.append({ query.value(0).toString(), query.value(1).toString(), query.value(2).toString(), {} });
    const QList<QString> names = domain::distinctNames(named);
    QList<Choice> list;
    for (qsizetype i = 0; i < named.size(); ++i) {
        const QString name = domain::isolatedForDisplay(names.at(i));
        list.append({ named.at(i).id, name });
        m_cache.insert(table + u':' + named.at(i).id, name); // the table's cells show the same names at once
        m_stale.remove(table + u':' + named.at(i).id);
    }
    return list;
}

QList<LookupNames::Choice> LookupNames::search(const QString& table, const QString& text, int limit)
{
    QList<Choice> list;
    const TableSpec* spec = specFor(table);
    if (!spec)
        return list;
    const bool campaigns = isLabelled(*spec);
    const bool plane = campaigns && m_plane.isAvailable();
    const bool postgres = db::dialectOf(m_db) == db::Dialect::PostgreSQL;
    // Every word must be in the name, or in one of the parts a label is made of: "nordlicht social" finds
    // Nordlicht's social campaigns.
    const QStringList parts = !campaigns
        ? QStringList { QStringLiteral("lower(x.%1)").arg(spec->nameColumn) }
        : QStringList { QStringLiteral("lower(cl.client_name)"), QStringLiteral("lower(x.campaign_type)"),
              postgres ? QStringLiteral("lower(x.metadata->>'name')")
                       : QStringLiteral("lower(json_extract(x.metadata, '$.name'))"),
              postgres ? QStringLiteral("to_char(x.start_date, 'YYYY-MM-DD')") : QStringLiteral("x.start_date"),
              plane ? QStringLiteral("lower(p.name)") : QString() };
    QStringList conditions { QStringLiteral("x.deleted_at IS NULL") };
    QStringList words;
    for (const QString& word : text.toLower().split(u' ', Qt::SkipEmptyParts)) {
        QStringList any;
        for (const QString& part : parts) {
            if (!part.isEmpty())
                any << part + QStringLiteral(" LIKE ? ESCAPE '!'");
        }
        conditions << u'(' + any.join(QStringLiteral(" OR ")) + u')';
        for (qsizetype i = 0; i < any.size(); ++i)
            words << u'%' + RowFilter::escapeLike(word) + u'%';
    }
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    const QString select = campaigns
        ? campaignSelect(table, plane)
        : QStringLiteral("SELECT x.id, x.%1, %2 FROM %3 x")
              .arg(spec->nameColumn,
                  spec->detailColumn.isEmpty() ? QStringLiteral("NULL") : QStringLiteral("x.") + spec->detailColumn,
                  table);
    query.prepare(select + QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "))
        + QStringLiteral(" ORDER BY %1 LIMIT %2").arg(pickerOrder(*spec)).arg(limit));
    for (const QString& word : words)
        query.addBindValue(word);
    if (!query.exec()) {
        db::reportSqlError(QCoreApplication::translate("LookupNames", "Finding %1").arg(table), query.lastError());
        return list;
    }
    return readChoices(query, table, campaigns);
}

QString LookupNames::campaignLabel(const QString& projectName, const QString& metadataJson, const QString& clientName,
    const QString& campaignType, const QString& startDate)
{
    if (!projectName.isEmpty())
        return projectName;
    const QJsonObject metadata = QJsonDocument::fromJson(metadataJson.toUtf8()).object();
    // Trimmed of ASCII white space only, exactly as the PostgreSQL export's btrim() does.
    QString name = metadata.value(QStringLiteral("name")).toString();
    static const QString blanks = QStringLiteral(" \t\n\r\f\v");
    while (!name.isEmpty() && blanks.contains(name.front()))
        name.remove(0, 1);
    while (!name.isEmpty() && blanks.contains(name.back()))
        name.chop(1);
    if (!name.isEmpty())
        return name;
    QStringList parts { clientName, campaignType };
    if (!startDate.isEmpty())
        parts << startDate;
    return parts.join(QStringLiteral(" · "));
}

QString LookupNames::pickerOrder(const TableSpec& spec) const
{
    // Names in the order of the reader's language, as the pages sort them.
    QString order = spec.pickerOrder;
    return order.replace(QStringLiteral("{collate}"), db::localeCollation(m_db));
}

QString LookupNames::nameExpression(
    const ColumnSpec& column, const QString& rowAlias, db::Dialect dialect, const QString& collate)
{
    const TableSpec* referenced = column.kind == ColumnKind::Reference ? specFor(column.references) : nullptr;
    if (!referenced)
        return {};
    if (isLabelled(*referenced))
        return QStringLiteral("(SELECT lower(%1) FROM %2 c JOIN agency_clients cl ON cl.id = c.client_id WHERE "
                              "c.id = %3.%4)%5")
            .arg(labelSql(dialect), referenced->table, rowAlias, column.name, collate);
    return QStringLiteral("(SELECT lower(%1) FROM %2 WHERE id = %3.%4)%5")
        .arg(referenced->nameColumn, referenced->table, rowAlias, column.name, collate);
}

QString LookupNames::nameTable(const ColumnSpec& column, db::Dialect dialect, const QString& collate)
{
    const TableSpec* referenced = column.kind == ColumnKind::Reference ? specFor(column.references) : nullptr;
    if (!referenced)
        return {};
    if (isLabelled(*referenced))
        return QStringLiteral(
            "SELECT c.id AS key_id, lower(%1)%3 AS sort_key FROM %2 c JOIN agency_clients cl ON cl.id = "
            "c.client_id")
            .arg(labelSql(dialect), referenced->table, collate);
    return QStringLiteral("SELECT id AS key_id, lower(%1)%3 AS sort_key FROM %2")
        .arg(referenced->nameColumn, referenced->table, collate);
}

QString LookupNames::jsonNameSql(const QString& json, db::Dialect dialect)
{
    // Its "name" when that is a text, trimmed of ASCII white space; NULL when there is none.
    return dialect == db::Dialect::PostgreSQL
        ? QStringLiteral("NULLIF(btrim(CASE WHEN jsonb_typeof(%1->'name') = 'string' THEN %1->>'name' END, "
                         "E' \\t\\n\\r\\f\\v'), '')")
              .arg(json)
        : QStringLiteral("NULLIF(trim(CASE WHEN json_type(%1, '$.name') = 'text' THEN json_extract(%1, '$.name') END, "
                         "' ' || char(9, 10, 13, 12, 11)), '')")
              .arg(json);
}

QString LookupNames::labelSql(db::Dialect dialect, const QString& projectName)
{
    // metadata's name, else "client · type · start".
    const QString label = dialect == db::Dialect::PostgreSQL
        ? QStringLiteral("COALESCE(%1, cl.client_name || ' · ' || c.campaign_type || COALESCE(' · ' || "
                         "to_char(c.start_date, 'YYYY-MM-DD'), ''))")
              .arg(jsonNameSql(QStringLiteral("c.metadata"), dialect))
        : QStringLiteral("COALESCE(%1, cl.client_name || ' · ' || c.campaign_type || COALESCE(' · ' || c.start_date, "
                         "''))")
              .arg(jsonNameSql(QStringLiteral("c.metadata"), dialect));
    return projectName.isEmpty() ? label : QStringLiteral("COALESCE(%1, %2)").arg(projectName, label);
}

QString LookupNames::nameMatches(
    const ColumnSpec& column, const QString& likePattern, db::Dialect dialect, const QString& rowAlias)
{
    const TableSpec* referenced = column.kind == ColumnKind::Reference ? specFor(column.references) : nullptr;
    if (!referenced)
        return {};
    const QString like = QStringLiteral(" LIKE %1 ESCAPE '!'").arg(likePattern);
    const bool labelled = isLabelled(*referenced);
    const QString from = labelled
        ? QStringLiteral("%1 c JOIN agency_clients cl ON cl.id = c.client_id").arg(referenced->table)
        : QStringLiteral("%1 c").arg(referenced->table);
    // The label as shown (metadata's name, else client · type · start), and its client; else the name.
    const QString matches = labelled
        ? QStringLiteral("lower(%1)%2 OR lower(cl.client_name)%2 OR lower(c.campaign_type)%2")
              .arg(labelSql(dialect), like)
        : QStringLiteral("lower(c.%1)%2").arg(referenced->nameColumn, like);
    // The one referenced row's name, looked up: a cost per row tested, not per row named. (A scalar subquery:
    // PostgreSQL would turn EXISTS into a set of every match worked out first.)
    if (!rowAlias.isEmpty())
        return QStringLiteral("(SELECT %4 FROM %1 WHERE c.id = %2.%3)").arg(from, rowAlias, column.name, matches);
    // PostgreSQL: the ids as an array worked out once, which the column's index can look up beside the search index
    // (a BitmapOr); "IN (subquery)" would be a per-row test that turns the whole search into a scan of the table.
    const QString in
        = dialect == db::Dialect::PostgreSQL ? QStringLiteral("%1 = ANY (ARRAY(%2))") : QStringLiteral("%1 IN (%2)");
    return in.arg(column.name, QStringLiteral("SELECT c.id FROM %1 WHERE %2").arg(from, matches));
}

QString LookupNames::name(const QString& table, const QString& id)
{
    if (id.isEmpty())
        return {};
    return cached(table + u':' + id, [&]() { return lookUp(table, id); });
}

QString LookupNames::cached(const QString& key, const std::function<QString()>& find)
{
    if (const auto it = m_cache.constFind(key); it != m_cache.cend())
        return *it; // a stale name too: shown until prefetch() reads it again with its page
    QString found = find();
    m_cache.insert(key, found);
    return found;
}

QString LookupNames::workspaceName(const QString& id)
{
    if (id.isEmpty() || !m_plane.isAvailable())
        return {};
    return cached(QStringLiteral("workspaces:") + id, [&]() {
        const auto workspace = m_plane.workspace(id);
        return workspace ? workspace->name : QString();
    });
}

QString LookupNames::projectName(const QString& id)
{
    if (id.isEmpty() || !m_plane.isAvailable())
        return {};
    // Said as it stands in Plane: archived, deleted, or in a deleted workspace (a deleted project is not a missing
    // one).
    return cached(QStringLiteral("projects:") + id, [&]() {
        const auto project = m_plane.projectInfo(id);
        if (!project)
            return QString();
        switch (project->state) {
        case plane::ReferenceState::Archived:
            return QCoreApplication::translate("LookupNames", "%1 (archived in Plane)").arg(project->name);
        case plane::ReferenceState::Deleted:
            return QCoreApplication::translate("LookupNames", "%1 (deleted in Plane)").arg(project->name);
        case plane::ReferenceState::WorkspaceDeleted:
            return QCoreApplication::translate("LookupNames", "%1 (its Plane workspace is deleted)").arg(project->name);
        default:
            return project->name;
        }
    });
}

QString LookupNames::lookUp(const QString& table, const QString& id)
{
    const TableSpec* spec = specFor(table);
    if (!spec)
        return {};
    QSqlQuery query(m_db);
    const bool labelled = isLabelled(*spec);
    query.prepare(labelled ? campaignSelect(table, false) + QStringLiteral(" WHERE x.id = ?")
                           : namedSelect(*spec, QStringLiteral("?")));
    query.addBindValue(id);
    if (!labelled)
        query.addBindValue(id);
    if (!query.exec()) {
        db::reportSqlError(
            QCoreApplication::translate("LookupNames", "Looking up a name in %1").arg(table), query.lastError());
        return {};
    }
    if (!labelled) {
        for (const Choice& choice : readNamed(query, table)) {
            if (choice.id == id)
                return choice.name;
        }
        return {};
    }
    if (!query.next())
        return {};
    // The label as labelSql() makes it (pickers and sorting agree on it): a live or archived project's plain name.
    const auto project = query.value(1).toString().isEmpty() || !m_plane.isAvailable()
        ? std::nullopt
        : m_plane.project(query.value(1).toString());
    return campaignLabelOf(query, 1, project ? project->name : QString());
}

QList<LookupNames::Choice> LookupNames::readChoices(QSqlQuery& query, const QString& table, bool labelled)
{
    if (!labelled)
        return readNamed(query, table);
    QList<Choice> list;
    while (query.next()) {
        const QString id = query.value(0).toString();
        const QString name = campaignLabelOf(query, 1, query.value(6).toString());
        list.append({ id, name });
        m_cache.insert(table + u':' + id, name); // the table's cells show the same names without asking again
        m_stale.remove(table + u':' + id);
    }
    return list;
}

QString LookupNames::campaignLabelOf(const QSqlQuery& query, int first, const QString& projectName)
{
    const QVariant start = query.value(first + 4);
    // For people: the client's name cannot turn the rest of the label around, nor the label what is beside it.
    return domain::isolatedForDisplay(campaignLabel(projectName, query.value(first + 1).toString(),
        domain::isolatedForDisplay(query.value(first + 2).toString()), query.value(first + 3).toString(),
        start.metaType().id() == QMetaType::QDate ? start.toDate().toString(Qt::ISODate) : start.toString()));
}

} // namespace agency::tables

namespace agency::tables {

QList<LookupNames::Choice> LookupNames::choices(const QString& table, const QString& clientId)
{
    QList<Choice> list;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    const TableSpec* spec = specFor(table);
    if (!spec)
        return list;
    const bool campaigns = isLabelled(*spec);
    const QString ofClient = clientId.isEmpty() ? QString() : QStringLiteral(" AND client_id = ?");
    if (campaigns) {
        // The newest (a picker is no place for a hundred thousand campaigns: search() finds the others as a person
        // types), with everything their labels are made of, in one query.
        query.prepare(
            campaignSelect(QStringLiteral("(SELECT x.id, x.plane_project_id, x.metadata, x.client_id, x.campaign_type, "
                                          "x.start_date FROM %1 x WHERE deleted_at IS NULL%2 ORDER BY %3 LIMIT %4)")
                               .arg(table, ofClient, pickerOrder(*spec))
                               .arg(spec->pickerLimit),
                m_plane.isAvailable())
            + QStringLiteral(" ORDER BY ") + pickerOrder(*spec));
    } else {
        query.prepare(
            QStringLiteral("SELECT x.id, x.%1, %2 FROM %3 x WHERE deleted_at IS NULL%4 ORDER BY %5")
                .arg(spec->nameColumn,
                    spec->detailColumn.isEmpty() ? QStringLiteral("NULL") : QStringLiteral("x.") + spec->detailColumn,
                    table, ofClient, pickerOrder(*spec)));
    }
    if (!clientId.isEmpty())
        query.addBindValue(clientId);
    if (!query.exec()) {
        db::reportSqlError(
            QCoreApplication::translate("LookupNames", "Listing %1 to choose from").arg(table), query.lastError());
        return list;
    }
    return readChoices(query, table, campaigns);
}

} // namespace agency::tables

namespace agency::tables {

QString LookupNames::workspaceOfClient(const QString& clientId)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT plane_workspace_id FROM agency_clients WHERE id = ?"));
    query.addBindValue(clientId);
    if (!query.exec()) {
        db::reportSqlError(
            QCoreApplication::translate("LookupNames", "Reading the client's Plane workspace"), query.lastError());
        return {};
    }
    return query.next() ? query.value(0).toString() : QString();
}

} // namespace agency::tables
