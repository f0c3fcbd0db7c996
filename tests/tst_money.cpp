// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/money.h"

#include <QtTest>

using agency::domain::Money;
using agency::domain::Percent;

class TestMoney : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void shareOf_data();
    void shareOf();
    void parses_data();
    void parses();
    void refuses_data();
    void refuses();
    void parsesLocalized_data();
    void parsesLocalized();
    void percentParsesLocalized_data();
    void percentParsesLocalized();
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
    QTest::addColumn<QString>("advice"); // when refused: how the message says to write it
    QTest::newRow("de grouping and comma") << "de_DE"
                                           << "1.234,50" << qint64(123450) << "";
    QTest::newRow("de without grouping") << "de_DE"
                                         << "1234,5" << qint64(123450) << "";
    QTest::newRow("de thousands as Germans write them") << "de_DE"
                                                        << "1.234" << qint64(123400) << "";
    QTest::newRow("de millions") << "de_DE"
                                 << "1.234.567,89" << qint64(123456789) << "";
    QTest::newRow("de whole") << "de_DE"
                              << "1234" << qint64(123400) << "";
    QTest::newRow("de negative") << "de_DE"
                                 << "-1.000,01" << qint64(-100001) << "";
    QTest::newRow("de cents only") << "de_DE"
                                   << ",5" << qint64(50) << "";
    QTest::newRow("de dot as a decimal point") << "de_DE"
                                               << "1234.5" << qint64(-1) << "1.234,50";
    QTest::newRow("de dot before cents") << "de_DE"
                                         << "12.50" << qint64(-1) << "12,50";
    QTest::newRow("de dot and two decimals") << "de_DE"
                                             << "1234.50" << qint64(-1) << "1.234,50";
    QTest::newRow("de English grouping") << "de_DE"
                                         << "1,234.50" << qint64(-1) << "1.234,50";
    QTest::newRow("de grouping off by one") << "de_DE"
                                            << "12.34,5" << qint64(-1) << "1.234,50";
    QTest::newRow("de two commas") << "de_DE"
                                   << "1,2,3" << qint64(-1) << "1.234,50";
    QTest::newRow("de three decimals") << "de_DE"
                                       << "1,234" << qint64(-1) << "two decimals";
    QTest::newRow("fr narrow spaces") << "fr_FR" << QString::fromUtf8("1\u202f234,50") << qint64(123450) << "";
    QTest::newRow("fr no-break space") << "fr_FR" << QString::fromUtf8("1\u00a0234,50") << qint64(123450) << "";
    QTest::newRow("fr typed space") << "fr_FR"
                                    << "1 234 567,8" << qint64(123456780) << "";
    QTest::newRow("fr comma") << "fr_FR"
                              << "99,99" << qint64(9999) << "";
    QTest::newRow("fr dot") << "fr_FR"
                            << "99.99" << qint64(-1) << "99,99";
    QTest::newRow("fr space off by one") << "fr_FR"
                                         << "12 34,5" << qint64(-1) << QString::fromUtf8("1\u202f234,50");
    QTest::newRow("en grouping") << "en_US"
                                 << "1,234.50" << qint64(123450) << "";
    QTest::newRow("en thousands") << "en_US"
                                  << "1,234" << qint64(123400) << "";
    QTest::newRow("en plain") << "en_US"
                              << "1234.5" << qint64(123450) << "";
    QTest::newRow("en comma as a decimal point") << "en_US"
                                                 << "1234,5" << qint64(-1) << "1,234.50";
    QTest::newRow("en German grouping") << "en_US"
                                        << "1.234,50" << qint64(-1) << "1,234.50";
    QTest::newRow("en too large") << "en_US"
                                  << "12,345,678,901" << qint64(-1) << "at most 10 digits";
}

void TestMoney::parsesLocalized()
{
    QFETCH(QString, locale);
    QFETCH(QString, text);
    QFETCH(qint64, cents);
    QFETCH(QString, advice);
    QString error;
    const auto money = Money::parseLocalized(text, QLocale(locale), &error);
    if (!advice.isEmpty()) {
        QVERIFY2(!money, qPrintable(QString::number(money ? money->cents() : 0)));
        QVERIFY2(error.contains(advice), qPrintable(error));
        return;
    }
    QVERIFY2(money, qPrintable(error));
    QCOMPARE(money->cents(), cents);
    // What is shown is read back as the same amount.
    QCOMPARE(Money::parseLocalized(money->toDisplayString(QLocale(locale)), QLocale(locale))->cents(), cents);
}

void TestMoney::percentParsesLocalized_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("hundredths"); // -1: refused
    QTest::newRow("de comma and sign") << "de_DE"
                                       << "12,5 %" << 1250;
    QTest::newRow("de without sign") << "de_DE"
                                     << "12,5" << 1250;
    QTest::newRow("de dot") << "de_DE"
                            << "12.5" << -1;
    QTest::newRow("fr") << "fr_FR" << QString::fromUtf8("33,33\u00a0%") << 3333;
    QTest::newRow("fr dot") << "fr_FR"
                            << "33.33" << -1;
    QTest::newRow("en") << "en_US"
                        << "33.33%" << 3333;
    QTest::newRow("en comma") << "en_US"
                              << "33,33" << -1;
    QTest::newRow("en over a hundred") << "en_US"
                                       << "100.5" << -1;
}

void TestMoney::percentParsesLocalized()
{
    QFETCH(QString, locale);
    QFETCH(QString, text);
    QFETCH(int, hundredths);
    QString error;
    const auto percent = Percent::parseLocalized(text, QLocale(locale), &error);
    if (hundredths < 0) {
        QVERIFY(!percent);
        QVERIFY(!error.isEmpty());
        return;
    }
    QVERIFY2(percent, qPrintable(error));
    QCOMPARE(percent->hundredths(), hundredths);
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

void TestMoney::shareOf_data()
{
    QTest::addColumn<qint64>("part");
    QTest::addColumn<qint64>("whole");
    QTest::addColumn<qint64>("hundredths"); // -1: none
    QTest::newRow("2.68 of 5.35: 50.09 %, not 50 % of what the parts add up to")
        << qint64(268) << qint64(535) << qint64(5009);
    QTest::newRow("half a hundredth rounds up: 1 of 8 cents is 12.5 %") << qint64(1) << qint64(8) << qint64(1250);
    QTest::newRow("0.005 % up: 1 of 20,000 cents") << qint64(1) << qint64(20000) << qint64(1);
    QTest::newRow("just below it: 1 of 20,001 cents") << qint64(1) << qint64(20001) << qint64(0);
    QTest::newRow("over the whole: 120.005 % up") << qint64(1200050) << qint64(1000000) << qint64(12001);
    QTest::newRow("the largest amount of itself") << Money::maxCents << Money::maxCents << qint64(10000);
    QTest::newRow("of 0.00: none, never infinite") << qint64(5000) << qint64(0) << qint64(-1);
    QTest::newRow("of a negative whole: none") << qint64(5000) << qint64(-100) << qint64(-1);
}

void TestMoney::shareOf()
{
    QFETCH(qint64, part);
    QFETCH(qint64, whole);
    QFETCH(qint64, hundredths);
    const auto share = Money::fromCents(part).shareOf(Money::fromCents(whole));
    QCOMPARE(share.value_or(-1), hundredths);
}

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"
