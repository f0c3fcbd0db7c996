// SPDX-License-Identifier: GPL-3.0-or-later
// The record form on its own, over a real model on both backends, the way QDataWidgetMapper binds a form: one key
// typed is one change of the model, told once; a change the model gets from elsewhere shows in the form without
// disturbing the field being typed in; what the model refuses is said under its field.
#include "guisupport.h"
#include "recordform.h"
#include "support/builders.h"
#include "support/scratchdatabase.h"
#include "tables/agencytablemodel.h"
#include "tables/tablespec.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QtTest>

using namespace agency;
using agency::test::scalar;

namespace {
const QString acme = QStringLiteral("20000000-0000-4000-8000-000000000001");

void typeInto(QWidget* widget, const QString& text)
{
    for (const QChar c : text)
        QTest::keyClick(widget, char(c.unicode()));
}
} // namespace

class TestRecordForm : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void oneKeyIsOneChangeOfTheModel_data() { test::addBackendData(); }
    void oneKeyIsOneChangeOfTheModel();
    void showingARowChangesNothing_data() { test::addBackendData(); }
    void showingARowChangesNothing();
};

void TestRecordForm::oneKeyIsOneChangeOfTheModel()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    QVERIFY(!test::add(scratch.db(), test::Client { .id = acme, .type = QStringLiteral("retainer") }).isEmpty());
    tables::AgencyTableModel model(tables::clientsSpec(), scratch.db());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ui::RecordForm form(&model);
    form.resize(600, 800);
    QVERIFY(test::shown(form));
    const int row = model.rowOfId(acme);
    form.setCurrentRow(row);
    auto* name = qobject_cast<QLineEdit*>(form.editor(QStringLiteral("client_name")));
    QVERIFY(name);
    QCOMPARE(name->text(), QStringLiteral("Acme"));

    // Typed at the end of the name: each key is one change of the model, told once, and the field keeps its cursor.
    name->setFocus();
    QTest::keyClick(name, Qt::Key_End);
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy edited(&form, &ui::RecordForm::edited);
    typeInto(name, QStringLiteral(" Corp"));
    QCOMPARE(changes.count(), 5);
    QCOMPARE(edited.count(), 5);
    QCOMPARE(model.valueAt(row, QStringLiteral("client_name")).toString(), QStringLiteral("Acme Corp"));
    QCOMPARE(name->text(), QStringLiteral("Acme Corp"));
    QCOMPARE(name->cursorPosition(), 9);
    // Kept in the model until saved: the database still has what it had.
    QCOMPARE(scalar(scratch.db(), QStringLiteral("SELECT client_name FROM agency_clients")).toString(),
        QStringLiteral("Acme"));

    // A change the model gets from elsewhere (the table, an import, a merge) shows in its field; the field being
    // typed in stays as it is, cursor and all.
    name->setCursorPosition(4);
    QVERIFY(model.setData(model.index(row, model.fieldIndex(QStringLiteral("industry"))), QStringLiteral("Energy")));
    auto* industry = qobject_cast<QLineEdit*>(form.editor(QStringLiteral("industry")));
    QVERIFY(industry);
    QCOMPARE(industry->text(), QStringLiteral("Energy"));
    QCOMPARE(name->text(), QStringLiteral("Acme Corp"));
    QCOMPARE(name->cursorPosition(), 4);
    QCOMPARE(QApplication::focusWidget(), name);

    // What the model refuses on Save is said under its field, and the typed value stays.
    QTest::keyClick(name, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(name, Qt::Key_Delete);
    QVERIFY(model.valueAt(row, QStringLiteral("client_name")).toString().isEmpty());
    QVERIFY(!model.save());
    form.refreshProblems();
    QVERIFY2(!form.messageFor(QStringLiteral("client_name")).isEmpty(), qPrintable(model.lastMessage()));
    QCOMPARE(scalar(scratch.db(), QStringLiteral("SELECT client_name FROM agency_clients")).toString(),
        QStringLiteral("Acme"));
    // Typed again and saved: written once, as typed.
    typeInto(name, QStringLiteral("Acme Group"));
    QVERIFY2(model.save(), qPrintable(model.lastMessage()));
    QCOMPARE(scalar(scratch.db(), QStringLiteral("SELECT client_name FROM agency_clients")).toString(),
        QStringLiteral("Acme Group"));
    QCOMPARE(scalar(scratch.db(), QStringLiteral("SELECT industry FROM agency_clients")).toString(),
        QStringLiteral("Energy"));
    form.setCurrentRow(model.rowOfId(acme));
    QCOMPARE(name->text(), QStringLiteral("Acme Group"));
}

// Issue 28.4: filling the form with a row is not an edit. Two campaigns with every kind of field (dates, choices, a
// reference, money, KPIs, JSON, long text) and back: the fields show each one's values and the model holds no edit,
// has been told of none, and the form has written nothing (each editor says only what a person does). Then a key on
// a date's check box makes one change, which the campaign shown again still shows.
void TestRecordForm::showingARowChangesNothing()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    QVERIFY(!test::add(scratch.db(), test::Client { .id = acme }).isEmpty());
    const QString spring = test::add(scratch.db(),
        test::Campaign { .client = acme,
            .type = QStringLiteral("social"),
            .status = QStringLiteral("active"),
            .allocated = QStringLiteral("1000.00"),
            .start = QStringLiteral("2026-03-01"),
            .end = QStringLiteral("2026-05-31"),
            .targetKpis = QStringLiteral(R"({"clicks": 500})"),
            .metadata = QStringLiteral(R"({"name": "Spring", "owner": "Ann"})"),
            .brief = QStringLiteral("Line one\nline two") });
    const QString autumn = test::add(scratch.db(),
        test::Campaign {
            .client = acme, .type = QStringLiteral("seo"), .metadata = QStringLiteral(R"({"name": "Autumn"})") });
    tables::AgencyTableModel model(tables::campaignsSpec(), scratch.db());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ui::RecordForm form(&model);
    form.resize(700, 1000);
    QVERIFY(test::shown(form));
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy edited(&form, &ui::RecordForm::edited);
    for (int round = 0; round < 2; ++round) {
        form.setCurrentRow(model.rowOfId(spring));
        form.setCurrentRow(model.rowOfId(autumn));
        form.setCurrentRow(-1);
    }
    form.setCurrentRow(model.rowOfId(spring));
    QCOMPARE(changes.count(), 0);
    QCOMPARE(edited.count(), 0);
    QVERIFY(!model.hasPendingChanges());
    auto* end = form.editor(QStringLiteral("end_date"));
    QVERIFY(end);
    QCOMPARE(end->property("date").toDate(), QDate(2026, 5, 31));

    // Space on the end date's check box: no end date, one change.
    auto* box = end->findChild<QCheckBox*>();
    QVERIFY(box);
    box->setFocus();
    QTest::keyClick(box, Qt::Key_Space);
    QCOMPARE(edited.count(), 1);
    QVERIFY(model.valueAt(model.rowOfId(spring), QStringLiteral("end_date")).isNull());
    form.setCurrentRow(model.rowOfId(autumn));
    form.setCurrentRow(model.rowOfId(spring));
    QCOMPARE(edited.count(), 1); // shown again: still that one change
    QVERIFY(!box->isChecked());
    QCOMPARE(model.pendingIds(), QStringList { spring });
}

QTEST_MAIN(TestRecordForm)
#include "tst_recordform.moc"
