// SPDX-License-Identifier: GPL-3.0-or-later
#include "sheetwriter.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QDir>
#include <xlsxwriter.h>

namespace agency::exporting {

namespace {
    struct Text {
        Q_DECLARE_TR_FUNCTIONS(TableExport)
    };

    double columnWidth(SheetWriter::Kind kind)
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
}

SheetWriter::SheetWriter(QIODevice* out, QList<Kind> kinds)
    : m_out(out)
    , m_kinds(std::move(kinds))
    , m_file(QDir::tempPath() + QStringLiteral("/agency-os-XXXXXX.xlsx"))
{
    if (!m_file.open()) { // 0600, as every file of ours
        m_error = m_file.errorString();
        return;
    }
    m_file.close();
    const QByteArray tmpdir = QDir::tempPath().toLocal8Bit();
    lxw_workbook_options options {};
    options.constant_memory = LXW_TRUE;
    options.tmpdir = const_cast<char*>(tmpdir.constData());
    options.use_zip64 = LXW_TRUE; // a million rows pass ZIP's 4 GB… of uncompressed XML sooner than one thinks
    m_book = workbook_new_opt(QFile::encodeName(m_file.fileName()).constData(), &options);
    if (!m_book) {
        m_error = Text::tr("could not start the workbook");
        return;
    }
    m_sheet = workbook_add_worksheet(m_book, nullptr);
    m_money = workbook_add_format(m_book);
    format_set_num_format(m_money, "#,##0.00");
    m_number = workbook_add_format(m_book);
    format_set_num_format(m_number, "0");
    m_percent = workbook_add_format(m_book);
    format_set_num_format(m_percent, "0.00");
    m_date = workbook_add_format(m_book);
    format_set_num_format(m_date, "yyyy-mm-dd");
    m_instant = workbook_add_format(m_book);
    format_set_num_format(m_instant, "yyyy-mm-dd hh:mm:ss");
    m_header = workbook_add_format(m_book);
    format_set_bold(m_header);
    // Widths and the frozen header are set before the first row (constant memory writes rows as they come).
    for (qsizetype c = 0; c < m_kinds.size(); ++c)
        worksheet_set_column(m_sheet, lxw_col_t(c), lxw_col_t(c), columnWidth(m_kinds.at(c)), nullptr);
    worksheet_freeze_panes(m_sheet, 1, 0);
}

SheetWriter::~SheetWriter()
{
    if (m_book)
        workbook_close(m_book); // (a workbook not flushed: its temporary file goes with m_file)
}

bool SheetWriter::failed(const QString& why)
{
    if (m_error.isEmpty())
        m_error = why;
    return false;
}

bool SheetWriter::writeHeader(const QStringList& names)
{
    if (!m_sheet)
        return failed(m_error);
    for (qsizetype c = 0; c < names.size(); ++c) {
        if (worksheet_write_string(m_sheet, 0, lxw_col_t(c), names.at(c).toUtf8().constData(), m_header)
            != LXW_NO_ERROR)
            return failed(Text::tr("could not write the sheet's header"));
    }
    m_row = 1;
    return true;
}

bool SheetWriter::writeRow(const QList<QByteArrayView>& fields)
{
    return writeRowAs(fields, m_kinds);
}

bool SheetWriter::writeRowAs(const QList<QByteArrayView>& fields, const QList<Kind>& kinds)
{
    if (!m_sheet)
        return failed(m_error);
    if (m_row >= maxRows)
        return failed(Text::tr("a sheet holds at most %L1 rows below its header").arg(maxRows - 1));
    for (qsizetype c = 0; c < fields.size(); ++c) {
        const QByteArrayView field = fields.at(c);
        if (field.data() == nullptr)
            continue; // NULL: an empty cell, not 0
        const Kind kind = c < kinds.size() ? kinds.at(c) : Kind::Text;
        const auto col = lxw_col_t(c);
        lxw_error written = LXW_NO_ERROR;
        bool ok = true;
        switch (kind) {
        case Kind::Money:
        case Kind::Number:
        case Kind::Percent: {
            // A spreadsheet's numbers are binary fractions: money keeps its cents (the file's text had them exactly).
            const double value = field.toByteArray().toDouble(&ok);
            if (ok)
                written = worksheet_write_number(m_sheet, m_row, col, value,
                    kind == Kind::Money         ? m_money
                        : kind == Kind::Percent ? m_percent
                                                : m_number);
            break;
        }
        case Kind::Date: {
            const QDate date = QDate::fromString(QString::fromLatin1(field), Qt::ISODate);
            ok = date.isValid();
            if (ok) {
                lxw_datetime when { date.year(), date.month(), date.day(), 0, 0, 0 };
                written = worksheet_write_datetime(m_sheet, m_row, col, &when, m_date);
            }
            break;
        }
        case Kind::Instant: {
            // Written as UTC, as the CSV says it (a spreadsheet cell has no time zone).
            const QDateTime at = QDateTime::fromString(QString::fromLatin1(field), Qt::ISODateWithMs).toUTC();
            ok = at.isValid();
            if (ok) {
                const QTime t = at.time();
                lxw_datetime when { at.date().year(), at.date().month(), at.date().day(), t.hour(), t.minute(),
                    t.second() + t.msec() / 1000.0 };
                written = worksheet_write_datetime(m_sheet, m_row, col, &when, m_instant);
            }
            break;
        }
        case Kind::Boolean:
            ok = field == "true" || field == "false";
            if (ok)
                written = worksheet_write_boolean(m_sheet, m_row, col, field == "true", nullptr);
            break;
        case Kind::Text:
            ok = false;
            break;
        }
        if (!ok) // text, or a figure that did not read as one: kept as the text it is
            written = worksheet_write_string(m_sheet, m_row, col, field.toByteArray().constData(), nullptr);
        if (written != LXW_NO_ERROR)
            return failed(Text::tr("could not write row %L1 of the sheet: %2")
                              .arg(m_row)
                              .arg(QString::fromUtf8(lxw_strerror(written))));
    }
    ++m_row;
    return true;
}

bool SheetWriter::flush()
{
    if (!m_book)
        return failed(m_error);
    const lxw_error closed = workbook_close(m_book);
    m_book = nullptr;
    m_sheet = nullptr;
    if (closed != LXW_NO_ERROR)
        return failed(Text::tr("could not write the workbook: %1").arg(QString::fromUtf8(lxw_strerror(closed))));
    // The finished file into the output, a chunk at a time.
    QFile done(m_file.fileName());
    if (!done.open(QIODevice::ReadOnly))
        return failed(done.errorString());
    QByteArray chunk;
    while (!(chunk = done.read(1 << 20)).isEmpty()) {
        if (m_out->write(chunk) != chunk.size())
            return failed(m_out->errorString());
    }
    return true;
}

} // namespace agency::exporting
