// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rowsink.h"

#include <QIODevice>
#include <QList>
#include <memory>

namespace agency::exporting {

class ZipStream;

// An export as an .xlsx workbook of one sheet: numbers, money and percent as number cells (money with two decimals
// and thousands separators), dates and instants as date cells, booleans as booleans, the rest as inline text; each
// column as wide as its kind needs, the header row frozen. Written as it goes (the OOXML parts in a ZipStream straight
// into `out`, the sheet's XML deflated a chunk at a time), never held as a sheet. Numbers are written as the decimal
// text they were given (trailing zeros of the fraction dropped), so a cell holds exactly what the CSV would.
class SheetWriter : public RowSink {
public:
    enum class Kind { Text, Number, Money, Percent, Date, Instant, Boolean };
    // The most rows a sheet holds, its header included (Excel's limit).
    static constexpr qint64 maxRows = 1'048'576;

    SheetWriter(QIODevice* out, QList<Kind> kinds);
    ~SheetWriter() override;

    bool writeHeader(const QStringList& names) override;
    bool writeRow(const QList<QByteArrayView>& fields) override;
    // A row whose cells are of other kinds than the columns' (a report of section, item and value rows).
    bool writeRowAs(const QList<QByteArrayView>& fields, const QList<Kind>& kinds);
    bool flush() override;
    QString errorString() const override { return m_error; }

private:
    bool failed(const QString& why);
    bool start();
    bool pour(bool last = false); // the XML so far into the archive, once there is enough of it
    void appendText(QByteArrayView text);

    QIODevice* m_out;
    QList<Kind> m_kinds;
    std::unique_ptr<ZipStream> m_zip;
    QByteArray m_xml; // the sheet's XML not yet deflated
    quint32 m_row = 0;
    bool m_started = false;
    bool m_done = false;
    QString m_error;
};

} // namespace agency::exporting
