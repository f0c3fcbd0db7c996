// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rowsink.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QIODevice>
#include <QList>
#include <QStringList>
#include <QStringView>
#include <optional>

namespace agency::exporting {

struct CsvOptions {
    char delimiter = ',';
    bool bom = false; // UTF-8 byte-order mark, for spreadsheet programs
    bool formulaGuard = true; // prefix ' to text starting with = + - @ tab CR (OWASP CSV injection)
    // Amounts and percentages with a decimal comma (1234,56), as German and French spreadsheets read numbers; the
    // columns it applies to are the writer's decimal columns (setDecimalColumns).
    bool decimalComma = false;
};

// What a spreadsheet program of the language `localeName` ("de_DE") reads without asking: German and French ones a
// semicolon, a decimal comma and a byte-order mark (Excel takes the file as UTF-8 only with one); others a comma, a
// dot and none.
CsvOptions spreadsheetConventions(const QString& localeName);

// RFC 4180 with the rules of DESIGN.md "CSV": CRLF line ends; a field is quoted when it holds the delimiter, a
// quote, CR or LF, or starts or ends with a space; quotes are doubled; NULL is an empty unquoted field and an empty
// string is "". Works on UTF-8 bytes so that both export paths share it and give byte-identical files.
class CsvWriter : public RowSink {
public:
    CsvWriter(QIODevice* out, const CsvOptions& options, QList<bool> textColumns);

    // Which columns hold decimal numbers (money, percentages): written with a decimal comma when the options ask.
    void setDecimalColumns(QList<bool> decimal) { m_decimal = std::move(decimal); }

    bool writeHeader(const QStringList& names) override;
    // One field per column; a null QByteArrayView (data() == nullptr) is NULL.
    bool writeRow(const QList<QByteArrayView>& fields) override;
    bool flush() override;
    // Why the last write failed: the system's reason ("No space left on device").
    QString errorString() const override { return m_out->errorString(); }
    qint64 rows() const { return m_rows; }

    // The formula guard, reversibly: text starting with = + - @ tab or CR gets a leading ', and so does text that
    // starts with a ' followed by one of those or by another ' (what the import would otherwise take for a guard).
    // The import removes one leading ' exactly where this adds one (`removeFormulaGuard`).
    static bool needsFormulaGuard(QByteArrayView utf8);
    static bool hasFormulaGuard(QStringView text);
    static void appendField(QByteArray& out, QByteArrayView utf8, bool isNull, bool isText, const CsvOptions& options);
    static std::optional<char> delimiterFromName(const QString& name); // comma, semicolon, tab

private:
    QIODevice* m_out;
    CsvOptions m_options;
    QList<bool> m_text;
    QList<bool> m_decimal;
    QByteArray m_comma; // a decimal field with its point made a comma
    QByteArray m_buffer;
    qint64 m_rows = 0;
    bool m_started = false;
};

} // namespace agency::exporting
