// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QIODevice>
#include <QList>
#include <QString>
#include <optional>

namespace agency::exporting {

// One parsed field: an empty unquoted field is NULL; "" is the empty string (as the writer and COPY make them).
struct CsvField {
    QString text;
    bool isNull = false;
};

struct CsvRecord {
    int line = 0; // where the record starts, 1-based
    QList<CsvField> fields;
};

// RFC 4180 reader for what CsvWriter (or a spreadsheet) writes: quotes, doubled quotes, CR/LF inside quotes,
// CRLF or LF line ends, a UTF-8 BOM. The delimiter is guessed from the header line when not given.
class CsvReader {
public:
    explicit CsvReader(QByteArray data, std::optional<char> delimiter = std::nullopt);
    // Streaming from `device` (open, read from its current position): only the record being read and a chunk of
    // the file are held, whatever the file's size. The device must outlive the reader.
    explicit CsvReader(QIODevice* device, std::optional<char> delimiter = std::nullopt);

    std::optional<CsvRecord> next(); // nullopt at the end or on an error
    QString error() const { return m_error; } // e.g. "line 7: a quoted field is never closed"
    char delimiter() const { return m_delimiter; }

private:
    void guessDelimiter(std::optional<char> delimiter);
    // Device mode: reads on until the record at m_pos is whole in m_data (or the device has nothing more).
    void fillRecord();
    qsizetype recordEnd(qsizetype from) const; // just past the record's line end; -1 when not all there yet

    QIODevice* m_device = nullptr;
    bool m_deviceDone = true;
    QByteArray m_data;
    qsizetype m_pos = 0;
    int m_line = 1;
    char m_delimiter = ',';
    QString m_error;
};

} // namespace agency::exporting
