// SPDX-License-Identifier: GPL-3.0-or-later
#include "sheetwriter.h"

#include "zipstream.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <charconv>

namespace agency::exporting {

namespace {
    struct Text {
        Q_DECLARE_TR_FUNCTIONS(TableExport)
    };

    constexpr qsizetype pourAt = qsizetype(256) * 1024;
    constexpr qint64 julianDayOf1899_12_30 = 2415019; // a spreadsheet's day 0 (the 1900 date system)

    // The cell styles of styles.xml, by their index.
    enum Style { Plain = 0, MoneyStyle, NumberStyle, PercentStyle, DateStyle, InstantStyle, HeaderStyle };

    const char* contentTypes = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>)";
    const char* packageRelations = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>)";
    const char* workbook = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView/></bookViews><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>)";
    const char* workbookRelations = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>)";
    // Money "#,##0.00", numbers "0", percentages "0.00", dates, instants, and the header in bold (in Style's order).
    const char* styles = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="4"><numFmt numFmtId="164" formatCode="#,##0.00"/><numFmt numFmtId="165" formatCode="0.00"/><numFmt numFmtId="166" formatCode="yyyy-mm-dd"/><numFmt numFmtId="167" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="7"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="167" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>)";

    int columnWidth(SheetWriter::Kind kind)
    {
        switch (kind) {
        case SheetWriter::Kind::Money:
            return 16;
        case SheetWriter::Kind::Number:
        case SheetWriter::Kind::Percent:
        case SheetWriter::Kind::Date:
            return 12;
        case SheetWriter::Kind::Instant:
            return 20;
        case SheetWriter::Kind::Boolean:
            return 8;
        case SheetWriter::Kind::Text:
            return 28;
        }
        return 16;
    }

    bool isDigit(char c)
    {
        return c >= '0' && c <= '9';
    }

    // A plain decimal ("-1234.50"), shortened as a spreadsheet shows it ("-1234.5"; "1250000000.00" to "1250000000");
    // none for anything else.
    std::optional<QByteArrayView> plainDecimal(QByteArrayView field)
    {
        qsizetype i = field.startsWith('-') ? 1 : 0;
        const qsizetype digits = i;
        while (i < field.size() && isDigit(field[i]))
            ++i;
        if (i == digits || i - digits > 15)
            return std::nullopt;
        if (i == field.size())
            return field;
        if (field[i] != '.')
            return std::nullopt;
        const qsizetype point = i++;
        while (i < field.size() && isDigit(field[i]))
            ++i;
        if (i != field.size() || i == point + 1)
            return std::nullopt;
        qsizetype end = field.size();
        while (field[end - 1] == '0')
            --end;
        if (end == point + 1)
            --end;
        return field.first(end);
    }

    // "2026-12-07" as its day number; -1 when it is not such a day.
    qint64 dayNumber(QByteArrayView field)
    {
        if (field.size() != 10 || field[4] != '-' || field[7] != '-')
            return -1;
        int parts[3] = { 0, 0, 0 };
        const int starts[3] = { 0, 5, 8 };
        const int lengths[3] = { 4, 2, 2 };
        for (int p = 0; p < 3; ++p) {
            for (int k = 0; k < lengths[p]; ++k) {
                const char c = field[starts[p] + k];
                if (!isDigit(c))
                    return -1;
                parts[p] = parts[p] * 10 + (c - '0');
            }
        }
        const QDate date(parts[0], parts[1], parts[2]);
        return date.isValid() ? date.toJulianDay() - julianDayOf1899_12_30 : -1;
    }

    // An instant as a spreadsheet's serial number of days (UTC, as the CSV says it; a cell has no time zone), in the
    // shortest form that reads back as the same number; none when it is not an instant.
    std::optional<QByteArray> instantSerial(QByteArrayView field)
    {
        qint64 days = -1;
        qint64 ms = 0;
        // The form the export writes (yyyy-MM-ddTHH:mm:ss.zzzZ) without a parser; anything else through Qt's.
        if (field.size() == 24 && field[10] == 'T' && field[13] == ':' && field[16] == ':' && field[19] == '.'
            && field[23] == 'Z') {
            days = dayNumber(field.first(10));
            const auto number = [&](int at, int length) {
                int value = 0;
                for (int k = 0; k < length; ++k) {
                    const char c = field[at + k];
                    if (!isDigit(c))
                        return -1;
                    value = value * 10 + (c - '0');
                }
                return value;
            };
            const int h = number(11, 2);
            const int m = number(14, 2);
            const int s = number(17, 2);
            const int z = number(20, 3);
            if (h < 0 || h > 23 || m < 0 || m > 59 || s < 0 || s > 59 || z < 0)
                days = -1;
            ms = ((h * 60 + m) * 60 + s) * 1000LL + z;
        }
        if (days < 0) {
            const QDateTime at = QDateTime::fromString(QString::fromLatin1(field), Qt::ISODateWithMs).toUTC();
            if (!at.isValid())
                return std::nullopt;
            days = at.date().toJulianDay() - julianDayOf1899_12_30;
            ms = at.time().msecsSinceStartOfDay();
        }
        const double serial = double(days) + double(ms) / 86400000.0;
        char buffer[32];
        const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, serial);
        if (error != std::errc())
            return std::nullopt;
        return QByteArray(buffer, end - buffer);
    }
}

SheetWriter::SheetWriter(QIODevice* out, QList<Kind> kinds)
    : m_out(out)
    , m_kinds(std::move(kinds))
    , m_zip(std::make_unique<ZipStream>(out))
{
    m_xml.reserve(pourAt + qsizetype(64) * 1024);
}

SheetWriter::~SheetWriter() = default;

bool SheetWriter::failed(const QString& why)
{
    if (m_error.isEmpty())
        m_error = why;
    return false;
}

bool SheetWriter::start()
{
    if (m_started)
        return m_error.isEmpty();
    m_started = true;
    if (!m_zip->add(QStringLiteral("[Content_Types].xml"), contentTypes)
        || !m_zip->add(QStringLiteral("_rels/.rels"), packageRelations)
        || !m_zip->add(QStringLiteral("xl/workbook.xml"), workbook)
        || !m_zip->add(QStringLiteral("xl/_rels/workbook.xml.rels"), workbookRelations)
        || !m_zip->add(QStringLiteral("xl/styles.xml"), styles)
        || !m_zip->begin(QStringLiteral("xl/worksheets/sheet1.xml")))
        return failed(Text::tr("could not write the workbook: %1").arg(m_zip->errorString()));
    // The header row frozen; each column as wide as its kind needs.
    m_xml
        += R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
           "\n"
           R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)"
           R"(<sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>)"
           R"(<sheetFormatPr defaultRowHeight="15"/>)";
    if (!m_kinds.isEmpty()) {
        m_xml += "<cols>";
        for (qsizetype c = 0; c < m_kinds.size(); ++c) {
            const QByteArray n = QByteArray::number(c + 1);
            m_xml += "<col min=\"" + n + "\" max=\"" + n + "\" width=\""
                + QByteArray::number(columnWidth(m_kinds.at(c))) + "\" customWidth=\"1\"/>";
        }
        m_xml += "</cols>";
    }
    m_xml += "<sheetData>";
    return true;
}

bool SheetWriter::pour(bool last)
{
    if (!last && m_xml.size() < pourAt)
        return true;
    if (!m_zip->write(m_xml))
        return failed(Text::tr("could not write the workbook: %1").arg(m_zip->errorString()));
    m_xml.resize(0);
    return true;
}

void SheetWriter::appendText(QByteArrayView text)
{
    // XML's three, and the control characters XML 1.0 has no place for as the spreadsheet writes them (_x000B_);
    // a "_x" of the text's own is kept as such (_x005F_x).
    qsizetype plainFrom = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        const char* escaped = nullptr;
        char control[8];
        if (c == '&')
            escaped = "&amp;";
        else if (c == '<')
            escaped = "&lt;";
        else if (c == '>')
            escaped = "&gt;";
        else if (c < 0x20 && c != '\t' && c != '\n') {
            std::snprintf(control, sizeof control, "_x%04X_", c);
            escaped = control;
        } else if (c == '_' && i + 1 < text.size() && text[i + 1] == 'x') {
            escaped = "_x005F_";
        } else {
            continue;
        }
        m_xml.append(text.sliced(plainFrom, i - plainFrom));
        m_xml.append(escaped);
        plainFrom = i + 1;
    }
    m_xml.append(text.sliced(plainFrom));
}

bool SheetWriter::writeHeader(const QStringList& names)
{
    if (!start())
        return false;
    m_xml += "<row r=\"1\">";
    for (const QString& name : names) {
        m_xml += R"(<c t="inlineStr" s=")" + QByteArray::number(HeaderStyle) + R"("><is><t xml:space="preserve">)";
        appendText(name.toUtf8());
        m_xml += "</t></is></c>";
    }
    m_xml += "</row>";
    m_row = 1;
    return pour();
}

bool SheetWriter::writeRow(const QList<QByteArrayView>& fields)
{
    return writeRowAs(fields, m_kinds);
}

bool SheetWriter::writeRowAs(const QList<QByteArrayView>& fields, const QList<Kind>& kinds)
{
    if (!start())
        return false;
    if (m_row >= maxRows)
        return failed(Text::tr("a sheet holds at most %L1 rows below its header").arg(maxRows - 1));
    const QByteArray row = QByteArray::number(m_row + 1);
    m_xml += "<row r=\"" + row + "\">";
    // Cells in their columns' order, without references of their own (the sheet's XML a fifth smaller: less to
    // deflate); NULL as an empty cell, not 0.
    for (qsizetype c = 0; c < fields.size(); ++c) {
        const QByteArrayView field = fields.at(c);
        if (field.data() == nullptr) {
            m_xml += "<c/>";
            continue;
        }
        const Kind kind = c < kinds.size() ? kinds.at(c) : Kind::Text;
        std::optional<QByteArray> serial;
        std::optional<QByteArrayView> number;
        qint64 day = -1;
        switch (kind) {
        case Kind::Money:
        case Kind::Number:
        case Kind::Percent:
            // The decimal text as it is: a spreadsheet reads "1234.50" as the number, no binary fraction in between.
            if ((number = plainDecimal(field))) {
                m_xml += kind == Kind::Money ? R"(<c s="1"><v>)"
                    : kind == Kind::Percent  ? R"(<c s="3"><v>)"
                                             : R"(<c s="2"><v>)";
                m_xml += *number;
                m_xml += "</v></c>";
                continue;
            }
            break;
        case Kind::Date:
            if ((day = dayNumber(field)) >= 0) {
                m_xml += R"(<c s="4"><v>)" + QByteArray::number(day) + "</v></c>";
                continue;
            }
            break;
        case Kind::Instant:
            if ((serial = instantSerial(field))) {
                m_xml += R"(<c s="5"><v>)" + *serial + "</v></c>";
                continue;
            }
            break;
        case Kind::Boolean:
            if (field == "true" || field == "false") {
                m_xml += field == "true" ? R"(<c t="b"><v>1</v></c>)" : R"(<c t="b"><v>0</v></c>)";
                continue;
            }
            break;
        case Kind::Text:
            break;
        }
        // Text, or a figure that did not read as one: kept as the text it is (its spaces at either end too).
        const bool spaced
            = !field.isEmpty() && (QChar::isSpace(uchar(field.front())) || QChar::isSpace(uchar(field.back())));
        m_xml += spaced ? R"(<c t="inlineStr"><is><t xml:space="preserve">)" : R"(<c t="inlineStr"><is><t>)";
        appendText(field);
        m_xml += "</t></is></c>";
    }
    m_xml += "</row>";
    ++m_row;
    return pour();
}

bool SheetWriter::flush()
{
    if (m_done)
        return m_error.isEmpty();
    m_done = true;
    if (!start())
        return false;
    m_xml += "</sheetData></worksheet>";
    if (!pour(true))
        return false;
    if (!m_zip->finish() || !m_zip->close())
        return failed(Text::tr("could not write the workbook: %1").arg(m_zip->errorString()));
    return true;
}

} // namespace agency::exporting
