// SPDX-License-Identifier: GPL-3.0-or-later
// The edit journal on its own, without a database.
#include "tables/editjournal.h"

#include <QtTest>

using agency::tables::EditJournal;

class TestEditJournal : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void firstEditRecordsTheRowAsRead();
    void newRowsComeFirstNewestOnTop();
    void rowToSaveLaysEditsOverTheRowAsRead();
    void nullIsAValueNotAnAbsence();
    void settlingAConflict();
    void removingAndClearing();
};

void TestEditJournal::firstEditRecordsTheRowAsRead()
{
    EditJournal journal;
    QVERIFY(journal.isEmpty());
    const QVariantMap asRead { { QStringLiteral("id"), QStringLiteral("a") },
        { QStringLiteral("client_name"), QStringLiteral("Acme") },
        { QStringLiteral("industry"), QStringLiteral("Retail") } };
    journal.edit(QStringLiteral("a"), QStringLiteral("client_name"), QStringLiteral("Acme GmbH"), asRead,
        QStringLiteral("2026-11-25T10:00:00.000Z"));
    // A second edit of the same row keeps what was first read: a later read must not legitimise a stale edit.
    journal.edit(QStringLiteral("a"), QStringLiteral("industry"), QStringLiteral("Energy"),
        QVariantMap { { QStringLiteral("client_name"), QStringLiteral("changed meanwhile") } },
        QStringLiteral("2026-11-25T11:00:00.000Z"));
    const EditJournal::Entry* entry = journal.find(QStringLiteral("a"));
    QVERIFY(entry);
    QVERIFY(!entry->inserted);
    QCOMPARE(entry->original, asRead);
    QCOMPARE(entry->readStamp.toString(), QStringLiteral("2026-11-25T10:00:00.000Z"));
    QCOMPARE(entry->values.size(), 2);
    QCOMPARE(journal.value(QStringLiteral("a"), QStringLiteral("industry"))->toString(), QStringLiteral("Energy"));
    QVERIFY(!journal.value(QStringLiteral("a"), QStringLiteral("id")));
    QVERIFY(journal.isEdited(QStringLiteral("a"), QStringLiteral("industry")));
    QVERIFY(!journal.isEdited(QStringLiteral("a"), QStringLiteral("id")));
    QVERIFY(!journal.isNew(QStringLiteral("a")));
    QVERIFY(!journal.find(QStringLiteral("b")));
    QVERIFY(!journal.value(QStringLiteral("b"), QStringLiteral("industry")));
}

void TestEditJournal::newRowsComeFirstNewestOnTop()
{
    EditJournal journal;
    journal.edit(QStringLiteral("e1"), QStringLiteral("x"), 1, {}, {});
    journal.addNew(QStringLiteral("n1"), { { QStringLiteral("id"), QStringLiteral("n1") } });
    journal.edit(QStringLiteral("e2"), QStringLiteral("x"), 2, {}, {});
    journal.addNew(QStringLiteral("n2"), { { QStringLiteral("id"), QStringLiteral("n2") } });
    QCOMPARE(journal.ids(),
        QStringList({ QStringLiteral("n2"), QStringLiteral("n1"), QStringLiteral("e1"), QStringLiteral("e2") }));
    QVERIFY(journal.isNew(QStringLiteral("n1")));
    QVERIFY(journal.isEdited(QStringLiteral("n1"), QStringLiteral("anything"))); // every cell of a new row
    // Editing a new row keeps it new and where it is.
    journal.edit(QStringLiteral("n1"), QStringLiteral("x"), 3, { { QStringLiteral("ignored"), 1 } }, {});
    QVERIFY(journal.isNew(QStringLiteral("n1")));
    QCOMPARE(journal.ids().indexOf(QStringLiteral("n1")), 1);
    QCOMPARE(journal.rowToSave(QStringLiteral("n1")),
        QVariantMap({ { QStringLiteral("id"), QStringLiteral("n1") }, { QStringLiteral("x"), 3 } }));
    QVERIFY(!journal.setReadStamp(QStringLiteral("n1"), QStringLiteral("stamp"))); // nothing guards an INSERT
}

void TestEditJournal::rowToSaveLaysEditsOverTheRowAsRead()
{
    EditJournal journal;
    const QVariantMap asRead { { QStringLiteral("id"), QStringLiteral("c") },
        { QStringLiteral("budget_allocated"), QStringLiteral("1000.00") },
        { QStringLiteral("status"), QStringLiteral("active") } };
    journal.edit(QStringLiteral("c"), QStringLiteral("budget_allocated"), QStringLiteral("1500.50"), asRead, 7);
    QVariantMap expected = asRead;
    expected.insert(QStringLiteral("budget_allocated"), QStringLiteral("1500.50"));
    QCOMPARE(journal.rowToSave(QStringLiteral("c")), expected);
    QVERIFY(journal.rowToSave(QStringLiteral("missing")).isEmpty());
}

void TestEditJournal::nullIsAValueNotAnAbsence()
{
    EditJournal journal;
    journal.edit(QStringLiteral("c"), QStringLiteral("end_date"), QVariant(),
        { { QStringLiteral("end_date"), QDate(2026, 12, 31) } }, 1);
    const auto value = journal.value(QStringLiteral("c"), QStringLiteral("end_date"));
    QVERIFY(value.has_value()); // I emptied it: that is an edit
    QVERIFY(value->isNull());
    QVERIFY(journal.rowToSave(QStringLiteral("c")).value(QStringLiteral("end_date")).isNull());
    QVERIFY(journal.rowToSave(QStringLiteral("c")).contains(QStringLiteral("end_date")));
}

void TestEditJournal::settlingAConflict()
{
    EditJournal journal;
    journal.edit(QStringLiteral("c"), QStringLiteral("status"), QStringLiteral("paused"), {}, QStringLiteral("old"));
    QVERIFY(journal.setReadStamp(QStringLiteral("c"), QStringLiteral("theirs")));
    QCOMPARE(journal.find(QStringLiteral("c"))->readStamp.toString(), QStringLiteral("theirs"));
    QVERIFY(journal.setValue(QStringLiteral("c"), QStringLiteral("notes"), QStringLiteral("their note")));
    QCOMPARE(journal.value(QStringLiteral("c"), QStringLiteral("notes"))->toString(), QStringLiteral("their note"));
    QVERIFY(!journal.setValue(QStringLiteral("unknown"), QStringLiteral("notes"), 1));
    QVERIFY(!journal.setReadStamp(QStringLiteral("unknown"), 1));
}

void TestEditJournal::removingAndClearing()
{
    EditJournal journal;
    journal.addNew(QStringLiteral("n"), {});
    journal.edit(QStringLiteral("e"), QStringLiteral("x"), 1, {}, {});
    QVERIFY(journal.remove(QStringLiteral("n")));
    QVERIFY(!journal.remove(QStringLiteral("n")));
    QCOMPARE(journal.ids(), QStringList { QStringLiteral("e") });
    journal.clear();
    QVERIFY(journal.isEmpty());
    QVERIFY(journal.ids().isEmpty());
}

QTEST_GUILESS_MAIN(TestEditJournal)
#include "tst_editjournal.moc"
