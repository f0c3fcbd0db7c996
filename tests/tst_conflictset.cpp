// SPDX-License-Identifier: GPL-3.0-or-later
#include "tables/conflictset.h"
#include "tables/tablespec.h"

#include <QtTest>

using namespace agency;

// The conflicts a save found, without a database: what they changed, one per row, and the stamp "keep mine" saves
// against, kept after the conflict is resolved and dropped when their version is taken.
class TestConflictSet : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void describesWhatTheyChanged();
    void oneConflictPerRowAndTheStampOutlivesIt();
};

void TestConflictSet::describesWhatTheyChanged()
{
    const QVariantMap original { { QStringLiteral("client_name"), QStringLiteral("Acme") },
        { QStringLiteral("industry"), QStringLiteral("Retail") },
        { QStringLiteral("updated_at"), QStringLiteral("2026-01-01T10:00:00.000Z") } };
    QVariantMap theirs = original;
    theirs.insert(QStringLiteral("industry"), QStringLiteral("Food"));
    theirs.insert(QStringLiteral("updated_at"), QStringLiteral("2026-01-01T11:00:00.000Z"));
    const QVariantMap mine { { QStringLiteral("client_name"), QStringLiteral("Acme Ltd") } };
    const auto changed
        = tables::ConflictSet::describe(tables::clientsSpec(), QStringLiteral("a"), mine, original, theirs, false);
    QCOMPARE(changed.changedByThem, QStringList { QStringLiteral("industry") }); // not the audit stamp
    QCOMPARE(changed.columns, QStringList { QStringLiteral("client_name") });
    QVERIFY(!changed.deletedElsewhere);
    QVERIFY(tables::ConflictSet::describe(tables::clientsSpec(), QStringLiteral("a"), mine, original, {}, false)
                .deletedElsewhere);
    QVERIFY(tables::ConflictSet::describe(tables::clientsSpec(), QStringLiteral("a"), mine, original, theirs, true)
                .deletedElsewhere);
}

void TestConflictSet::oneConflictPerRowAndTheStampOutlivesIt()
{
    tables::ConflictSet set;
    QVERIFY(set.isEmpty());
    tables::Conflict first;
    first.id = QStringLiteral("a");
    first.mine = { { QStringLiteral("industry"), QStringLiteral("one") } };
    set.add(first, QStringLiteral("stamp 1"));
    tables::Conflict again = first;
    again.mine = { { QStringLiteral("industry"), QStringLiteral("two") } };
    set.add(again, QStringLiteral("stamp 2")); // found again by the next save: it replaces the first
    tables::Conflict other;
    other.id = QStringLiteral("b");
    set.add(other, QStringLiteral("stamp b"));
    QCOMPARE(set.all().size(), 2);
    QCOMPARE(set.find(QStringLiteral("a"))->mine.value(QStringLiteral("industry")).toString(), QStringLiteral("two"));
    QCOMPARE(set.theirStamp(QStringLiteral("a")).toString(), QStringLiteral("stamp 2"));

    set.resolve(QStringLiteral("a")); // keep mine: the stamp is what the next save is checked against
    QVERIFY(!set.find(QStringLiteral("a")));
    QCOMPARE(set.theirStamp(QStringLiteral("a")).toString(), QStringLiteral("stamp 2"));
    set.forget(QStringLiteral("b")); // take theirs: nothing of it stays
    QVERIFY(!set.find(QStringLiteral("b")));
    QVERIFY(!set.theirStamp(QStringLiteral("b")).isValid());
    QVERIFY(set.isEmpty());

    set.add(other, QStringLiteral("stamp b"));
    set.clearConflicts(); // a new save: conflicts are found again, stamps stay
    QVERIFY(set.isEmpty());
    QVERIFY(set.theirStamp(QStringLiteral("b")).isValid());
    set.clear(); // saved: nothing pending
    QVERIFY(!set.theirStamp(QStringLiteral("a")).isValid());
}

QTEST_GUILESS_MAIN(TestConflictSet)
#include "tst_conflictset.moc"
