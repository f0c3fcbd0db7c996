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
    void bytesKeepEveryValueWithItsType();
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
// What a recovery file keeps (issue 32, signals): every entry back as it was, each value with its type (a date stays
// a date, NULL stays NULL, not an empty text); bytes cut short, or not a journal at all, are refused, not half read.
void TestEditJournal::bytesKeepEveryValueWithItsType()
{
    EditJournal journal;
    journal.addNew(QStringLiteral("new-1"), { { QStringLiteral("client_name"), QStringLiteral("Initech") } });
    journal.edit(QStringLiteral("row-1"), QStringLiteral("contract_end_date"), QDate(2027, 3, 15),
        { { QStringLiteral("contract_end_date"), QVariant() }, { QStringLiteral("industry"), QStringLiteral("") } },
        QDateTime(QDate(2026, 12, 7), QTime(10, 0), Qt::UTC));
    journal.edit(QStringLiteral("row-1"), QStringLiteral("industry"), QVariant(), {}, {});
    const QByteArray bytes = journal.toBytes();
    const auto back = EditJournal::fromBytes(bytes);
    QVERIFY(back);
    QCOMPARE(back->ids(), journal.ids());
    QVERIFY(back->isNew(QStringLiteral("new-1")));
    QCOMPARE(
        back->value(QStringLiteral("row-1"), QStringLiteral("contract_end_date"))->metaType().id(), QMetaType::QDate);
    QVERIFY(back->value(QStringLiteral("row-1"), QStringLiteral("industry"))->isNull());
    QCOMPARE(back->find(QStringLiteral("row-1"))->readStamp.toDateTime(),
        QDateTime(QDate(2026, 12, 7), QTime(10, 0), Qt::UTC));
    QCOMPARE(back->rowToSave(QStringLiteral("row-1")), journal.rowToSave(QStringLiteral("row-1")));

    QVERIFY(!EditJournal::fromBytes(bytes.left(bytes.size() - 3)));
    QVERIFY(!EditJournal::fromBytes(bytes + "x"));
    QVERIFY(!EditJournal::fromBytes(QByteArray("not a journal")));
    QVERIFY(!EditJournal::fromBytes({}));
}

#include "tst_editjournal.moc"
