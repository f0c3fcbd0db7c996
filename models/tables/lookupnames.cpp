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
    const QString found = find();
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
    const QString projectId = query.value(0).toString();
    const QString start = query.value(4).metaType().id() == QMetaType::QDate
        ? query.value(4).toDate().toString(Qt::ISODate)
        : query.value(4).toString();
    return campaignLabel(
        projectName(projectId), query.value(1).toString(), query.value(2).toString(), query.value(3).toString(), start);
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
        // The most recent thousand: a picker is no place for a hundred thousand campaigns.
        if (clientId.isEmpty()) {
            query.prepare(QStringLiteral(
                "SELECT id FROM agency_campaigns WHERE deleted_at IS NULL ORDER BY start_date DESC, id LIMIT 1000"));
        } else {
            query.prepare(QStringLiteral("SELECT id FROM agency_campaigns WHERE deleted_at IS NULL AND client_id = ? "
                                         "ORDER BY start_date DESC, id LIMIT 1000"));
            query.addBindValue(clientId);
        }
    } else {
        return list;
    }
    if (!query.exec()) {
        db::reportSqlError(
            QCoreApplication::translate("LookupNames", "Listing %1 to choose from").arg(table), query.lastError());
        return list;
    }
    while (query.next())
        list.append({ query.value(0).toString(),
            table == QStringLiteral("agency_campaigns") ? QString() : query.value(1).toString() });
    // Campaign labels take queries of their own: only after the streaming query has delivered every row.
    if (table == QStringLiteral("agency_campaigns")) {
        for (Choice& choice : list)
            choice.name = name(table, choice.id);
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
