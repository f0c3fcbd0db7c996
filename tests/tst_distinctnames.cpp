// SPDX-License-Identifier: GPL-3.0-or-later
// Two clients of one name ("Müller GmbH" in two cities), two campaigns of one client with one name: told apart
// wherever the app names them, by the rule (domain::distinctNames) and on both databases through the names the
// pickers, the table's cells, the dashboard's filter and the finance figures read.
#include "domain/displaytext.h"
#include "domain/distinctnames.h"
#include "reports/financereport.h"
#include "support/builders.h"
#include "support/scratchdatabase.h"
#include "tables/lookupnames.h"

#include <QtTest>

using namespace agency;

Q_DECLARE_METATYPE(agency::domain::NamedRow)

class TestDistinctNames : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rule_data();
    void rule();
    void twinsAreToldApartWhereverTheyAreNamed_data() { test::addBackendData(); }
    void twinsAreToldApartWhereverTheyAreNamed();
};

void TestDistinctNames::rule_data()
{
    QTest::addColumn<QList<domain::NamedRow>>("rows");
    QTest::addColumn<QStringList>("shown");
    const QString a = QStringLiteral("a1b2c3d4-0000-4000-8000-000000000001");
    const QString b = QStringLiteral("e5f6a7b8-0000-4000-8000-000000000002");
    const QString c = QStringLiteral("c0ffee00-0000-4000-8000-000000000003");
    const QString mueller = QString::fromUtf8("Müller GmbH");
    QTest::addRow("no twins: names alone")
        << QList<domain::NamedRow> { { a, QStringLiteral("Acme"), QStringLiteral("Acme Ltd."), {} },
               { b, mueller, QString::fromUtf8("Müller GmbH Köln"), {} } }
        << QStringList { QStringLiteral("Acme"), mueller };
    QTest::addRow("twins: their legal names")
        << QList<domain::NamedRow> { { a, mueller, QString::fromUtf8("Müller GmbH Köln"), {} },
               { b, mueller, QString::fromUtf8("Müller GmbH Hamburg"), {} } }
        << QStringList { QString::fromUtf8("Müller GmbH (Müller GmbH Köln)"),
               QString::fromUtf8("Müller GmbH (Müller GmbH Hamburg)") };
    QTest::addRow("twins by case and space")
        << QList<domain::NamedRow> { { a, mueller, QStringLiteral("Köln"), {} },
               { b, QString::fromUtf8(" MÜLLER gmbh"), QStringLiteral("Hamburg"), {} } }
        << QStringList { QString::fromUtf8("Müller GmbH (Köln)"), QString::fromUtf8(" MÜLLER gmbh (Hamburg)") };
    QTest::addRow("no legal name, the same one, or the name again: a short id")
        << QList<domain::NamedRow> { { a, mueller, {}, {} }, { b, mueller, QStringLiteral("Same"), {} },
               { c, mueller, QStringLiteral("Same"), {} } }
        << QStringList { QString::fromUtf8("Müller GmbH (#a1b2c3d4)"), QString::fromUtf8("Müller GmbH (#e5f6a7b8)"),
               QString::fromUtf8("Müller GmbH (#c0ffee00)") };
    QTest::addRow("the name as its own detail: a short id")
        << QList<domain::NamedRow> { { a, mueller, mueller, {} }, { b, mueller, QStringLiteral("Köln"), {} } }
        << QStringList { QString::fromUtf8("Müller GmbH (#a1b2c3d4)"), QString::fromUtf8("Müller GmbH (Köln)") };
    QTest::addRow("one name in two groups: no twins")
        << QList<domain::NamedRow> { { a, QStringLiteral("Spring"), QStringLiteral("2027-03-01"), QStringLiteral("x") },
               { b, QStringLiteral("Spring"), QStringLiteral("2027-03-01"), QStringLiteral("y") } }
        << QStringList { QStringLiteral("Spring"), QStringLiteral("Spring") };
}

void TestDistinctNames::rule()
{
    QFETCH(QList<domain::NamedRow>, rows);
    QFETCH(QStringList, shown);
    QCOMPARE(QStringList(domain::distinctNames(rows)), shown);
}

void TestDistinctNames::twinsAreToldApartWhereverTheyAreNamed()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    const QString koeln = QStringLiteral("20000000-0000-4000-8000-000000000001");
    const QString hamburg = QStringLiteral("20000000-0000-4000-8000-000000000002");
    const QString acme = QStringLiteral("20000000-0000-4000-8000-000000000003");
    const QString gone = QStringLiteral("20000000-0000-4000-8000-000000000004");
    const QString mueller = QString::fromUtf8("Müller GmbH");
    for (const test::Client& client : { test::Client { .id = koeln,
                                                       .name = mueller,
                                                       .type = QStringLiteral("retainer"),
                                                       .legalName = QString::fromUtf8("Müller GmbH Köln") },
             test::Client { .id = hamburg,
                            .name = mueller,
                            .type = QStringLiteral("project"),
                            .legalName = QString::fromUtf8("Müller GmbH Hamburg") },
             test::Client { .id = acme, .name = QStringLiteral("Acme"), .type = QStringLiteral("project") },
             test::Client { .id = gone, .name = QStringLiteral("Acme"), .type = QStringLiteral("project") } })
        QVERIFY(!test::add(scratch.db(), client).isEmpty());
    // A deleted client of the same name is nobody's twin.
    QVERIFY(test::execute(scratch.db(),
        QStringLiteral("UPDATE agency_clients SET deleted_at = CURRENT_TIMESTAMP WHERE id = ?"), { gone }));
    // Two campaigns of the Köln client with one name, and one of that name under Hamburg.
    const QString spring = QStringLiteral("{\"name\": \"Spring\"}");
    for (const test::Campaign& campaign :
        { test::Campaign { .id = QStringLiteral("30000000-0000-4000-8000-000000000001"),
                           .client = koeln,
                           .type = QStringLiteral("seo"),
                           .allocated = QStringLiteral("100.00"),
                           .start = QStringLiteral("2027-03-01"),
                           .metadata = spring },
            test::Campaign { .id = QStringLiteral("30000000-0000-4000-8000-000000000002"),
                             .client = koeln,
                             .type = QStringLiteral("seo"),
                             .allocated = QStringLiteral("200.00"),
                             .start = QStringLiteral("2027-04-01"),
                             .metadata = spring },
            test::Campaign { .id = QStringLiteral("30000000-0000-4000-8000-000000000003"),
                             .client = hamburg,
                             .type = QStringLiteral("ppc"),
                             .allocated = QStringLiteral("300.00"),
                             .start = QStringLiteral("2027-03-01"),
                             .metadata = spring } })
        QVERIFY(!test::add(scratch.db(), campaign).isEmpty());
    const QString koelnShown = QString::fromUtf8("Müller GmbH (Müller GmbH Köln)");
    const QString hamburgShown = QString::fromUtf8("Müller GmbH (Müller GmbH Hamburg)");

    // The pickers' and the dashboard filter's list, and the names the table's cells show.
    tables::LookupNames names(scratch.db());
    QHash<QString, QString> listed;
    for (const auto& choice : names.choices(QStringLiteral("agency_clients")))
        listed.insert(choice.id, choice.name);
    QCOMPARE(listed.value(koeln), koelnShown);
    QCOMPARE(listed.value(hamburg), hamburgShown);
    QCOMPARE(listed.value(acme), QStringLiteral("Acme"));
    tables::LookupNames fresh(scratch.db()); // a cell's name looked up alone, and a page's names read together
    QCOMPARE(fresh.name(QStringLiteral("agency_clients"), hamburg), hamburgShown);
    fresh.prefetch(QStringLiteral("agency_clients"), { koeln, acme });
    QCOMPARE(fresh.name(QStringLiteral("agency_clients"), koeln), koelnShown);
    QCOMPARE(fresh.name(QStringLiteral("agency_clients"), acme), QStringLiteral("Acme"));

    // The finance figures by client (the Figures table, the review PDF and its CSV) and each campaign's line.
    reports::FinanceReport report(scratch.db());
    const auto clients = report.byClient();
    QVERIFY2(clients, qPrintable(report.lastError()));
    QStringList labels;
    for (const auto& client : *clients)
        labels << client.label;
    labels.sort();
    QCOMPARE(labels, (QStringList { hamburgShown, koelnShown }));
    const auto lines = report.campaigns();
    QVERIFY2(lines, qPrintable(report.lastError()));
    QCOMPARE(lines->size(), 3);
    QHash<QString, QString> labelOf;
    QHash<QString, QString> clientOf;
    for (const auto& line : *lines) {
        labelOf.insert(line.id, line.label);
        clientOf.insert(line.id, line.clientName);
    }
    QCOMPARE(clientOf.value(QStringLiteral("30000000-0000-4000-8000-000000000001")), koelnShown);
    QCOMPARE(clientOf.value(QStringLiteral("30000000-0000-4000-8000-000000000003")), hamburgShown);
    QCOMPARE(labelOf.value(QStringLiteral("30000000-0000-4000-8000-000000000001")),
        QStringLiteral("Spring (%1)").arg(domain::dateText(QDate(2027, 3, 1))));
    QCOMPARE(labelOf.value(QStringLiteral("30000000-0000-4000-8000-000000000002")),
        QStringLiteral("Spring (%1)").arg(domain::dateText(QDate(2027, 4, 1))));
    QCOMPARE(labelOf.value(QStringLiteral("30000000-0000-4000-8000-000000000003")), QStringLiteral("Spring"));
}

QTEST_GUILESS_MAIN(TestDistinctNames)
#include "tst_distinctnames.moc"
