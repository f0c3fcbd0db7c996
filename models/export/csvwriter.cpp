// SPDX-License-Identifier: GPL-3.0-or-later
#include "csvwriter.h"

#include <QString>

namespace agency::exporting {

namespace {
    constexpr qsizetype flushAt = qsizetype { 256 } * 1024;
}

CsvWriter::CsvWriter(QIODevice* out, const CsvOptions& options, QList<bool> textColumns)
    : m_out(out)
    , m_options(options)
    , m_text(std::move(textColumns))
{
    m_buffer.reserve(flushAt + 4096);
}

CsvOptions spreadsheetConventions(const QString& localeName)
{
    CsvOptions options;
    const QString language = localeName.section(u'_', 0, 0).section(u'-', 0, 0).toLower();
    if (language == QStringLiteral("de") || language == QStringLiteral("fr")) {
        options.delimiter = ';';
        options.decimalComma = true;
        options.bom = true;
    }
    return options;
}

std::optional<char> CsvWriter::delimiterFromName(const QString& name)
{
    if (name == QStringLiteral("comma"))
        return ',';
    if (name == QStringLiteral("semicolon"))
        return ';';
    if (name == QStringLiteral("tab"))
        return '\t';
    return std::nullopt;
}

namespace {
    bool startsFormula(char16_t c)
    {
        return c == u'=' || c == u'+' || c == u'-' || c == u'@' || c == u'\t' || c == u'\r';
    }
}

bool CsvWriter::needsFormulaGuard(QByteArrayView utf8)
{
    if (utf8.isEmpty())
        return false;
    if (startsFormula(static_cast<unsigned char>(utf8.front())))
        return true;
    return utf8.size() >= 2 && utf8.front() == '\''
        && (utf8.at(1) == '\'' || startsFormula(static_cast<unsigned char>(utf8.at(1))));
}

bool CsvWriter::hasFormulaGuard(QStringView text)
{
    return text.size() >= 2 && text.front() == u'\'' && (text.at(1) == u'\'' || startsFormula(text.at(1).unicode()));
}

void CsvWriter::appendField(QByteArray& out, QByteArrayView utf8, bool isNull, bool isText, const CsvOptions& options)
{
    if (isNull)
        return;
    const bool guard = options.formulaGuard && isText && needsFormulaGuard(utf8);
    bool quote = utf8.isEmpty() || utf8.front() == ' ' || utf8.back() == ' ';
    for (const char c : utf8) {
        if (c == options.delimiter || c == '"' || c == '\r' || c == '\n') {
            quote = true;
            break;
        }
    }
    if (quote)
        out.append('"');
    if (guard)
        out.append('\'');
    if (quote) {
        for (const char c : utf8) {
            if (c == '"')
                out.append('"');
            out.append(c);
        }
        out.append('"');
    } else {
        out.append(utf8);
    }
}

bool CsvWriter::writeHeader(const QStringList& names)
{
    if (m_options.bom && !m_started)
        m_buffer.append("\xEF\xBB\xBF");
    m_started = true;
    for (qsizetype i = 0; i < names.size(); ++i) {
        if (i > 0)
            m_buffer.append(m_options.delimiter);
        appendField(m_buffer, names.at(i).toUtf8(), false, false, m_options);
    }
    m_buffer.append("\r\n");
    return true;
}

bool CsvWriter::writeRow(const QList<QByteArrayView>& fields)
{
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            m_buffer.append(m_options.delimiter);
        QByteArrayView field = fields.at(i);
        if (m_options.decimalComma && field.data() != nullptr && i < m_decimal.size() && m_decimal.at(i)
            && field.contains('.')) {
            m_comma = field.toByteArray().replace('.', ',');
            field = m_comma;
        }
        appendField(m_buffer, field, field.data() == nullptr, i < m_text.size() && m_text.at(i), m_options);
    }
    m_buffer.append("\r\n");
    ++m_rows;
    if (m_buffer.size() >= flushAt)
        return flush();
    return true;
}

bool CsvWriter::flush()
{
    if (m_buffer.isEmpty())
        return true;
    // A short write is no failure yet: a file system that fills up takes what fits and says nothing; the next write
    // of the rest fails with the system's reason (ENOSPC: "No space left on device"), which errorString() then gives.
    qsizetype done = 0;
    while (done < m_buffer.size()) {
        const qint64 wrote = m_out->write(m_buffer.constData() + done, m_buffer.size() - done);
        if (wrote <= 0)
            break;
        done += wrote;
    }
    const bool ok = done == m_buffer.size();
    m_buffer.clear();
    return ok;
}

} // namespace agency::exporting
