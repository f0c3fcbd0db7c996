// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

namespace agency::exporting {

// Where an export's rows go, a header and then one row at a time: a CSV file (CsvWriter) or a spreadsheet
// (SheetWriter). Each field is the exported text of its column; a null view (data() == nullptr) is NULL.
class RowSink {
public:
    virtual ~RowSink() = default;
    virtual bool writeHeader(const QStringList& names) = 0;
    virtual bool writeRow(const QList<QByteArrayView>& fields) = 0;
    virtual bool flush() = 0;
    // Why the last write failed: the system's reason ("No space left on device").
    virtual QString errorString() const = 0;
};

} // namespace agency::exporting
