// SPDX-License-Identifier: GPL-3.0-or-later
#include "db/sqlscript.h"

#include <QtTest>

class TestSqlScript : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void splits_data();
    void splits();
};

void TestSqlScript::splits_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<QStringList>("statements");
    QTest::newRow("two statements") << "CREATE TABLE a (x int);\nCREATE TABLE b (y int);"
                                    << QStringList { "CREATE TABLE a (x int)", "CREATE TABLE b (y int)" };
    QTest::newRow("no final semicolon") << "SELECT 1" << QStringList { "SELECT 1" };
    QTest::newRow("semicolon in string") << "INSERT INTO t VALUES ('a;b'); SELECT 2;"
                                         << QStringList { "INSERT INTO t VALUES ('a;b')", "SELECT 2" };
    QTest::newRow("doubled quote") << "SELECT 'it''s;'; SELECT 3" << QStringList { "SELECT 'it''s;'", "SELECT 3" };
    QTest::newRow("line comment dropped") << "-- a; comment\nSELECT 1; -- trailing;\n" << QStringList { "SELECT 1" };
    QTest::newRow("block comment") << "SELECT /* ; */ 1;" << QStringList { "SELECT   1" };
    QTest::newRow("dollar body")
        << "CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN x := 1; RETURN NEW; END $$ LANGUAGE plpgsql; SELECT 1"
        << QStringList { "CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN x := 1; RETURN NEW; END $$ LANGUAGE plpgsql",
               "SELECT 1" };
    QTest::newRow("tagged dollar body") << "DO $body$ BEGIN PERFORM 1; END $body$; SELECT 2"
                                        << QStringList { "DO $body$ BEGIN PERFORM 1; END $body$", "SELECT 2" };
    QTest::newRow("sqlite trigger with case")
        << "CREATE TRIGGER t AFTER UPDATE ON a BEGIN UPDATE a SET x = CASE WHEN 1 THEN 2 END; DELETE FROM b; END; "
           "SELECT 1;"
        << QStringList {
               "CREATE TRIGGER t AFTER UPDATE ON a BEGIN UPDATE a SET x = CASE WHEN 1 THEN 2 END; DELETE FROM b; END",
               "SELECT 1"
           };
    QTest::newRow("BEGIN outside a trigger splits")
        << "BEGIN; SELECT 1; END;" << QStringList { "BEGIN", "SELECT 1", "END" };
    QTest::newRow("quoted identifier") << "SELECT \"a;b\" FROM t;" << QStringList { "SELECT \"a;b\" FROM t" };
    QTest::newRow("only blanks and comments") << "  \n-- nothing\n ; ;" << QStringList {};
}

void TestSqlScript::splits()
{
    QFETCH(QString, script);
    QFETCH(QStringList, statements);
    QStringList got = agency::db::splitSqlScript(script);
    for (QString& s : got)
        s = s.simplified();
    for (QString& s : statements)
        s = s.simplified();
    QCOMPARE(got, statements);
}

QTEST_GUILESS_MAIN(TestSqlScript)
#include "tst_sqlscript.moc"
