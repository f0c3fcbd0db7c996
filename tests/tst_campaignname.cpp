// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/campaignname.h"

#include <QtTest>

using namespace agency::domain;

class TestCampaignName : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readsTheStoredName_data();
    void readsTheStoredName();
    void writesTheNameAndKeepsTheRest_data();
    void writesTheNameAndKeepsTheRest();
};

void TestCampaignName::readsTheStoredName_data()
{
    QTest::addColumn<QString>("metadata");
    QTest::addColumn<QString>("name");
    QTest::addRow("none") << QString() << QString();
    QTest::addRow("a name") << QStringLiteral("{\"name\":\"Harbour relaunch\"}") << QStringLiteral("Harbour relaunch");
    QTest::addRow("kept as stored") << QStringLiteral("{\"name\":\"  spaced  \"}") << QStringLiteral("  spaced  ");
    QTest::addRow("not a text") << QStringLiteral("{\"name\":42}") << QString();
    QTest::addRow("not JSON") << QStringLiteral("{\"name\":") << QString();
    QTest::addRow("unicode") << QString::fromUtf8("{\"name\":\"Frühjahr \\u00e9t\\u00e9\"}")
                             << QString::fromUtf8("Frühjahr été");
}

void TestCampaignName::readsTheStoredName()
{
    QFETCH(QString, metadata);
    QFETCH(QString, name);
    QCOMPARE(campaignNameIn(metadata), name);
}

void TestCampaignName::writesTheNameAndKeepsTheRest_data()
{
    QTest::addColumn<QString>("metadata");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected"); // "!": refused
    QTest::addRow("into nothing") << QString() << QStringLiteral("Harbour") << QStringLiteral("{\"name\":\"Harbour\"}");
    QTest::addRow("renamed, the rest kept")
        << QStringLiteral("{\"name\":\"Old\",\"source\":\"crm\",\"tags\":[1,2]}") << QStringLiteral("New")
        << QStringLiteral("{\"name\":\"New\",\"source\":\"crm\",\"tags\":[1,2]}");
    QTest::addRow("cleared: name gone") << QStringLiteral("{\"name\":\"Old\",\"source\":\"crm\"}") << QString()
                                        << QStringLiteral("{\"source\":\"crm\"}");
    QTest::addRow("cleared: nothing was there") << QString() << QString() << QString();
    QTest::addRow("cleared: an empty object stays")
        << QStringLiteral("{\"name\":\"Old\"}") << QString() << QStringLiteral("{}");
    QTest::addRow("quotes and backslashes")
        << QString() << QStringLiteral("a \"b\" \\ c") << QStringLiteral("{\"name\":\"a \\\"b\\\" \\\\ c\"}");
    QTest::addRow("invalid JSON never overwritten")
        << QStringLiteral("{\"source\":") << QStringLiteral("X") << QStringLiteral("!");
    QTest::addRow("an array is not metadata") << QStringLiteral("[1]") << QStringLiteral("X") << QStringLiteral("!");
}

void TestCampaignName::writesTheNameAndKeepsTheRest()
{
    QFETCH(QString, metadata);
    QFETCH(QString, name);
    QFETCH(QString, expected);
    const auto written = withCampaignName(metadata, name);
    if (expected == QStringLiteral("!")) {
        QVERIFY(!written);
        return;
    }
    QVERIFY(written);
    QCOMPARE(*written, expected);
    QCOMPARE(campaignNameIn(*written), name);
}

QTEST_GUILESS_MAIN(TestCampaignName)
#include "tst_campaignname.moc"
