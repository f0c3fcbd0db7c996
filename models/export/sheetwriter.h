// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rowsink.h"

#include <QIODevice>
#include <QList>
#include <QTemporaryFile>
#include <memory>

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace agency::exporting {

// An export as an .xlsx workbook of one sheet (libxlsxwriter, Debian's libxlsxwriter): numbers, money and percent as
// number cells (money with two decimals and thousands separators), dates and instants as date cells, booleans as
// booleans, the rest as text; each column as wide as its kind needs, the header row frozen. Rows go to disk as they
// are written (libxlsxwriter's constant-memory mode), never held as a sheet; the finished file is copied into `out`.
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

    QIODevice* m_out;
    QList<Kind> m_kinds;
    QTemporaryFile m_file; // the workbook is written here, then copied into m_out
    lxw_workbook* m_book = nullptr;
    lxw_worksheet* m_sheet = nullptr;
    lxw_format* m_money = nullptr;
    lxw_format* m_number = nullptr;
    lxw_format* m_percent = nullptr;
    lxw_format* m_date = nullptr;
    lxw_format* m_instant = nullptr;
    lxw_format* m_header = nullptr;
    quint32 m_row = 0;
    QString m_error;
};

} // namespace agency::exporting
