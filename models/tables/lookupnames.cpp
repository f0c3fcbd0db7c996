// SPDX-License-Identifier: GPL-3.0-or-later
#include "lookupnames.h"

#include "db/database.h"
#include "db/sqlerror.h"

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
    const bool campaigns = table == QStringLiteral("agency_campaigns");
    QString select;
    if (table == QStringLiteral("agency_sla_tiers"))
        select = QStringLiteral("SELECT id, name FROM agency_sla_tiers x");
    else if (table == QStringLiteral("agency_clients"))
        select = QStringLiteral("SELECT id, client_name FROM agency_clients x");
    else if (campaigns)
        select = campaignSelect(QStringLiteral("agency_campaigns"), m_plane.isAvailable());
    else
        return;
    constexpr qsizetype chunk = 500;
    for (qsizetype from = 0; from < wanted.size(); from += chunk) {
        const QStringList part = wanted.mid(from, chunk);
        QStringList marks;
        marks.fill(QStringLiteral("?"), part.size());
        QSqlQuery query(m_db);
        query.setForwardOnly(true);
        query.prepare(select + QStringLiteral(" WHERE x.id IN (%1)").arg(marks.join(u',')));
        for (const QString& id : part)
            query.addBindValue(id);
        if (!query.exec()) {
            db::reportSqlError(
                QCoreApplication::translate("LookupNames", "Looking up names in %1").arg(table), query.lastError());
            return;
        }
        for (const QString& id : part) { // an id that is not there has no name, and is not asked for again
            m_cache.insert(table + u':' + id, QString());
            m_stale.remove(table + u':' + id);
        }
        while (query.next())
            m_cache.insert(table + u':' + query.value(0).toString(),
                campaigns ? campaignLabelOf(query, 1, query.value(6).toString()) : query.value(1).toString());
    }
}

QList<LookupNames::Choice> LookupNames::search(const QString& table, const QString& text, int limit)
{
    QList<Choice> list;
    if (table != QStringLiteral("agency_campaigns"))
        return list;
    const bool plane = m_plane.isAvailable();
    const bool postgres = db::dialectOf(m_db) == db::Dialect::PostgreSQL;
    // Every word must be in one of the parts a label is made of: "nordlicht social" finds Nordlicht's social ones.
    const QStringList parts { QStringLiteral("lower(cl.client_name)"), QStringLiteral("lower(x.campaign_type)"),
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
                any << part + QStringLiteral(" LIKE ? ESCAPE '\\'");
        }
        conditions << u'(' + any.join(QStringLiteral(" OR ")) + u')';
        QString escaped = word;
        escaped.replace(u'\\', QStringLiteral("\\\\"))
            .replace(u'%', QStringLiteral("\\%"))
            .replace(u'_', QStringLiteral("\\_"));
        for (qsizetype i = 0; i < any.size(); ++i)
            words << u'%' + escaped + u'%';
    }
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(campaignSelect(QStringLiteral("agency_campaigns"), plane) + QStringLiteral(" WHERE ")
        + conditions.join(QStringLiteral(" AND "))
        + QStringLiteral(" ORDER BY x.start_date DESC, x.id LIMIT %1").arg(limit));
    for (const QString& word : words)
        query.addBindValue(word);
    if (!query.exec()) {
        db::reportSqlError(QCoreApplication::translate("LookupNames", "Finding %1").arg(table), query.lastError());
        return list;
    }
    while (query.next()) {
        const QString id = query.value(0).toString();
        const QString name = campaignLabelOf(query, 1, query.value(6).toString());
        list.append({ id, name });
        m_cache.insert(table + u':' + id, name);
        m_stale.remove(table + u':' + id);
    }
    return list;
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

QString LookupNames::nameExpression(const ColumnSpec& column, const QString& rowAlias)
{
    if (column.references == QStringLiteral("agency_clients"))
        return QStringLiteral("(SELECT lower(client_name) FROM agency_clients WHERE id = %1.%2)")
            .arg(rowAlias, column.name);
    if (column.references == QStringLiteral("agency_sla_tiers"))
        return QStringLiteral("(SELECT lower(name) FROM agency_sla_tiers WHERE id = %1.%2)").arg(rowAlias, column.name);
    return {};
}

QString LookupNames::nameMatches(const ColumnSpec& column, const QString& likePattern)
{
    const QString like = QStringLiteral(" LIKE %1 ESCAPE '\\'").arg(likePattern);
    if (column.references == QStringLiteral("agency_clients"))
        return QStringLiteral("%1 IN (SELECT id FROM agency_clients WHERE lower(client_name)%2)")
            .arg(column.name, like);
    if (column.references == QStringLiteral("agency_sla_tiers"))
        return QStringLiteral("%1 IN (SELECT id FROM agency_sla_tiers WHERE lower(name)%2)").arg(column.name, like);
    if (column.references == QStringLiteral("agency_campaigns")) // the label's client part, and metadata's name
        return QStringLiteral(
            "%1 IN (SELECT c.id FROM agency_campaigns c JOIN agency_clients cl ON cl.id = c.client_id "
            "WHERE lower(cl.client_name)%2 OR lower(c.campaign_type)%2)")
            .arg(column.name, like);
    return {};
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
    return cached(QStringLiteral("projects:") + id, [&]() {
        const auto project = m_plane.project(id);
        return project ? project->name : QString();
    });
}

QString LookupNames::lookUp(const QString& table, const QString& id)
{
    QSqlQuery query(m_db);
    if (table == QStringLiteral("agency_sla_tiers"))
        query.prepare(QStringLiteral("SELECT name FROM agency_sla_tiers WHERE id = ?"));
    else if (table == QStringLiteral("agency_clients"))
        query.prepare(QStringLiteral("SELECT client_name FROM agency_clients WHERE id = ?"));
    else if (table == QStringLiteral("agency_campaign_channels"))
        query.prepare(QStringLiteral("SELECT channel_type FROM agency_campaign_channels WHERE id = ?"));
    else if (table == QStringLiteral("agency_campaigns"))
        query.prepare(
            QStringLiteral("SELECT c.plane_project_id, c.metadata, cl.client_name, c.campaign_type, c.start_date "
                           "FROM agency_campaigns c JOIN agency_clients cl ON cl.id = c.client_id WHERE c.id = ?"));
    else
        return {};
    query.addBindValue(id);
    if (!query.exec()) {
        db::reportSqlError(
            QCoreApplication::translate("LookupNames", "Looking up a name in %1").arg(table), query.lastError());
        return {};
    }
    if (!query.next())
        return {};
    if (table != QStringLiteral("agency_campaigns"))
        return query.value(0).toString();
    return campaignLabelOf(query, 0, projectName(query.value(0).toString()));
}

QString LookupNames::campaignLabelOf(const QSqlQuery& query, int first, const QString& projectName)
{
    const QVariant start = query.value(first + 4);
    return campaignLabel(projectName, query.value(first + 1).toString(), query.value(first + 2).toString(),
        query.value(first + 3).toString(),
        start.metaType().id() == QMetaType::QDate ? start.toDate().toString(Qt::ISODate) : start.toString());
}

} // namespace agency::tables

namespace agency::tables {

QList<LookupNames::Choice> LookupNames::choices(const QString& table, const QString& clientId)
{
    QList<Choice> list;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (table == QStringLiteral("agency_sla_tiers")) {
        query.prepare(
            QStringLiteral("SELECT id, name FROM agency_sla_tiers WHERE deleted_at IS NULL ORDER BY priority, name"));
    } else if (table == QStringLiteral("agency_clients")) {
        query.prepare(QStringLiteral(
            "SELECT id, client_name FROM agency_clients WHERE deleted_at IS NULL ORDER BY lower(client_name), id"));
    } else if (table == QStringLiteral("agency_campaigns")) {
        // The most recent thousand (a picker is no place for a hundred thousand campaigns: search() finds the
        // others as a person types), with everything their labels are made of, in one query.
        query.prepare(campaignSelect(QStringLiteral("(SELECT id, plane_project_id, metadata, client_id, campaign_type, "
                                                    "start_date FROM agency_campaigns WHERE deleted_at IS NULL %1 "
                                                    "ORDER BY start_date DESC, id LIMIT 1000)")
                                         .arg(clientId.isEmpty() ? QString() : QStringLiteral("AND client_id = ?")),
                          m_plane.isAvailable())
            + QStringLiteral(" ORDER BY x.start_date DESC, x.id"));
        if (!clientId.isEmpty())
            query.addBindValue(clientId);
    } else {
        return list;
    }
    if (!query.exec()) {
        db::reportSqlError(
            QCoreApplication::translate("LookupNames", "Listing %1 to choose from").arg(table), query.lastError());
        return list;
    }
    const bool campaigns = table == QStringLiteral("agency_campaigns");
    while (query.next()) {
        const QString id = query.value(0).toString();
        const QString name
            = campaigns ? campaignLabelOf(query, 1, query.value(6).toString()) : query.value(1).toString();
        list.append({ id, name });
        m_cache.insert(table + u':' + id, name); // the table's cells show the same names without asking again
        m_stale.remove(table + u':' + id);
    }
    return list;
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
