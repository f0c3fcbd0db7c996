// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/csvwriter.h"

#include <QBuffer>
#include <QtTest>

using agency::exporting::CsvOptions;
using agency::exporting::CsvWriter;

class TestCsvWriter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void encodesFields_data();
    void encodesFields();
    void writesRowsWithCrlfAndBom();
    void namesDelimiters();
};

void TestCsvWriter::encodesFields_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<bool>("isNull");
    QTest::addColumn<bool>("isText");
    QTest::addColumn<char>("delimiter");
    QTest::addColumn<bool>("guard");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("plain") << QByteArray("Acme") << false << true << ',' << true << QByteArray("Acme");
    QTest::newRow("NULL is empty and unquoted") << QByteArray() << true << true << ',' << true << QByteArray("");
    QTest::newRow("empty string is quoted") << QByteArray("") << false << true << ',' << true << QByteArray("\"\"");
    QTest::newRow("comma") << QByteArray("a,b") << false << true << ',' << true << QByteArray("\"a,b\"");
    QTest::newRow("comma with semicolon delimiter")
        << QByteArray("a,b") << false << true << ';' << true << QByteArray("a,b");
    QTest::newRow("semicolon with semicolon delimiter")
        << QByteArray("a;b") << false << true << ';' << true << QByteArray("\"a;b\"");
    QTest::newRow("tab with tab delimiter")
        << QByteArray("a\tb") << false << true << '\t' << true << QByteArray("\"a\tb\"");
    QTest::newRow("quote doubled") << QByteArray("say \"hi\"") << false << true << ',' << true
                                   << QByteArray("\"say \"\"hi\"\"\"");
    QTest::newRow("LF") << QByteArray("line1\nline2") << false << true << ',' << true << QByteArray("\"line1\nline2\"");
    QTest::newRow("CRLF inside") << QByteArray("a\r\nb") << false << true << ',' << true << QByteArray("\"a\r\nb\"");
    QTest::newRow("leading space") << QByteArray(" x") << false << true << ',' << true << QByteArray("\" x\"");
    QTest::newRow("trailing space") << QByteArray("x ") << false << true << ',' << true << QByteArray("\"x \"");
    QTest::newRow("only a space") << QByteArray(" ") << false << true << ',' << true << QByteArray("\" \"");
    QTest::newRow("inner space") << QByteArray("a b") << false << true << ',' << true << QByteArray("a b");
    QTest::newRow("unicode untouched") << QByteArray("Müller · 東京 🙂") << false << true << ',' << true
                                       << QByteArray("Müller · 東京 🙂");
    QTest::newRow("guard =") << QByteArray("=SUM(A1:A9)") << false << true << ',' << true << QByteArray("'=SUM(A1:A9)");
    QTest::newRow("guard +") << QByteArray("+1") << false << true << ',' << true << QByteArray("'+1");
    QTest::newRow("guard -") << QByteArray("-2+3") << false << true << ',' << true << QByteArray("'-2+3");
    QTest::newRow("guard @") << QByteArray("@cmd") << false << true << ',' << true << QByteArray("'@cmd");
    QTest::newRow("guard tab") << QByteArray("\tx") << false << true << ',' << true << QByteArray("'\tx");
    QTest::newRow("guard CR, then quoted")
        << QByteArray("\rx") << false << true << ',' << true << QByteArray("\"'\rx\"");
    QTest::newRow("guard with comma, quoted")
        << QByteArray("=1,2") << false << true << ',' << true << QByteArray("\"'=1,2\"");
    QTest::newRow("guard with trailing space")
        << QByteArray("=x ") << false << true << ',' << true << QByteArray("\"'=x \"");
    QTest::newRow("guard's own mark, guarded")
        << QByteArray("'=x") << false << true << ',' << true << QByteArray("''=x");
    QTest::newRow("two marks, guarded") << QByteArray("''") << false << true << ',' << true << QByteArray("'''");
    QTest::newRow("a mark before a letter, as is")
        << QByteArray("'tis") << false << true << ',' << true << QByteArray("'tis");
    QTest::newRow("a lone mark, as is") << QByteArray("'") << false << true << ',' << true << QByteArray("'");
    QTest::newRow("guard off") << QByteArray("=SUM(A1)") << false << true << ',' << false << QByteArray("=SUM(A1)");
    QTest::newRow("negative number is not text")
        << QByteArray("-12.50") << false << false << ',' << true << QByteArray("-12.50");
    QTest::newRow("guard only at the start") << QByteArray("a=b") << false << true << ',' << true << QByteArray("a=b");
    QTest::newRow("12-digit money") << QByteArray("9999999999.99") << false << false << ',' << true
                                    << QByteArray("9999999999.99");
    QTest::newRow("JSON") << QByteArray("{\"a\": 1, \"b\": \"x\"}") << false << true << ',' << true
                          << QByteArray("\"{\"\"a\"\": 1, \"\"b\"\": \"\"x\"\"}\"");
}

void TestCsvWriter::encodesFields()
{
    QFETCH(QByteArray, value);
    QFETCH(bool, isNull);
    QFETCH(bool, isText);
    QFETCH(char, delimiter);
    QFETCH(bool, guard);
    CsvOptions options;
    options.delimiter = delimiter;
    options.formulaGuard = guard;
    QByteArray out;
    CsvWriter::appendField(
        out, isNull ? QByteArrayView() : QByteArrayView(value.constData(), value.size()), isNull, isText, options);
    QTEST(out, "expected");
}

void TestCsvWriter::writesRowsWithCrlfAndBom()
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvOptions options;
    options.bom = true;
    CsvWriter writer(&buffer, options, { false, true, true });
    writer.writeHeader({ QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("notes") });
    writer.writeRow({ QByteArrayView("1"), QByteArrayView("Acme"), QByteArrayView() });
    writer.writeRow({ QByteArrayView("2"), QByteArrayView("", 0), QByteArrayView("-x") });
    QVERIFY(writer.flush());
    QCOMPARE(writer.rows(), 2);
    QCOMPARE(buffer.data(), QByteArray("\xEF\xBB\xBFid,name,notes\r\n1,Acme,\r\n2,\"\",'-x\r\n"));
}

void TestCsvWriter::namesDelimiters()
{
    QCOMPARE(*CsvWriter::delimiterFromName(QStringLiteral("comma")), ',');
    QCOMPARE(*CsvWriter::delimiterFromName(QStringLiteral("semicolon")), ';');
    QCOMPARE(*CsvWriter::delimiterFromName(QStringLiteral("tab")), '\t');
    QVERIFY(!CsvWriter::delimiterFromName(QStringLiteral("pipe")));
}

QTEST_GUILESS_MAIN(TestCsvWriter)
#include "tst_csvwriter.moc"
