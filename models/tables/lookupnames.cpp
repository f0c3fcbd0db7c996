// SPDX-License-Identifier: GPL-3.0-or-later
#include "lookupnames.h"

#include "db/sqlerror.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
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
        return *it;
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
        // The most recent thousand (a picker is no place for a hundred thousand campaigns), with everything their
        // labels are made of, in one query: the Plane project's name, metadata, client, type, start.
        const bool plane = m_plane.isAvailable();
        query.prepare(QStringLiteral("SELECT x.id, x.plane_project_id, x.metadata, cl.client_name, x.campaign_type, "
                                     "x.start_date, %1 FROM (SELECT id, plane_project_id, metadata, client_id, "
                                     "campaign_type, start_date FROM agency_campaigns WHERE deleted_at IS NULL %2 "
                                     "ORDER BY start_date DESC, id LIMIT 1000) x "
                                     "JOIN agency_clients cl ON cl.id = x.client_id %3 "
                                     "ORDER BY x.start_date DESC, x.id")
                          .arg(plane ? QStringLiteral("p.name") : QStringLiteral("NULL"),
                              clientId.isEmpty() ? QString() : QStringLiteral("AND client_id = ?"),
                              plane ? QStringLiteral("LEFT JOIN projects p ON p.id::text = x.plane_project_id::text "
                                                     "AND p.deleted_at IS NULL")
                                    : QString()));
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
