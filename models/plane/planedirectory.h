// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace agency::plane {

struct Workspace {
    QString id;
    QString name;
    QString slug;
};

struct Project {
    QString id;
    QString name;
    QString identifier;
    QString workspaceId;
    bool archived = false;
};

// Where a Plane row a campaign or client points to stands: WorkspaceDeleted is a live (or archived) project whose
// workspace was soft-deleted, which Plane no longer shows either.
enum class ReferenceState { Live, Archived, Deleted, WorkspaceDeleted, Missing };

// A project as Plane holds it, deleted or not, with where it stands.
struct ProjectInfo {
    QString name;
    ReferenceState state = ReferenceState::Missing;
};

struct DanglingReference {
    QString table; // agency_clients or agency_campaigns
    QString id; // the agency row
    QString planeId;
    ReferenceState state = ReferenceState::Missing; // Deleted or Missing
};

// Read-only access to Plane's workspaces and projects in the same database. Never writes to Plane's tables.
// On a database without them (SQLite, or no Plane) isAvailable() is false and the lists are empty.
class PlaneDirectory {
public:
    explicit PlaneDirectory(QSqlDatabase db);

    bool isAvailable() const { return m_available; }
    QString lastError() const { return m_error; }

    QList<Workspace> workspaces() const; // live ones, by name
    QList<Project> projects(const QString& workspaceId, bool includeArchived = true) const; // live ones, by name
    std::optional<Workspace> workspace(const QString& id) const; // a live workspace
    std::optional<Project> project(const QString& id) const; // a live (maybe archived) project
    ReferenceState workspaceState(const QString& id) const;
    ReferenceState projectState(const QString& id) const;
    std::optional<ProjectInfo> projectInfo(const QString& id) const; // nullopt: no such project (Missing)

    // Live agency rows whose Plane reference points at a deleted or missing Plane row.
    QList<DanglingReference> danglingReferences() const;

private:
    QSqlDatabase m_db;
    bool m_available = false;
    mutable QString m_error;
};

} // namespace agency::plane
