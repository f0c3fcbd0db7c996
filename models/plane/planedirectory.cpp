// SPDX-License-Identifier: GPL-3.0-or-later
#include "planedirectory.h"

#include "db/database.h"
#include "db/sqlerror.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace agency::plane {

namespace {
    // What this file says to people, in lupdate's and the runtime's one context "PlaneDirectory".
    struct Text {
        Q_DECLARE_TR_FUNCTIONS(PlaneDirectory)
    };
}

PlaneDirectory::PlaneDirectory(QSqlDatabase db)
    : m_db(db)
{
    if (db::dialectOf(m_db) != db::Dialect::PostgreSQL)
        return;
    QSqlQuery query(m_db);
    if (!query.exec(
            QStringLiteral("SELECT to_regclass('workspaces') IS NOT NULL AND to_regclass('projects') IS NOT NULL"))
        || !query.next()) {
        m_error = db::reportSqlError(Text::tr("Looking for Plane's tables"), query.lastError());
        return;
    }
    m_available = query.value(0).toBool();
}

QList<Workspace> PlaneDirectory::workspaces() const
{
    QList<Workspace> list;
    if (!m_available)
        return list;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral(
            "SELECT id::text, name, slug FROM workspaces WHERE deleted_at IS NULL ORDER BY lower(name), id"))) {
        m_error = db::reportSqlError(Text::tr("Listing Plane workspaces"), query.lastError());
        return list;
    }
    while (query.next())
        list.append({ query.value(0).toString(), query.value(1).toString(), query.value(2).toString() });
    return list;
}

QList<Project> PlaneDirectory::projects(const QString& workspaceId, bool includeArchived) const
{
    QList<Project> list;
    if (!m_available)
        return list;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT p.id::text, p.name, p.identifier, p.workspace_id::text, p.archived_at IS NOT NULL "
                       "FROM projects p JOIN workspaces w ON w.id = p.workspace_id AND w.deleted_at IS NULL "
                       "WHERE p.deleted_at IS NULL AND p.workspace_id = CAST(? AS uuid) "
                       "AND (? OR p.archived_at IS NULL) ORDER BY lower(p.name), p.id"));
    query.addBindValue(workspaceId);
    query.addBindValue(includeArchived);
    if (!query.exec()) {
        m_error = db::reportSqlError(Text::tr("Listing Plane projects"), query.lastError());
        return list;
    }
    while (query.next()) {
        list.append({ query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
            query.value(3).toString(), query.value(4).toBool() });
    }
    return list;
}

std::optional<Workspace> PlaneDirectory::workspace(const QString& id) const
{
    if (!m_available)
        return std::nullopt;
    QSqlQuery query(m_db);
    query.prepare(
        QStringLiteral("SELECT id::text, name, slug FROM workspaces WHERE id::text = ? AND deleted_at IS NULL"));
    query.addBindValue(id);
    if (!query.exec()) {
        m_error = db::reportSqlError(Text::tr("Reading a Plane workspace"), query.lastError());
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    return Workspace { query.value(0).toString(), query.value(1).toString(), query.value(2).toString() };
}

std::optional<Project> PlaneDirectory::project(const QString& id) const
{
    if (!m_available)
        return std::nullopt;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT id::text, name, identifier, workspace_id::text, archived_at IS NOT NULL "
                                 "FROM projects WHERE id::text = ? AND deleted_at IS NULL"));
    query.addBindValue(id);
    if (!query.exec()) {
        m_error = db::reportSqlError(Text::tr("Reading a Plane project"), query.lastError());
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    return Project { query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
        query.value(3).toString(), query.value(4).toBool() };
}

ReferenceState PlaneDirectory::workspaceState(const QString& id) const
{
    if (!m_available)
        return ReferenceState::Missing;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT deleted_at IS NOT NULL FROM workspaces WHERE id::text = ?"));
    query.addBindValue(id);
    if (!query.exec() || !query.next())
        return ReferenceState::Missing;
    return query.value(0).toBool() ? ReferenceState::Deleted : ReferenceState::Live;
}

ReferenceState PlaneDirectory::projectState(const QString& id) const
{
    const auto info = projectInfo(id);
    return info ? info->state : ReferenceState::Missing;
}

std::optional<ProjectInfo> PlaneDirectory::projectInfo(const QString& id) const
{
    if (!m_available)
        return std::nullopt;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT p.name, p.deleted_at IS NOT NULL, p.archived_at IS NOT NULL, w.id IS NULL OR "
                                 "w.deleted_at IS NOT NULL FROM projects p LEFT JOIN workspaces w ON w.id = "
                                 "p.workspace_id WHERE p.id::text = ?"));
    query.addBindValue(id);
    if (!query.exec()) {
        m_error = db::reportSqlError(Text::tr("Reading a Plane project"), query.lastError());
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    ProjectInfo info { query.value(0).toString(), ReferenceState::Live };
    if (query.value(1).toBool())
        info.state = ReferenceState::Deleted;
    else if (query.value(3).toBool())
        info.state = ReferenceState::WorkspaceDeleted;
    else if (query.value(2).toBool())
        info.state = ReferenceState::Archived;
    return info;
}

QList<DanglingReference> PlaneDirectory::danglingReferences() const
{
    QList<DanglingReference> list;
    if (!m_available)
        return list;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT 'agency_clients', c.id::text, c.plane_workspace_id::text, w.id IS NOT NULL "
                                   "FROM agency_clients c LEFT JOIN workspaces w ON w.id = c.plane_workspace_id "
                                   "WHERE c.deleted_at IS NULL AND c.plane_workspace_id IS NOT NULL AND (w.id IS NULL "
                                   "OR w.deleted_at IS NOT NULL) "
                                   "UNION ALL "
                                   "SELECT 'agency_campaigns', c.id::text, c.plane_project_id::text, p.id IS NOT NULL "
                                   "FROM agency_campaigns c LEFT JOIN projects p ON p.id = c.plane_project_id "
                                   "WHERE c.deleted_at IS NULL AND c.plane_project_id IS NOT NULL AND (p.id IS NULL OR "
                                   "p.deleted_at IS NOT NULL) "
                                   "ORDER BY 1, 2"))) {
        m_error = db::reportSqlError(Text::tr("Checking references to Plane"), query.lastError());
        return list;
    }
    while (query.next()) {
        list.append({ query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
            query.value(3).toBool() ? ReferenceState::Deleted : ReferenceState::Missing });
    }
    return list;
}

} // namespace agency::plane
