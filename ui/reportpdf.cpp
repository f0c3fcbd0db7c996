// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportpdf.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

namespace agency::ui {

namespace {
    struct Text {
        Q_DECLARE_TR_FUNCTIONS(ReportPdf)
    };

    bool isFigure(reports::ReportCell::Kind kind)
    {
        return kind != reports::ReportCell::Kind::Text && kind != reports::ReportCell::Kind::Date;
    }
}

bool writeReportPdf(const reports::ReportTable& table, const QString& database, QIODevice* out, QString* error)
{
    const QLocale locale;
    QString html = QStringLiteral("<html><body style=\"font-size: 8pt\"><h2>%1</h2><p>%2<br/>%3</p>")
                       .arg(table.title.toHtmlEscaped(), table.subtitle.toHtmlEscaped(),
                           Text::tr("Database %1, written %2")
                               .arg(database, locale.toString(QDateTime::currentDateTime(), QLocale::ShortFormat))
                               .toHtmlEscaped());
    html += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\"><thead><tr>");
    const QStringList& heads = table.labels.size() == table.columns.size() ? table.labels : table.columns;
    for (const QString& head : heads)
        html += QStringLiteral("<th bgcolor=\"#eeeeee\">%1</th>").arg(head.toHtmlEscaped());
    html += QStringLiteral("</tr></thead><tbody>");
    for (const QList<reports::ReportCell>& row : table.rows) {
        html += QStringLiteral("<tr>");
        for (const reports::ReportCell& cell : row)
            html += QStringLiteral("<td%1>%2</td>")
                        .arg(isFigure(cell.kind()) ? QStringLiteral(" align=\"right\"") : QString(),
                            cell.display(locale).toHtmlEscaped());
        html += QStringLiteral("</tr>");
    }
    html += QStringLiteral("</tbody></table>");
    if (table.rows.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(Text::tr("Nothing to report.").toHtmlEscaped());
    for (const QString& note : table.notes)
        html += QStringLiteral("<p><i>%1</i></p>").arg(note.toHtmlEscaped());
    html += QStringLiteral("</body></html>");

    QPdfWriter pdf(out);
    pdf.setTitle(table.title);
    pdf.setCreator(QStringLiteral("Agency OS"));
    pdf.setPageSize(QPageSize(QPageSize::A4));
    pdf.setPageOrientation(QPageLayout::Landscape);
    pdf.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter);
    QTextDocument document;
    document.setHtml(html);
    document.print(&pdf);
    if (!out->isOpen()) { // what failed to be written shows when the caller commits or flushes
        *error = out->errorString();
        return false;
    }
    return true;
}

} // namespace agency::ui
