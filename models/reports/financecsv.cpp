// SPDX-License-Identifier: GPL-3.0-or-later
#include "financecsv.h"

#include "export/sheetwriter.h"
#include "reportsheet.h"

#include <QCoreApplication>
#include <QSaveFile>

namespace agency::reports {

namespace {
    const QStringList columns { QStringLiteral("section"), QStringLiteral("id"), QStringLiteral("name"),
        QStringLiteral("client"), QStringLiteral("client_active"), QStringLiteral("campaign_type"),
        QStringLiteral("status"), QStringLiteral("start_date"), QStringLiteral("end_date"), QStringLiteral("campaigns"),
        QStringLiteral("allocated"), QStringLiteral("spent"), QStringLiteral("remaining"),
        QStringLiteral("burn_percent"), QStringLiteral("elapsed_percent"), QStringLiteral("overspent_campaigns"),
        QStringLiteral("overspend"), QStringLiteral("without_budget"), QStringLiteral("without_spent"),
        QStringLiteral("projected_spend"), QStringLiteral("runs_out_on"), QStringLiteral("attention"),
        QStringLiteral("why") };
    const QList<bool> textColumns { true, true, true, true, false, true, true, false, false, false, false, false, false,
        false, false, false, false, false, false, false, false, true, true };
    // The same columns as a workbook's cells.
    using Cell = exporting::SheetWriter::Kind;
    const QList<Cell> cellKinds { Cell::Text, Cell::Text, Cell::Text, Cell::Text, Cell::Boolean, Cell::Text, Cell::Text,
        Cell::Date, Cell::Date, Cell::Number, Cell::Money, Cell::Money, Cell::Money, Cell::Percent, Cell::Percent,
        Cell::Number, Cell::Money, Cell::Number, Cell::Number, Cell::Money, Cell::Date, Cell::Text, Cell::Text };

    QString percent(std::optional<qint64> hundredths)
    {
        return hundredths ? domain::Percent::fromHundredths(static_cast<int>(std::min<qint64>(*hundredths, 99999999)))
                                .toDecimalString()
                          : QString();
    }

    QString money(const std::optional<Money>& amount)
    {
        return amount ? amount->toDecimalString() : QString();
    }

    QString attentionWord(Attention level)
    {
        switch (level) {
        case Attention::OverLimit:
            return QStringLiteral("over_limit");
        case Attention::Warning:
            return QStringLiteral("warning");
        case Attention::WillOverspend:
            return QStringLiteral("will_overspend");
        case Attention::OffPace:
            return QStringLiteral("off_pace");
        case Attention::None:
            break;
        }
        return {};
    }

    // A row of texts: a null QString is NULL (an empty field).
    bool write(exporting::RowSink& csv, const QStringList& row)
    {
        QList<QByteArray> bytes;
        bytes.reserve(row.size());
        for (const QString& field : row)
            bytes << (field.isNull() ? QByteArray() : field.toUtf8());
        QList<QByteArrayView> fields;
        fields.reserve(row.size());
        for (qsizetype i = 0; i < row.size(); ++i)
            fields << (row.at(i).isNull()
                    ? QByteArrayView()
                    : QByteArrayView(bytes.at(i).isNull() ? "" : bytes.at(i).constData(), bytes.at(i).size()));
        return csv.writeRow(fields);
    }

    QStringList totalsRow(const QString& section, const BudgetTotals& t)
    {
        QStringList row(columns.size());
        row[0] = section;
        if (section == QStringLiteral("client")) {
            row[1] = t.key;
            row[2] = t.label;
            row[4] = t.inactiveClient ? QStringLiteral("false") : QStringLiteral("true");
        }
        row[9] = QString::number(t.campaigns);
        row[10] = money(t.allocatedFigure());
        row[11] = money(t.spentFigure());
        row[12] = money(t.remaining());
        row[13] = percent(t.burnShare());
        row[15] = QString::number(t.overspentCampaigns);
        row[16] = t.overspend.toDecimalString();
        row[17] = QString::number(t.withoutBudget);
        row[18] = QString::number(t.withoutSpent);
        return row;
    }
}

bool writeFinanceCsv(
    QIODevice* out, const FinanceFigures& figures, const exporting::CsvOptions& options, QString* error)
{
    exporting::CsvWriter csv(out, options, textColumns);
    return writeFinanceRows(csv, figures, error);
}

bool writeFinanceXlsx(QIODevice* out, const FinanceFigures& figures, QString* error)
{
    exporting::SheetWriter sheet(out, cellKinds);
    return writeFinanceRows(sheet, figures, error);
}

bool writeFinanceRows(exporting::RowSink& csv, const FinanceFigures& figures, QString* error)
{
    bool ok = csv.writeHeader(columns)
        && write(csv, totalsRow(QStringLiteral("total"), BudgetTotals::sum(figures.clients)));
    for (qsizetype i = 0; ok && i < figures.clients.size(); ++i)
        ok = write(csv, totalsRow(QStringLiteral("client"), figures.clients.at(i)));
    for (qsizetype i = 0; ok && i < figures.campaigns.size(); ++i) {
        const CampaignLine& line = figures.campaigns.at(i);
        QStringList row(columns.size());
        row[0] = QStringLiteral("campaign");
        row[1] = line.id;
        row[2] = line.label;
        row[3] = line.clientName;
        row[4] = line.inactiveClient ? QStringLiteral("false") : QStringLiteral("true");
        row[5] = line.campaignType;
        row[6] = line.status;
        row[7] = line.start.isValid() ? line.start.toString(Qt::ISODate) : QString();
        row[8] = line.end.isValid() ? line.end.toString(Qt::ISODate) : QString();
        row[10] = money(line.allocated);
        row[11] = money(line.spent);
        row[12] = line.allocated && line.spent ? (*line.allocated - *line.spent).toDecimalString() : QString();
        const auto spentShare = line.spentShare();
        row[13] = percent(spentShare ? std::optional<qint64>(*spentShare) : std::nullopt);
        const auto elapsed = line.elapsedShare(figures.asOf);
        row[14] = percent(elapsed ? std::optional<qint64>(*elapsed) : std::nullopt);
        row[19] = money(line.projectedSpend(figures.asOf));
        const auto out = line.runsOutOn(figures.asOf);
        row[20] = out ? out->toString(Qt::ISODate) : QString();
        const Attention level = line.attention(figures.asOf, figures.thresholds);
        row[21] = attentionWord(level);
        row[22] = level == Attention::None ? QString() : line.attentionText(figures.asOf, figures.thresholds, true);
        ok = write(csv, row);
    }
    ok = ok && csv.flush();
    if (!ok && error)
        *error = csv.errorString();
    return ok;
}

bool saveFinanceCsv(FinanceReport& report, const ReportFilter& filter, const Thresholds& thresholds,
    const QString& path, QString* error, std::optional<bool> workbook)
{
    FinanceFigures figures;
    figures.asOf = QDate::currentDate();
    figures.thresholds = thresholds;
    const auto clients = report.byClient(filter);
    const auto campaigns = report.campaigns(filter);
    if (!clients || !campaigns) {
        if (error)
            *error = report.lastError();
        return false;
    }
    figures.clients = *clients;
    figures.campaigns = *campaigns;
    QSaveFile file(path);
    QString failure;
    const bool written = file.open(QIODevice::WriteOnly)
        && (workbook.value_or(isWorkbookPath(path)) ? writeFinanceXlsx(&file, figures, &failure)
                                                    : writeFinanceCsv(&file, figures, {}, &failure));
    if (!written || !file.commit()) {
        if (error)
            *error = failure.isEmpty() ? file.errorString() : failure;
        return false;
    }
    return true;
}

} // namespace agency::reports
