// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/money.h"

#include <QtTest>

using agency::domain::Money;
using agency::domain::Percent;

class TestMoney : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parses_data();
    void parses();
    void refuses_data();
    void refuses();
    void parsesLocalized_data();
    void parsesLocalized();
    void displays_data();
    void displays();
    void percentOfRoundsHalfAwayFromZero_data();
    void percentOfRoundsHalfAwayFromZero();
    void addsWithoutOverflow();
    void percentParsesAndRefuses_data();
    void percentParsesAndRefuses();
    void narrowerColumnsRefuseWiderValues();
};

void TestMoney::parses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("cents");
    QTest::addColumn<QString>("canonical");
    QTest::newRow("zero") << "0" << qint64(0) << "0.00";
    QTest::newRow("one cent") << "0.01" << qint64(1) << "0.01";
    QTest::newRow("one decimal") << "1234.5" << qint64(123450) << "1234.50";
    QTest::newRow("two decimals") << "1234.56" << qint64(123456) << "1234.56";
    QTest::newRow("largest NUMERIC(12,2)") << "9999999999.99" << qint64(999999999999) << "9999999999.99";
    QTest::newRow("negative") << "-12.30" << qint64(-1230) << "-12.30";
    QTest::newRow("negative cents only") << "-0.05" << qint64(-5) << "-0.05";
    QTest::newRow("leading zeros") << "000012.00" << qint64(1200) << "12.00";
    QTest::newRow("no whole part") << ".75" << qint64(75) << "0.75";
    QTest::newRow("trailing dot") << "7." << qint64(700) << "7.00";
    QTest::newRow("blanks around") << "  42.10 " << qint64(4210) << "42.10";
    QTest::newRow("explicit plus") << "+3" << qint64(300) << "3.00";
    QTest::newRow("beyond double precision") << "9007199254.74" << qint64(900719925474) << "9007199254.74";
}

void TestMoney::parses()
{
    QFETCH(QString, text);
    QString error;
    const auto money = Money::parse(text, &error);
    QVERIFY2(money, qPrintable(error));
    QTEST(money->cents(), "cents");
    QTEST(money->toDecimalString(), "canonical");
    QCOMPARE(Money::parse(money->toDecimalString())->cents(), money->cents());
}

void TestMoney::refuses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("empty") << ""
                           << "number";
    QTest::newRow("letters") << "12a.00"
                             << "not a number";
    QTest::newRow("three decimals") << "1.005"
                                    << "two decimals";
    QTest::newRow("overflow by one cent") << "10000000000.00"
                                          << "too large";
    QTest::newRow("huge") << "123456789012345678901234567890"
                          << "too large";
    QTest::newRow("two dots") << "1.2.3"
                              << "not a number";
    QTest::newRow("exponent") << "1e3"
                              << "not a number";
    QTest::newRow("just a sign") << "-"
                                 << "number";
    QTest::newRow("just a dot") << "."
                                << "number";
    QTest::newRow("grouping in plain form") << "1,234.50"
                                            << "not a number";
}

void TestMoney::refuses()
{
    QFETCH(QString, text);
    QFETCH(QString, mentions);
    QString error;
    QVERIFY(!Money::parse(text, &error));
    QVERIFY2(error.contains(mentions), qPrintable(error));
}

void TestMoney::parsesLocalized_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("cents");
    QTest::newRow("German grouping and comma") << "de_DE"
                                               << "1.234,50" << qint64(123450);
    QTest::newRow("German without grouping") << "de_DE"
                                             << "1234,5" << qint64(123450);
    QTest::newRow("German plain form still works") << "de_DE"
                                                   << "1234.50" << qint64(123450);
    QTest::newRow("English grouping") << "en_US"
                                      << "1,234.50" << qint64(123450);
    QTest::newRow("French narrow spaces") << "fr_FR" << QString::fromUtf8("1\u202f234,50") << qint64(123450);
    QTest::newRow("German negative") << "de_DE"
                                     << "-1.000,01" << qint64(-100001);
}

void TestMoney::parsesLocalized()
{
    QFETCH(QString, locale);
    QFETCH(QString, text);
    QString error;
    const auto money = Money::parseLocalized(text, QLocale(locale), &error);
    QVERIFY2(money, qPrintable(error));
    QTEST(money->cents(), "cents");
}

void TestMoney::displays_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<qint64>("cents");
    QTest::addColumn<QString>("shown");
    QTest::newRow("en") << "en_US" << qint64(123456789) << "1,234,567.89";
    QTest::newRow("de") << "de_DE" << qint64(123456789) << "1.234.567,89";
    QTest::newRow("de negative") << "de_DE" << qint64(-5) << "-0,05";
    QTest::newRow("largest") << "en_US" << qint64(999999999999) << "9,999,999,999.99";
}

void TestMoney::displays()
{
    QFETCH(QString, locale);
    QFETCH(qint64, cents);
    QTEST(Money::fromCents(cents).toDisplayString(QLocale(locale)), "shown");
}

void TestMoney::percentOfRoundsHalfAwayFromZero_data()
{
    QTest::addColumn<qint64>("cents");
    QTest::addColumn<int>("hundredths");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("exact") << qint64(100000) << 2500 << qint64(25000);
    QTest::newRow("half cent rounds up") << qint64(1) << 5000 << qint64(1); // 0.005 → 0.01
    QTest::newRow("below half rounds down") << qint64(1) << 4999 << qint64(0);
    QTest::newRow("a third") << qint64(10000) << 3333 << qint64(3333);
    QTest::newRow("12.5% of 0.99") << qint64(99) << 1250 << qint64(12); // 12.375 → 12
    QTest::newRow("12.5% of 1.00 is exactly half") << qint64(4) << 1250 << qint64(1); // 0.5 → 1
    QTest::newRow("negative half rounds away") << qint64(-1) << 5000 << qint64(-1);
    QTest::newRow("100% of the largest") << qint64(999999999999) << 10000 << qint64(999999999999);
    QTest::newRow("0%") << qint64(12345) << 0 << qint64(0);
}

void TestMoney::percentOfRoundsHalfAwayFromZero()
{
    QFETCH(qint64, cents);
    QFETCH(int, hundredths);
    QTEST(Money::fromCents(cents).percentOf(Percent::fromHundredths(hundredths)).cents(), "expected");
}

void TestMoney::addsWithoutOverflow()
{
    const Money big = Money::fromCents(std::numeric_limits<qint64>::max() - 1);
    QVERIFY(!big.checkedAdd(Money::fromCents(5)));
    QCOMPARE(big.checkedAdd(Money::fromCents(1))->cents(), std::numeric_limits<qint64>::max());
    QCOMPARE((Money::fromCents(150) + Money::fromCents(-50)).cents(), 100);
    QVERIFY(Money::fromCents(1) > Money());
}

void TestMoney::percentParsesAndRefuses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("hundredths"); // -1: refused
    QTest::newRow("whole") << "40" << 4000;
    QTest::newRow("two decimals") << "12.34" << 1234;
    QTest::newRow("hundred") << "100" << 10000;
    QTest::newRow("hundred point zero") << "100.00" << 10000;
    QTest::newRow("zero") << "0" << 0;
    QTest::newRow("just above hundred") << "100.01" << -1;
    QTest::newRow("negative") << "-0.01" << -1;
    QTest::newRow("three decimals") << "1.234" << -1;
    QTest::newRow("thousand") << "1000" << -1;
    QTest::newRow("text") << "half" << -1;
}

void TestMoney::percentParsesAndRefuses()
{
    QFETCH(QString, text);
    QFETCH(int, hundredths);
    QString error;
    const auto percent = Percent::parse(text, &error);
    if (hundredths < 0) {
        QVERIFY(!percent);
        QVERIFY(!error.isEmpty());
        return;
    }
    QVERIFY2(percent, qPrintable(error));
    QCOMPARE(percent->hundredths(), hundredths);
    QCOMPARE(Percent::parse(percent->toDecimalString())->hundredths(), hundredths);
    QCOMPARE(Percent::parseLocalized(QStringLiteral("12,5 %"), QLocale(QStringLiteral("de_DE")))->hundredths(), 1250);
    QCOMPARE(
        Percent::fromHundredths(1250).toDisplayString(QLocale(QStringLiteral("en_US"))), QStringLiteral("12.50 %"));
    QCOMPARE(
        Percent::fromHundredths(2618).toDisplayString(QLocale(QStringLiteral("de_DE"))), QStringLiteral("26,18 %"));
    QCOMPARE(
        Percent::fromHundredths(5000).toDisplayString(QLocale(QStringLiteral("fr_FR"))), QStringLiteral("50,00 %"));
}

void TestMoney::narrowerColumnsRefuseWiderValues()
{
    // hourly_rate is NUMERIC(8,2): six digits before the point.
    QVERIFY(Money::parse(u"999999.99", nullptr, 6));
    QString error;
    QVERIFY(!Money::parse(u"1000000.00", &error, 6));
    QVERIFY(error.contains(QStringLiteral("6 digits")));
}

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"
