// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/budget.h"
#include "domain/kpis.h"

#include <QtTest>

using namespace agency::domain;

class TestKpis : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parses_data();
    void parses();
    void attainment_data();
    void attainment();
    void features_data();
    void features();
    void metadataMustBeAnObject();
    void budgetSplit_data();
    void budgetSplit();
};

void TestKpis::parses_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<int>("count"); // -1: refused
    QTest::addColumn<QString>("mentions");
    QTest::newRow("typical") << R"({"clicks": 2500, "conversions": 120, "cpa": 40})" << 3 << "";
    QTest::newRow("fractions") << R"({"ctr": 0.035})" << 1 << "";
    QTest::newRow("empty object") << "{}" << 0 << "";
    QTest::newRow("empty text") << "" << 0 << "";
    QTest::newRow("null") << "null" << 0 << "";
    QTest::newRow("broken JSON") << R"({"clicks": )" << -1 << "not valid JSON";
    QTest::newRow("array") << "[1, 2]" << -1 << "object";
    QTest::newRow("string value") << R"({"clicks": "many"})" << -1 << "'clicks' must be a number";
    QTest::newRow("nested") << R"({"clicks": {"a": 1}})" << -1 << "'clicks' must be a number";
    QTest::newRow("null value") << R"({"clicks": null})" << -1 << "'clicks' must be a number";
    QTest::newRow("empty name") << R"({"": 1})" << -1 << "empty name";
}

void TestKpis::parses()
{
    QFETCH(QString, json);
    QFETCH(int, count);
    QFETCH(QString, mentions);
    QString error;
    const auto kpis = Kpis::parse(json, QStringLiteral("target_kpis"), &error);
    if (count < 0) {
        QVERIFY(!kpis);
        QVERIFY2(error.startsWith(QStringLiteral("target_kpis")) && error.contains(mentions), qPrintable(error));
        return;
    }
    QVERIFY2(kpis, qPrintable(error));
    QCOMPARE(kpis->values().size(), count);
    QCOMPARE(*Kpis::parse(kpis->toJson(), QStringLiteral("x"), nullptr), *kpis);
}

void TestKpis::attainment_data()
{
    QTest::addColumn<QString>("metric");
    QTest::addColumn<QVariant>("target");
    QTest::addColumn<QVariant>("actual");
    QTest::addColumn<QVariant>("expected"); // invalid: no attainment
    QTest::newRow("higher is better") << "clicks" << QVariant(2500.0) << QVariant(3000.0) << QVariant(1.2);
    QTest::newRow("under target") << "conversions" << QVariant(120.0) << QVariant(60.0) << QVariant(0.5);
    QTest::newRow("cpa lower is better") << "cpa" << QVariant(40.0) << QVariant(50.0) << QVariant(0.8);
    QTest::newRow("cpc beats target") << "CPC" << QVariant(2.0) << QVariant(1.0) << QVariant(2.0);
    QTest::newRow("bounce rate") << "bounce_rate" << QVariant(0.4) << QVariant(0.5) << QVariant(0.8);
    QTest::newRow("zero target") << "clicks" << QVariant(0.0) << QVariant(10.0) << QVariant();
    QTest::newRow("zero actual cost") << "cpa" << QVariant(40.0) << QVariant(0.0) << QVariant();
    QTest::newRow("missing actual") << "clicks" << QVariant(100.0) << QVariant() << QVariant();
    QTest::newRow("missing target") << "clicks" << QVariant() << QVariant(100.0) << QVariant();
    QTest::newRow("configured lower-better") << "churn" << QVariant(5.0) << QVariant(10.0) << QVariant(0.5);
}

void TestKpis::attainment()
{
    QFETCH(QString, metric);
    QFETCH(QVariant, target);
    QFETCH(QVariant, actual);
    QFETCH(QVariant, expected);
    auto opt = [](const QVariant& v) { return v.isValid() ? std::optional<double>(v.toDouble()) : std::nullopt; };
    const auto got = Kpis::attainment(metric, opt(target), opt(actual), { QStringLiteral("churn") });
    QCOMPARE(got.has_value(), expected.isValid());
    if (got)
        QVERIFY(qFuzzyCompare(*got, expected.toDouble()));
}

void TestKpis::features_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QStringList>("features");
    QTest::addColumn<bool>("valid");
    QTest::newRow("list") << R"(["24/7 support", "Monthly report"])" << QStringList { "24/7 support", "Monthly report" }
                          << true;
    QTest::newRow("empty") << "[]" << QStringList {} << true;
    QTest::newRow("object") << R"({"a": 1})" << QStringList {} << false;
    QTest::newRow("number inside") << R"(["a", 2])" << QStringList {} << false;
    QTest::newRow("broken") << R"(["a")" << QStringList {} << false;
}

void TestKpis::features()
{
    QFETCH(QString, json);
    QFETCH(bool, valid);
    QString error;
    const auto features = parseFeatures(json, &error);
    QCOMPARE(features.has_value(), valid);
    if (!valid) {
        QVERIFY2(error.startsWith(QStringLiteral("features")), qPrintable(error));
        return;
    }
    QTEST(*features, "features");
    QCOMPARE(*parseFeatures(featuresToJson(*features), nullptr), *features);
}

void TestKpis::metadataMustBeAnObject()
{
    QString error;
    QCOMPARE(*normalizeJsonObject(QStringLiteral(" { \"name\" : \"Launch\" } "), QStringLiteral("metadata"), &error),
        QStringLiteral("{\"name\":\"Launch\"}"));
    QVERIFY(!normalizeJsonObject(QStringLiteral("[]"), QStringLiteral("metadata"), &error));
    QVERIFY(error.startsWith(QStringLiteral("metadata")));
    QVERIFY(!normalizeJsonObject(QStringLiteral("{'single': 1}"), QStringLiteral("metadata"), &error));
    QVERIFY(error.contains(QStringLiteral("not valid JSON")));
}

void TestKpis::budgetSplit_data()
{
    QTest::addColumn<QVariant>("allocated"); // cents, or invalid for NULL
    QTest::addColumn<QList<ChannelShare>>("channels");
    QTest::addColumn<qint64>("activeTotal");
    QTest::addColumn<QVariant>("unallocated");
    QTest::addColumn<qint64>("over");

    auto pct = [](int h) { return std::optional<Percent>(Percent::fromHundredths(h)); };
    auto amt = [](qint64 c) { return std::optional<Money>(Money::fromCents(c)); };
    QTest::newRow("percent and fixed") << QVariant(
        qint64(1000000)) << QList<ChannelShare> { { "a", {}, pct(4000), true }, { "b", amt(250000), {}, true } }
                                       << qint64(650000) << QVariant(qint64(350000)) << qint64(0);
    QTest::newRow("fixed wins over percent")
        << QVariant(qint64(1000000)) << QList<ChannelShare> { { "a", amt(100), pct(9000), true } } << qint64(100)
        << QVariant(qint64(999900)) << qint64(0);
    QTest::newRow("inactive does not count")
        << QVariant(qint64(1000)) << QList<ChannelShare> { { "a", amt(900), {}, true }, { "b", amt(900), {}, false } }
        << qint64(900) << QVariant(qint64(100)) << qint64(0);
    QTest::newRow("over-allocated") << QVariant(qint64(1000))
                                    << QList<ChannelShare> { { "a", amt(600), {}, true }, { "b", {}, pct(5000), true } }
                                    << qint64(1100) << QVariant() << qint64(100);
    QTest::newRow("exactly full") << QVariant(qint64(999))
                                  << QList<ChannelShare> { { "a", {}, pct(5000), true }, { "b", {}, pct(5000), true } }
                                  << qint64(1000) << QVariant() << qint64(1); // 4.995 → 5.00 twice: rounding shows
    QTest::newRow("no allocation") << QVariant()
                                   << QList<ChannelShare> { { "a", {}, pct(5000), true }, { "b", amt(300), {}, true } }
                                   << qint64(300) << QVariant() << qint64(0);
    QTest::newRow("no channels") << QVariant(qint64(500)) << QList<ChannelShare> {} << qint64(0)
                                 << QVariant(qint64(500)) << qint64(0);
}

void TestKpis::budgetSplit()
{
    QFETCH(QVariant, allocated);
    QFETCH(QList<ChannelShare>, channels);
    const auto split = splitBudget(
        allocated.isValid() ? std::optional<Money>(Money::fromCents(allocated.toLongLong())) : std::nullopt, channels);
    QTEST(split.activeTotal.cents(), "activeTotal");
    QFETCH(QVariant, unallocated);
    QCOMPARE(split.unallocated.has_value(), unallocated.isValid());
    if (split.unallocated)
        QCOMPARE(split.unallocated->cents(), unallocated.toLongLong());
    QTEST(split.overAllocation.cents(), "over");
    QCOMPARE(split.isOverAllocated(), split.overAllocation.cents() > 0);
    QCOMPARE(split.effective.size(), channels.size());
}

QTEST_GUILESS_MAIN(TestKpis)
#include "tst_kpis.moc"
