// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIODevice>
#include <QString>
#include <QTemporaryFile>
#include <memory>
#include <optional>

namespace agency::exporting {

// The first sheet of an .xlsx workbook (as Excel, LibreOffice or our own export writes it) as CSV by our rules, so that
// the import reads a workbook exactly as it reads a CSV file: text as text (with the formula guard the export would
// give it, which the import takes off again), numbers as their digits, booleans as true/false, date cells as ISO days
// and date-time cells as ISO instants in UTC to the millisecond, empty cells empty. The workbook is read from its zip
// with zlib and its XML as a stream: the sheet is never held whole. false with `error` for a file that is not a
// workbook this can read (encrypted, ZIP64, no sheet).
bool sheetToCsv(QIODevice* workbook, QIODevice* csv, QString* error);

// A file to import: the file itself, or — an .xlsx workbook, told by its first bytes — its first sheet as CSV in a
// temporary file (removed with this).
class ImportSource {
public:
    // `file`: open for reading. false with `error` when a workbook could not be read.
    bool open(QIODevice* file, QString* error);
    QIODevice* device() const { return m_csv ? static_cast<QIODevice*>(m_csv.get()) : m_file; }
    bool isWorkbook() const { return m_csv != nullptr; }
    // The separator to read device() with: a workbook's sheet is written with commas; else `given` (none: guessed).
    std::optional<char> delimiter(std::optional<char> given = std::nullopt) const
    {
        return m_csv ? std::optional<char>(',') : given;
    }
    // How much there is to read, for the share read so far (0: not known, a pipe).
    qint64 size() const { return device()->isSequential() ? 0 : device()->size(); }

private:
    QIODevice* m_file = nullptr;
    std::unique_ptr<QTemporaryFile> m_csv;
};

} // namespace agency::exporting
