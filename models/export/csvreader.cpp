// SPDX-License-Identifier: GPL-3.0-or-later
#include "csvreader.h"

#include <QCoreApplication>
#include <QStringDecoder>

namespace agency::exporting {

CsvReader::CsvReader(QByteArray data, std::optional<char> delimiter)
    : m_data(std::move(data))
{
    guessDelimiter(delimiter);
}

CsvReader::CsvReader(QIODevice* device, std::optional<char> delimiter)
    : m_device(device)
    , m_deviceDone(false)
{
    if (delimiter)
        m_delimiter = *delimiter; // the header line is found with it
    fillRecord();
    guessDelimiter(delimiter);
}

void CsvReader::guessDelimiter(std::optional<char> delimiter)
{
    if (m_data.startsWith("\xEF\xBB\xBF"))
        m_pos = 3;
    if (delimiter) {
        m_delimiter = *delimiter;
        return;
    }
    // The most frequent of , ; tab on the header line, outside quotes.
    int commas = 0;
    int semicolons = 0;
    int tabs = 0;
    bool quoted = false;
    for (qsizetype i = m_pos; i < m_data.size() && (quoted || (m_data[i] != '\n' && m_data[i] != '\r')); ++i) {
        const char c = m_data[i];
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && c == ',')
            ++commas;
        else if (!quoted && c == ';')
            ++semicolons;
        else if (!quoted && c == '\t')
            ++tabs;
    }
    if (semicolons > commas && semicolons >= tabs)
        m_delimiter = ';';
    else if (tabs > commas)
        m_delimiter = '\t';
}

qsizetype CsvReader::recordEnd(qsizetype from) const
{
    // As next() reads it: a quote opens a field only at its start; "" inside quotes is a quote.
    const qsizetype size = m_data.size();
    bool fieldStart = true;
    qsizetype i = from;
    while (i < size) {
        const char c = m_data[i];
        if (fieldStart && c == '"') {
            ++i;
            while (true) {
                if (i >= size)
                    return -1;
                if (m_data[i] == '"') {
                    if (i + 1 >= size)
                        return -1; // a doubled quote, or the closing one: the next byte tells
                    if (m_data[i + 1] == '"') {
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                ++i;
            }
            fieldStart = false;
            continue;
        }
        if (c == m_delimiter) {
            fieldStart = true;
            ++i;
            continue;
        }
        if (c == '\r')
            return i + 1 < size ? (m_data[i + 1] == '\n' ? i + 2 : i + 1) : -1;
        if (c == '\n')
            return i + 1;
        fieldStart = false;
        ++i;
    }
    return -1;
}

void CsvReader::fillRecord()
{
    if (!m_device || m_deviceDone)
        return;
    constexpr qsizetype chunk = 1 << 20;
    while (recordEnd(m_pos) < 0) {
        if (m_pos > 0) { // what was read is let go
            m_data.remove(0, m_pos);
            m_pos = 0;
        }
        const QByteArray more = m_device->read(std::max(chunk, m_data.size())); // a long record: in fewer reads
        if (more.isEmpty()) {
            m_deviceDone = true; // the end (or an error: what is there is read, and the device says why)
            return;
        }
        m_data.append(more);
    }
}

std::optional<CsvRecord> CsvReader::next()
{
    fillRecord();
    if (m_pos >= m_data.size())
        return std::nullopt;
    CsvRecord record;
    record.line = m_line;
    QByteArray field;
    bool wasQuoted = false;
    QString refused; // the first field that is not text: the record is refused with it
    auto finishField = [&]() {
        const int number = static_cast<int>(record.fields.size()) + 1;
        QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        QString text = utf8.decode(field);
        if (refused.isEmpty() && field.contains('\0'))
            refused = QCoreApplication::translate("CsvReader", "line %1, field %2: a NUL byte, which no text may hold")
                          .arg(record.line)
                          .arg(number);
        else if (refused.isEmpty() && field.startsWith("\xEF\xBB\xBF"))
            // Only a file's first bytes may be a byte order mark: here it is where a second file was joined on.
            refused = QCoreApplication::translate("CsvReader",
                "line %1, field %2: a byte order mark in the middle of the file (two files joined into one?): remove "
                "it, or import the files one at a time")
                          .arg(record.line)
                          .arg(number);
        else if (refused.isEmpty() && utf8.hasError())
            refused = QCoreApplication::translate(
                "CsvReader", "line %1, field %2: not UTF-8 text (save the file as UTF-8 and import it again)")
                          .arg(record.line)
                          .arg(number);
        record.fields.append({ std::move(text), field.isEmpty() && !wasQuoted });
        field.clear();
        wasQuoted = false;
    };
    while (m_pos < m_data.size()) {
        const char c = m_data[m_pos];
        if (c == '"' && field.isEmpty() && !wasQuoted) {
            wasQuoted = true;
            ++m_pos;
            while (true) {
                if (m_pos >= m_data.size()) {
                    m_error = QCoreApplication::translate("CsvReader", "line %1: a quoted field is never closed")
                                  .arg(record.line);
                    return std::nullopt;
                }
                const char q = m_data[m_pos++];
                if (q == '"') {
                    if (m_pos < m_data.size() && m_data[m_pos] == '"') {
                        field.append('"');
                        ++m_pos;
                        continue;
                    }
                    break;
                }
                if (q == '\n')
                    ++m_line;
                field.append(q);
            }
            continue;
        }
        if (c == m_delimiter) {
            finishField();
            ++m_pos;
            continue;
        }
        if (c == '\r' || c == '\n') {
            m_pos += (c == '\r' && m_pos + 1 < m_data.size() && m_data[m_pos + 1] == '\n') ? 2 : 1;
            ++m_line;
            break;
        }
        if (wasQuoted) {
            m_error = QCoreApplication::translate("CsvReader", "line %1: text after a closing quote").arg(record.line);
            return std::nullopt;
        }
        field.append(c);
        ++m_pos;
    }
    finishField();
    if (!refused.isEmpty()) {
        m_error = refused;
        return std::nullopt;
    }
    return record;
}

} // namespace agency::exporting
