// SPDX-License-Identifier: GPL-3.0-or-later
// Response times in business hours: the text people and the command line write them in, and the seconds they count,
// worked out by hand over weekends, time zones and a change to summer time.
#include "domain/businesshours.h"

#include <QDateTime>
#include <QTest>

using agency::domain::BusinessHours;

class TestBusinessHours : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readsWhatPeopleWrite_data();
    void readsWhatPeopleWrite();
    void refusesWhatIsNotHours_data();
    void refusesWhatIsNotHours();
    void countsOnlyWorkingTime_data();
    void countsOnlyWorkingTime();
    void calendarHoursCountEverySecond();
};

namespace {
qint64 at(const char* when, const char* zone)
{
    return QDateTime(QDateTime::fromString(QString::fromLatin1(when), Qt::ISODate).date(),
        QDateTime::fromString(QString::fromLatin1(when), Qt::ISODate).time(), QTimeZone(zone))
        .toSecsSinceEpoch();
}
}

void TestBusinessHours::readsWhatPeopleWrite_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("written");
    QTest::addRow("a range") << "Mon-Fri 09:00-17:00 Europe/Berlin"
                             << "Mon-Fri 09:00-17:00 Europe/Berlin";
    QTest::addRow("a list, short hours") << "mon,wed,FRI 8:30-16:00 UTC"
                                         << "Mon,Wed,Fri 08:30-16:00 UTC";
    QTest::addRow("two runs") << "Mon-Wed,Fri 09:00-12:00 Europe/Paris"
                              << "Mon-Wed,Fri 09:00-12:00 Europe/Paris";
    QTest::addRow("over the weekend") << "Fri-Mon 10:00-14:00 UTC"
                                      << "Mon,Fri-Sun 10:00-14:00 UTC";
    QTest::addRow("two days") << "Sat,Sun 10:00-14:00 UTC"
                              << "Sat,Sun 10:00-14:00 UTC";
    QTest::addRow("calendar") << "calendar"
                              << "calendar";
    QTest::addRow("nothing") << ""
                             << "calendar";
}

void TestBusinessHours::readsWhatPeopleWrite()
{
    QFETCH(QString, text);
    QFETCH(QString, written);
    QString error;
    const auto hours = BusinessHours::parse(text, &error);
    QVERIFY2(hours, qPrintable(error));
    QCOMPARE(hours->toString(), written);
    const auto again = BusinessHours::parse(hours->toString(), &error);
    QVERIFY(again);
    QCOMPARE(again->toString(), written);
    QCOMPARE(again->days(), hours->days());
}

void TestBusinessHours::refusesWhatIsNotHours_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("named"); // what the message names
    QTest::addRow("no hours") << "Mon-Fri"
                              << "Mon-Fri";
    QTest::addRow("not days") << "Montag-Freitag 09:00-17:00"
                              << "Montag-Freitag";
    QTest::addRow("a day's start") << "Mo-Fr 09:00-17:00"
                                   << "Mo-Fr";
    QTest::addRow("the end first") << "Mon-Fri 17:00-09:00"
                                   << "17:00-09:00";
    QTest::addRow("not a time") << "Mon-Fri 9-17"
                                << "9-17";
    QTest::addRow("25 o'clock") << "Mon-Fri 09:00-25:00"
                                << "09:00-25:00";
    QTest::addRow("an unknown zone") << "Mon-Fri 09:00-17:00 Europe/Atlantis"
                                     << "Europe/Atlantis";
    QTest::addRow("too many words") << "Mon-Fri 09:00-17:00 Europe/Berlin extra"
                                    << "extra";
}

void TestBusinessHours::refusesWhatIsNotHours()
{
    QFETCH(QString, text);
    QFETCH(QString, named);
    QString error;
    QVERIFY(!BusinessHours::parse(text, &error));
    QVERIFY2(error.contains(named), qPrintable(error));
}

void TestBusinessHours::countsOnlyWorkingTime_data()
{
    QTest::addColumn<QString>("hours");
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to");
    QTest::addColumn<qint64>("seconds");
    const char* berlin = "Europe/Berlin";
    const QString office = QStringLiteral("Mon-Fri 09:00-17:00 Europe/Berlin");
    // 2024-02-02 is a Friday.
    QTest::addRow("within a day") << office << at("2024-02-05T10:00:00", berlin) << at("2024-02-05T11:30:00", berlin)
                                  << qint64(90 * 60);
    QTest::addRow("before opening to after closing")
        << office << at("2024-02-05T06:00:00", berlin) << at("2024-02-05T20:00:00", berlin) << qint64(8 * 3600);
    QTest::addRow("Friday afternoon to Monday morning")
        << office << at("2024-02-02T16:00:00", berlin) << at("2024-02-05T10:00:00", berlin) << qint64(2 * 3600);
    QTest::addRow("a weekend only") << office << at("2024-02-03T10:00:00", berlin) << at("2024-02-04T18:00:00", berlin)
                                    << qint64(0);
    QTest::addRow("four weeks") << office << at("2024-01-01T00:00:00", berlin) << at("2024-01-29T00:00:00", berlin)
                                << qint64(4 * 5 * 8 * 3600);
    // The same office seen from UTC: 08:00–16:00 UTC in winter.
    QTest::addRow("another zone's clock")
        << office << at("2024-02-05T07:00:00", "UTC") << at("2024-02-05T09:00:00", "UTC") << qint64(3600);
    // Summer time begins on Sunday 2024-03-31 at 02:00 in Berlin: 00:00–06:00 on the clock is five hours.
    QTest::addRow("the night the clocks go forward")
        << QStringLiteral("Sun 00:00-06:00 Europe/Berlin") << at("2024-03-30T12:00:00", berlin)
        << at("2024-04-01T12:00:00", berlin) << qint64(5 * 3600);
    // And ends on Sunday 2024-10-27 at 03:00: that night is seven.
    QTest::addRow("the night the clocks go back")
        << QStringLiteral("Sun 00:00-06:00 Europe/Berlin") << at("2024-10-26T12:00:00", berlin)
        << at("2024-10-28T12:00:00", berlin) << qint64(7 * 3600);
    QTest::addRow("backwards") << office << at("2024-02-05T11:00:00", berlin) << at("2024-02-05T10:00:00", berlin)
                               << qint64(0);
}

void TestBusinessHours::countsOnlyWorkingTime()
{
    QFETCH(QString, hours);
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    QFETCH(qint64, seconds);
    QString error;
    const auto parsed = BusinessHours::parse(hours, &error);
    QVERIFY2(parsed, qPrintable(error));
    QCOMPARE(parsed->secondsBetween(from, to), seconds);
    QCOMPARE(parsed->secondsBetween(from, to), seconds); // asked again: the remembered windows give the same
}

void TestBusinessHours::calendarHoursCountEverySecond()
{
    const BusinessHours calendar;
    QVERIFY(calendar.isCalendar());
    QCOMPARE(calendar.secondsBetween(1000, 100000), qint64(99000));
    QCOMPARE(calendar.secondsBetween(100000, 1000), qint64(0));
}

QTEST_GUILESS_MAIN(TestBusinessHours)
#include "tst_businesshours.moc"
