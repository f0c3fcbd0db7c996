// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartoutput.h"

#include "dashboardcharts.h"

#include <QBuffer>
#include <QChart>
#include <QFileInfo>
#include <QGraphicsScene>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSettings>
#include <QSvgGenerator>
#include <functional>
#include <memory>

namespace agency::ui {

namespace {
    // A chart outside any view still needs a scene to be drawn from.
    void paintChart(QChart* chart, QPainter* painter, const QRectF& target)
    {
        std::unique_ptr<QGraphicsScene> ownScene;
        QGraphicsScene* scene = chart->scene();
        if (!scene) {
            ownScene = std::make_unique<QGraphicsScene>();
            ownScene->addItem(chart);
            scene = ownScene.get();
        }
        chart->resize(target.size());
        chart->setPos(0, 0);
        scene->setSceneRect(QRectF(QPointF(0, 0), target.size()));
        scene->render(painter, target, QRectF(QPointF(0, 0), target.size()));
        if (ownScene)
            ownScene->removeItem(chart);
    }

    bool commit(QSaveFile& file, const QString& path, QString* error)
    {
        if (file.commit())
            return true;
        *error = QObject::tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
}

QImage renderChart(QChart* chart, QSize size, qreal scale)
{
    QImage image(size * scale, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    paintChart(chart, &painter, QRectF(QPointF(0, 0), size));
    return image;
}

bool saveChart(QChart* chart, QSize size, const QString& path, QString* error)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QStringLiteral("png") && suffix != QStringLiteral("svg")) {
        *error = QObject::tr("the output must end in .png or .svg: %1").arg(path);
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QObject::tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    if (suffix == QStringLiteral("png")) {
        if (!renderChart(chart, size).save(&file, "PNG")) {
            file.cancelWriting();
            *error = QObject::tr("could not encode %1 as PNG").arg(path);
            return false;
        }
        return commit(file, path, error);
    }
    QSvgGenerator svg;
    svg.setOutputDevice(&file);
    svg.setSize(size);
    svg.setViewBox(QRect(QPoint(0, 0), size));
    svg.setTitle(chart->title());
    {
        QPainter painter(&svg);
        paintChart(chart, &painter, QRectF(QPointF(0, 0), size));
    }
    return commit(file, path, error);
}

reports::Thresholds rememberedThresholds()
{
    const QSettings settings;
    const reports::Thresholds fallback;
    const auto saved
        = reports::Thresholds::make(settings.value(QStringLiteral("finance/warnAt"), fallback.warnAt).toInt(),
            settings.value(QStringLiteral("finance/limitAt"), fallback.limitAt).toInt(), nullptr);
    return saved.value_or(fallback);
}

void rememberThresholds(const reports::Thresholds& thresholds)
{
    QSettings settings;
    settings.setValue(QStringLiteral("finance/warnAt"), thresholds.warnAt);
    settings.setValue(QStringLiteral("finance/limitAt"), thresholds.limitAt);
}

bool collectFinanceReview(
    reports::FinanceReport& report, const reports::ReportFilter& filter, FinanceReview* review, QString* error)
{
    const auto clients = report.byClient(filter);
    const auto types = report.byCampaignType(filter);
    const auto tiers = report.retainerByTier();
    if (!clients || !types || !tiers) {
        *error = report.lastError();
        return false;
    }
    review->generatedAt = QDateTime::currentDateTime();
    review->asOf = review->generatedAt.date();
    review->totals = reports::BudgetTotals::sum(*clients);
    review->campaignCount = 0;
    for (const reports::BudgetTotals& client : *clients)
        review->campaignCount += client.campaigns;
    review->everyCampaign = review->campaignCount <= financeReviewFullListLimit;
    const auto campaigns = review->everyCampaign
        ? report.campaigns(filter)
        : report.campaignsNeedingAttention(filter, review->asOf, review->thresholds);
    if (!campaigns) {
        *error = report.lastError();
        return false;
    }
    if (review->title.isEmpty())
        review->title = QObject::tr("Finance review");
    review->clients = *clients;
    review->types = *types;
    review->tiers = *tiers;
    review->campaigns = *campaigns;
    return true;
}

bool writeFinanceReviewPdf(const FinanceReview& review, const QString& path, QString* error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QObject::tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    {
        QPdfWriter pdf(&file);
        pdf.setTitle(review.title);
        pdf.setCreator(QStringLiteral("Agency OS"));
        pdf.setPageSize(QPageSize(QPageSize::A4));
        pdf.setPageOrientation(QPageLayout::Landscape);
        pdf.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter);
        pdf.setResolution(96);
        QPainter painter(&pdf);
        const QRect page = painter.viewport();
        const int width = page.width();
        int y = 0;
        QFont title = painter.font();
        title.setPointSize(18);
        title.setBold(true);
        painter.setFont(title);
        painter.drawText(QRect(0, y, width, 36), Qt::AlignLeft | Qt::AlignVCenter, review.title);
        y += 40;
        QFont body = painter.font();
        body.setPointSize(9);
        body.setBold(false);
        painter.setFont(body);
        painter.drawText(QRect(0, y, width, 20), Qt::AlignLeft,
            QObject::tr("As of %1 · Filters: %2")
                .arg(review.asOf.toString(Qt::ISODate),
                    review.filterText.isEmpty() ? QObject::tr("none") : review.filterText));
        y += 28;

        // Page 1: clients across the page, then spend by type and retainers side by side. The table follows.
        const std::unique_ptr<QChart> clients(clientBudgetChart(review.clients));
        const std::unique_ptr<QChart> types(typeSpendChart(review.types));
        const std::unique_ptr<QChart> tiers(retainerChart(review.tiers));
        const int half = (width - 16) / 2;
        const int rest = page.height() - y - 16;
        const QSize wide(width, rest * 55 / 100);
        painter.drawImage(QRect(QPoint(0, y), wide), renderChart(clients.get(), wide, 2.0));
        y += wide.height() + 16;
        const QSize small(half, rest - wide.height() - 16);
        painter.drawImage(QRect(QPoint(0, y), small), renderChart(types.get(), small, 2.0));
        painter.drawImage(QRect(QPoint(half + 16, y), small), renderChart(tiers.get(), small, 2.0));
        pdf.newPage();
        y = 0;

        // A table across the page: `widths` in percent of it; the columns in `numeric` right-aligned. A page that
        // is full goes on on the next, under the header again.
        auto drawTable = [&](const QString& heading, const QStringList& headers, const QList<int>& widths,
                             const QList<int>& numeric,
                             const std::function<void(const std::function<void(const QStringList&, bool)>&)>& rows) {
            auto columnX = [&](int column) {
                int at = 0;
                for (int c = 0; c < column; ++c)
                    at += widths.at(c) * width / 100;
                return at;
            };
            auto drawRow = [&](const QStringList& cells, bool header, bool alarm) {
                QFont font = body;
                font.setBold(header || alarm);
                painter.setFont(font);
                painter.setPen(alarm ? QColor(0xc6, 0x28, 0x28) : QColor(Qt::black));
                for (int c = 0; c < cells.size(); ++c) {
                    const Qt::Alignment align
                        = numeric.contains(c) ? Qt::AlignRight | Qt::AlignVCenter : Qt::AlignLeft | Qt::AlignVCenter;
                    painter.drawText(QRect(columnX(c) + 2, y, widths.at(c) * width / 100 - 6, 18),
                        static_cast<int>(align),
                        painter.fontMetrics().elidedText(cells.at(c), Qt::ElideRight, widths.at(c) * width / 100 - 6));
                }
                y += 18;
                painter.setPen(QColor(0xdd, 0xdd, 0xdd));
                painter.drawLine(0, y, width, y);
            };
            QFont headingFont = body;
            headingFont.setPointSize(12);
            headingFont.setBold(true);
            painter.setFont(headingFont);
            painter.setPen(Qt::black);
            painter.drawText(QRect(0, y, width, 24), Qt::AlignLeft | Qt::AlignVCenter, heading);
            y += 28;
            drawRow(headers, true, false);
            rows([&](const QStringList& cells, bool alarm) {
                drawRow(cells, false, alarm);
                if (y > page.height() - 30) {
                    pdf.newPage();
                    y = 0;
                    drawRow(headers, true, false);
                }
            });
        };

        // Every client's totals.
        drawTable(QObject::tr("Totals by client"),
            { QObject::tr("Client"), QObject::tr("Campaigns"), QObject::tr("Allocated"), QObject::tr("Spent"),
                QObject::tr("Remaining"), QObject::tr("Overspent") },
            { 30, 10, 15, 15, 15, 15 }, { 1, 2, 3, 4, 5 }, [&](const auto& row) {
                for (const reports::BudgetTotals& client : review.clients) {
                    row({ client.label, QString::number(client.campaigns), client.allocated.toDisplayString(),
                            client.spent.toDisplayString(), client.remaining().toDisplayString(),
                            client.overspentCampaigns > 0 ? QObject::tr("%1 by %2")
                                                                .arg(client.overspentCampaigns)
                                                                .arg(client.overspend.toDisplayString())
                                                          : QString() },
                        client.overspentCampaigns > 0);
                }
            });
        pdf.newPage();
        y = 0;

        // The campaigns, overspend in words and colour.
        const QString heading = review.everyCampaign
            ? QObject::tr("Campaigns (%1)").arg(review.campaignCount)
            : QObject::tr("Campaigns needing attention: %1 of %2, overspent or off pace (the full list: export "
                          "Campaigns to CSV)")
                  .arg(review.campaigns.size())
                  .arg(review.campaignCount);
        drawTable(heading,
            { QObject::tr("Client"), QObject::tr("Campaign"), QObject::tr("Status"), QObject::tr("Allocated"),
                QObject::tr("Spent"), QObject::tr("Remaining"), QObject::tr("Pace"), QObject::tr("Flag") },
            { 15, 22, 9, 10, 10, 10, 14, 10 }, { 3, 4, 5, 6 }, [&](const auto& row) {
                for (const auto& line : review.campaigns) {
                    const QString remaining = line.allocated
                        ? (*line.allocated - line.spent.value_or(reports::Money())).toDisplayString()
                        : QString();
                    const auto spentShare = line.spentShare();
                    const auto timeShare = line.elapsedShare(review.asOf);
                    const QString pace = spentShare && timeShare
                        ? QStringLiteral("%1 / %2").arg(
                            domain::Percent::fromHundredths(std::min(*spentShare, 99999)).toDisplayString(),
                            domain::Percent::fromHundredths(*timeShare).toDisplayString())
                        : QString();
                    QString flag;
                    if (line.overspent())
                        flag = QObject::tr("OVERSPENT");
                    else if (line.offPace(review.asOf))
                        flag = QObject::tr("off pace");
                    row({ line.clientName, line.label, line.status,
                            line.allocated ? line.allocated->toDisplayString() : QObject::tr("—"),
                            line.spent ? line.spent->toDisplayString() : QObject::tr("—"), remaining, pace, flag },
                        line.overspent());
                }
            });
    }
    return commit(file, path, error);
}

} // namespace agency::ui
