// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportsheet.h"

#include "export/sheetwriter.h"

namespace agency::reports {

namespace {
    using exporting::SheetWriter;

    SheetWriter::Kind sheetKind(ReportCell::Kind kind)
    {
        switch (kind) {
        case ReportCell::Kind::Integer:
        case ReportCell::Kind::Hours:
            return SheetWriter::Kind::Number;
        case ReportCell::Kind::Money:
            return SheetWriter::Kind::Money;
        case ReportCell::Kind::Percent:
            return SheetWriter::Kind::Percent;
        case ReportCell::Kind::Date:
            return SheetWriter::Kind::Date;
        case ReportCell::Kind::Text:
            break;
        }
        return SheetWriter::Kind::Text;
    }
}

bool writeReportXlsx(const ReportTable& table, QIODevice* out, QString* error)
{
    // Each column as wide as the kind its first row gives it.
    QList<SheetWriter::Kind> columns;
    for (qsizetype c = 0; c < table.columns.size(); ++c)
        columns << (table.rows.isEmpty() || c >= table.rows.constFirst().size()
                ? SheetWriter::Kind::Text
                : sheetKind(table.rows.constFirst().at(c).kind()));
    SheetWriter sheet(out, columns);
    bool ok = sheet.writeHeader(table.columns);
    for (qsizetype r = 0; ok && r < table.rows.size(); ++r) {
        const QList<ReportCell>& row = table.rows.at(r);
        QList<QByteArray> texts;
        QList<SheetWriter::Kind> kinds;
        for (const ReportCell& cell : row) {
            texts << (cell.isNull() ? QByteArray() : cell.csv());
            kinds << sheetKind(cell.kind());
        }
        QList<QByteArrayView> fields;
        for (qsizetype c = 0; c < row.size(); ++c)
            fields << (row.at(c).isNull() ? QByteArrayView() : QByteArrayView(texts.at(c)));
        ok = sheet.writeRowAs(fields, kinds);
    }
    ok = ok && sheet.flush();
    if (!ok && error)
        *error = sheet.errorString();
    return ok;
}

bool isWorkbookPath(const QString& path)
{
    return path.endsWith(QStringLiteral(".xlsx"), Qt::CaseInsensitive);
}

} // namespace agency::reports
