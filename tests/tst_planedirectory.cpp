// SPDX-License-Identifier: GPL-3.0-or-later
#include "plane/planedirectory.h"
#include "support/builders.h"
#include "support/scratchdatabase.h"
#include "tables/agencytablemodel.h"
#include "tables/lookupnames.h"

#include <QSqlQuery>
#include <QtTest>

using namespace agency;
using agency::test::scalar;

namespace {
const QString acme = QStringLiteral("11111111-1111-4111-8111-111111111111");
const QString globex = QStringLiteral("22222222-2222-4222-8222-222222222222");
const QString gone = QStringLiteral("33333333-3333-4333-8333-333333333333");
}

class TestPlaneDirectory : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void listsLiveWorkspacesAndProjects();
    void resolvesStates();
    void namesSayWhereAProjectStands();
    void reportsDanglingReferences();
    void modelsShowPlaneNames();
    void absentOnSqliteAndWithoutPlane_data() { test::addBackendData(); }
    void absentOnSqliteAndWithoutPlane();
};

void TestPlaneDirectory::listsLiveWorkspacesAndProjects()
{
    AGENCY_SCRATCH(pg, QStringLiteral("postgresql"));
    QVERIFY(pg.loadPlaneFixture());
    plane::PlaneDirectory plane(pg.db());
    QVERIFY(plane.isAvailable());
    QStringList names;
    for (const auto& w : plane.workspaces())
        names << w.name + u'/' + w.slug;
    QCOMPARE(names, (QStringList { "Acme Corp/acme", "Globex/globex" })); // "Gone Ltd" is deleted

    QStringList projects;
    for (const auto& p : plane.projects(acme))
        projects << p.name + (p.archived ? QStringLiteral(" (archived)") : QString());
    QCOMPARE(projects, (QStringList { "Old Site (archived)", "Spring Launch" }));
    QCOMPARE(plane.projects(acme, false).size(), 1);
    QStringList globexProjects;
    for (const auto& p : plane.projects(globex))
        globexProjects << p.identifier;
    QCOMPARE(globexProjects, QStringList { "GSE" }); // the deleted project is gone
    QVERIFY(plane.projects(gone).isEmpty());
    QVERIFY(plane.projects(QStringLiteral("not-a-uuid")).isEmpty()); // a bad id is an empty answer, not a crash
}

// Issue 30.6: a project archived, deleted, or in a deleted workspace is said as such wherever its name shows (lists,
// forms, labels), and a deleted project is not taken for a missing one.
void TestPlaneDirectory::namesSayWhereAProjectStands()
{
    AGENCY_SCRATCH(pg, QStringLiteral("postgresql"));
    QVERIFY(pg.loadPlaneFixture());
    plane::PlaneDirectory plane(pg.db());
    QCOMPARE(plane.projectState(QStringLiteral("aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa")), plane::ReferenceState::Live);
    QCOMPARE(
        plane.projectState(QStringLiteral("bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb")), plane::ReferenceState::Archived);
    QCOMPARE(
        plane.projectState(QStringLiteral("cccccccc-cccc-4ccc-8ccc-cccccccccccc")), plane::ReferenceState::Deleted);
    QCOMPARE(plane.projectState(QStringLiteral("eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee")),
        plane::ReferenceState::WorkspaceDeleted);
    QCOMPARE(
        plane.projectState(QStringLiteral("ffffffff-ffff-4fff-8fff-ffffffffffff")), plane::ReferenceState::Missing);
    tables::LookupNames names(pg.db());
    QCOMPARE(
        names.projectName(QStringLiteral("aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa")), QStringLiteral("Spring Launch"));
    QCOMPARE(names.projectName(QStringLiteral("bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb")),
        QStringLiteral("Old Site (archived in Plane)"));
    QCOMPARE(names.projectName(QStringLiteral("cccccccc-cccc-4ccc-8ccc-cccccccccccc")),
        QStringLiteral("Deleted Thing (deleted in Plane)"));
    QCOMPARE(names.projectName(QStringLiteral("eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee")),
        QStringLiteral("Gone Campaign (its Plane workspace is deleted)"));
    QVERIFY(names.projectName(QStringLiteral("ffffffff-ffff-4fff-8fff-ffffffffffff")).isEmpty());
}

void TestPlaneDirectory::resolvesStates()
{
    AGENCY_SCRATCH(pg, QStringLiteral("postgresql"));
    QVERIFY(pg.loadPlaneFixture());
    plane::PlaneDirectory plane(pg.db());
    QCOMPARE(plane.workspaceState(acme), plane::ReferenceState::Live);
    QCOMPARE(plane.workspaceState(gone), plane::ReferenceState::Deleted);
    QCOMPARE(
        plane.workspaceState(QStringLiteral("44444444-4444-4444-8444-444444444444")), plane::ReferenceState::Missing);
    QCOMPARE(
        plane.projectState(QStringLiteral("bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb")), plane::ReferenceState::Archived);
    QCOMPARE(
        plane.projectState(QStringLiteral("cccccccc-cccc-4ccc-8ccc-cccccccccccc")), plane::ReferenceState::Deleted);
    QCOMPARE(
        plane.project(QStringLiteral("aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa"))->name, QStringLiteral("Spring Launch"));
    QVERIFY(!plane.project(QStringLiteral("cccccccc-cccc-4ccc-8ccc-cccccccccccc")));
    QCOMPARE(plane.workspace(globex)->slug, QStringLiteral("globex"));
    QVERIFY(!plane.workspace(gone));
}

void TestPlaneDirectory::reportsDanglingReferences()
{
    AGENCY_SCRATCH(pg, QStringLiteral("postgresql"));
    QVERIFY(pg.loadPlaneFixture());
    QVERIFY(pg.migrate());
    const QString live = QStringLiteral("c0000000-0000-4000-8000-000000000001");
    for (const test::Client& client :
        { test::Client { .id = live, .name = QStringLiteral("Live link"), .workspace = acme },
            test::Client { .id = QStringLiteral("c0000000-0000-4000-8000-000000000002"),
                           .name = QStringLiteral("Deleted link"),
                           .workspace = gone },
            test::Client { .id = QStringLiteral("c0000000-0000-4000-8000-000000000003"),
                           .name = QStringLiteral("Missing link"),
                           .workspace = QStringLiteral("44444444-4444-4444-8444-444444444444") },
            test::Client {
                .id = QStringLiteral("c0000000-0000-4000-8000-000000000004"), .name = QStringLiteral("No link") } })
        QVERIFY(!test::add(pg.db(), client).isEmpty());
    QVERIFY(!test::add(pg.db(),
        test::Campaign { .id = QStringLiteral("d0000000-0000-4000-8000-000000000001"),
            .client = live,
            .project = QStringLiteral("bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb") })
                 .isEmpty());
    QVERIFY(!test::add(pg.db(),
        test::Campaign { .id = QStringLiteral("d0000000-0000-4000-8000-000000000002"),
            .client = live,
            .project = QStringLiteral("cccccccc-cccc-4ccc-8ccc-cccccccccccc") })
                 .isEmpty());
    plane::PlaneDirectory plane(pg.db());
    QStringList found;
    for (const auto& d : plane.danglingReferences())
        found << QStringLiteral("%1 %2 %3")
                     .arg(d.table, d.id.left(8))
                     .arg(d.state == plane::ReferenceState::Deleted ? "deleted" : "missing");
    QCOMPARE(found,
        (QStringList { "agency_campaigns d0000000 deleted", "agency_clients c0000000 deleted",
            "agency_clients c0000000 missing" }));
    // And the directory never wrote to Plane's tables.
    QCOMPARE(scalar(pg.db(), QStringLiteral("SELECT count(*) FROM workspaces")).toInt(), 3);
}

void TestPlaneDirectory::modelsShowPlaneNames()
{
    AGENCY_SCRATCH(pg, QStringLiteral("postgresql"));
    QVERIFY(pg.loadPlaneFixture());
    QVERIFY(pg.migrate());
    QVERIFY(!test::add(pg.db(),
        test::Client { .id = QStringLiteral("c0000000-0000-4000-8000-000000000001"),
            .name = QStringLiteral("A"),
            .workspace = globex })
                 .isEmpty());
    QVERIFY(!test::add(pg.db(),
        test::Client { .id = QStringLiteral("c0000000-0000-4000-8000-000000000002"),
            .name = QStringLiteral("B"),
            .workspace = gone })
                 .isEmpty());
    tables::AgencyTableModel clients(tables::clientsSpec(), pg.db());
    const int column = clients.fieldIndex(QStringLiteral("plane_workspace_id"));
    QCOMPARE(
        clients.data(clients.index(clients.rowOfId(QStringLiteral("c0000000-0000-4000-8000-000000000001")), column))
            .toString(),
        QStringLiteral("Globex"));
    QVERIFY(clients.data(clients.index(clients.rowOfId(QStringLiteral("c0000000-0000-4000-8000-000000000002")), column))
                .toString()
                .contains(QStringLiteral("not in Plane")));
}

void TestPlaneDirectory::absentOnSqliteAndWithoutPlane()
{
    QFETCH(QString, backend);
    AGENCY_SCRATCH(scratch, backend);
    plane::PlaneDirectory plane(scratch.db());
    QVERIFY(!plane.isAvailable());
    QVERIFY(plane.workspaces().isEmpty());
    QVERIFY(plane.danglingReferences().isEmpty());
    if (backend == QStringLiteral("sqlite")) {
        QVERIFY(scratch.loadPlaneFixture()); // even Plane-like tables in SQLite are not Plane
        QVERIFY(!plane::PlaneDirectory(scratch.db()).isAvailable());
    }
}

QTEST_GUILESS_MAIN(TestPlaneDirectory)
#include "tst_planedirectory.moc"
