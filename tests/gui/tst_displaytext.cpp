// SPDX-License-Identifier: GPL-3.0-or-later
// Names with direction controls in them, as a hostile or careless CSV brings them: they never turn around the text
// beside them on screen (issue 12.12: a RIGHT-TO-LEFT OVERRIDE in a client's name reversed the channel table's
// campaign labels), and what is stored stays exactly as typed.
#include "domain/displaytext.h"
#include "support/builders.h"
#include "support/scratchdatabase.h"
#include "tables/channelmodel.h"

#include <QApplication>
#include <QSqlRecord>
#include <QTextLayout>
#include <QtTest>

using namespace agency;

namespace {
const QString rlo = QString(QChar(0x202E));
const QString fsi = QString(QChar(0x2068));
const QString pdi = QString(QChar(0x2069));

// Where a person sees the character at logical `index` of `text` start (as Qt lays it out on one line).
qreal xOf(const QString& text, qsizetype index)
{
    QTextLayout layout(text, QApplication::font());
    layout.beginLayout();
    QTextLine line = layout.createLine();
    line.setLineWidth(100000);
    layout.endLayout();
    return line.cursorToX(static_cast<int>(index));
}

// Whether `part` (found in `text` after `from`) reads left to right on screen, each character right of the one
// before.
bool readsLeftToRight(const QString& text, const QString& part, qsizetype from = 0)
{
    const qsizetype at = text.indexOf(part, from);
    if (at < 0)
        return false;
    for (qsizetype i = at; i + 1 < at + part.size(); ++i) {
        if (!(xOf(text, i) < xOf(text, i + 1)))
            return false;
    }
    return true;
}
}

class TestDisplayText : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void isolatedForDisplay_data();
    void isolatedForDisplay();
    void overrideInAClientNameStaysInIt();
    void datesInTheUsersLocale_data();
    void datesInTheUsersLocale();
};

void TestDisplayText::isolatedForDisplay_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("shown");
    QTest::newRow("plain") << QStringLiteral("Acme") << QStringLiteral("Acme");
    QTest::newRow("a right-to-left name, no controls")
        << QString::fromUtf8("שלום בע\"מ") << QString::fromUtf8("שלום בע\"מ");
    QTest::newRow("an override left open") << QStringLiteral("Acme") + rlo + QStringLiteral("evil")
                                           << fsi + QStringLiteral("Acme") + rlo + QStringLiteral("evil") + pdi;
    QTest::newRow("a closing isolate that closes nothing") << QStringLiteral("a") + pdi + rlo
            + QStringLiteral("b") << fsi + QStringLiteral("a") + rlo + QStringLiteral("b") + pdi;
    QTest::newRow("balanced isolates kept") << QStringLiteral("x") + fsi + QStringLiteral("y") + pdi
                                            << fsi + QStringLiteral("x") + fsi + QStringLiteral("y") + pdi + pdi;
}

void TestDisplayText::isolatedForDisplay()
{
    QFETCH(QString, typed);
    QFETCH(QString, shown);
    QCOMPARE(domain::isolatedForDisplay(typed), shown);
}

// A client named "Acme<RLO>evil": on the Channels page the campaign label "Acme<RLO>evil · social · 2026-03-01" reads
// " · social · 2026-03-01" left to right after the name, as every other label does; the client's name is stored as
// typed.
void TestDisplayText::overrideInAClientNameStaysInIt()
{
    AGENCY_SCRATCH(scratch, QStringLiteral("sqlite"));
    QVERIFY(scratch.migrate());
    const QString name = QStringLiteral("Acme") + rlo + QStringLiteral("evil");
    const QString client = test::add(scratch.db(), test::Client { .name = name, .type = QStringLiteral("retainer") });
    const QString campaign = test::add(scratch.db(),
        test::Campaign { .client = client, .type = QStringLiteral("social"), .start = QStringLiteral("2026-03-01") });
    QVERIFY(
        !test::add(scratch.db(), test::Channel { .campaign = campaign, .type = QStringLiteral("email") }).isEmpty());
    tables::ChannelModel channels(scratch.db());
    QVERIFY(channels.select());
    QCOMPARE(channels.rowCount(), 1);
    const QString label
        = channels.data(channels.index(0, channels.fieldIndex(QStringLiteral("campaign_id")))).toString();
    QVERIFY2(label.contains(QStringLiteral("social")), qPrintable(label));
    QVERIFY2(readsLeftToRight(label, QStringLiteral("social")), qPrintable(label));
    QVERIFY2(readsLeftToRight(label, QStringLiteral("2026-03-01")), qPrintable(label));
    QVERIFY(xOf(label, label.indexOf(QStringLiteral("social"))) < xOf(label, label.indexOf(QStringLiteral("2026"))));
    // Inside the name the override still does what it says (that is the name as typed).
    QVERIFY(!readsLeftToRight(label, QStringLiteral("evil")));
    QCOMPARE(test::scalar(scratch.db(), QStringLiteral("SELECT client_name FROM agency_clients")).toString(), name);
}

void TestDisplayText::datesInTheUsersLocale_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("date");
    QTest::addColumn<QString>("instant");
    QTest::newRow("German") << QLocale(QLocale::German, QLocale::Germany) << QStringLiteral("05.12.2026")
                            << QStringLiteral("05.12.2026 14:03");
    QTest::newRow("French") << QLocale(QLocale::French, QLocale::France) << QStringLiteral("05/12/2026")
                            << QStringLiteral("05/12/2026 14:03");
    QTest::newRow("US English") << QLocale(QLocale::English, QLocale::UnitedStates) << QStringLiteral("12/5/2026")
                                << QStringLiteral("12/5/2026 2:03 PM");
    QTest::newRow("no locale (C): ISO") << QLocale::c() << QStringLiteral("2026-12-05")
                                        << QStringLiteral("2026-12-05 14:03");
}

// A date is shown as its reader writes dates, never with a two-digit year; the C locale keeps ISO 8601.
void TestDisplayText::datesInTheUsersLocale()
{
    QFETCH(QLocale, locale);
    QFETCH(QString, date);
    QFETCH(QString, instant);
    QCOMPARE(domain::dateText(QDate(2026, 12, 5), locale), date);
    const QDateTime local(QDate(2026, 12, 5), QTime(14, 3, 27));
    QCOMPARE(domain::instantText(local, locale).replace(QChar(0x202f), u' '), instant); // CLDR: a narrow space

    QVERIFY(domain::dateText(QDate()).isEmpty());
}

QTEST_MAIN(TestDisplayText)
#include "tst_displaytext.moc"
