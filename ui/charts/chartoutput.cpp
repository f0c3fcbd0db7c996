// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartoutput.h"

#include "dashboardcharts.h"
#include "domain/displaytext.h"
#include "domain/vocabulary.h"

#include <QBuffer>
#include <QChart>
#include <QFileInfo>
#include <QGraphicsScene>
#include <QLocale>
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
    const auto totals = report.byClientAndType(filter);
    const auto tiers = report.retainerByTier();
    const auto* clients = totals ? &totals->clients : nullptr;
    const auto* types = totals ? &totals->types : nullptr;
    if (!totals || !tiers) {
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
    const auto attention = report.campaignsNeedingAttention(filter, review->asOf, review->thresholds);
    const auto campaigns
        = review->everyCampaign ? report.campaigns(filter) : std::make_optional(QList<reports::CampaignLine>());
    if (!campaigns || !attention) {
        *error = report.lastError();
        return false;
    }
    review->attention = *attention;
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
        const int footer = 20; // the page number's line
        const int bottom = page.height() - footer;
        const QColor red(0xc6, 0x28, 0x28);
        const QColor amber(0xb2, 0x6a, 0x00);
        int y = 0;
        int pageNumber = 1;
        QFont body = painter.font();
        body.setPointSize(9);
        body.setBold(false);
        auto drawFooter = [&]() {
            painter.setFont(body);
            painter.setPen(Qt::darkGray);
            painter.drawText(QRect(0, bottom + 4, width, footer - 4), Qt::AlignLeft | Qt::AlignVCenter,
                QObject::tr("%1 · %2").arg(review.title, QLocale().toString(review.generatedAt, QLocale::ShortFormat)));
            painter.drawText(QRect(0, bottom + 4, width, footer - 4), Qt::AlignRight | Qt::AlignVCenter,
                QObject::tr("page %1").arg(pageNumber));
            painter.setPen(Qt::black);
        };
        auto newPage = [&]() {
            drawFooter();
            pdf.newPage();
            ++pageNumber;
            y = 0;
        };
        // Text across the page, wrapped: as tall as it needs.
        auto paragraph = [&](const QString& text, const QFont& font, const QColor& colour = Qt::black) {
            painter.setFont(font);
            painter.setPen(colour);
            const QRect box = painter.boundingRect(QRect(0, y, width, bottom - y), Qt::TextWordWrap, text);
            painter.drawText(QRect(0, y, width, box.height()), Qt::TextWordWrap, text);
            y += box.height() + 4;
            painter.setPen(Qt::black);
        };
        QFont title = body;
        title.setPointSize(18);
        title.setBold(true);
        paragraph(review.title, title);
        paragraph(QObject::tr("Generated %1 from %2 · figures as of %3 · filters: %4")
                      .arg(QLocale().toString(review.generatedAt, QLocale::LongFormat),
                          review.database.isEmpty() ? QObject::tr("the database") : review.database,
                          domain::dateText(review.asOf),
                          review.filterText.isEmpty() ? QObject::tr("none") : review.filterText),
            body);

        // The headline figures, each a caption over its amount.
        const reports::BudgetTotals& all = review.totals;
        const QList<std::pair<QString, QString>> headline { { QObject::tr("Allocated"),
                                                                figureText(all.allocatedFigure()) },
            { QObject::tr("Spent"), figureText(all.spentFigure()) },
            { QObject::tr("Remaining"), figureText(all.remaining()) },
            { QObject::tr("Burn"), shareText(all.burnShare()) },
            { QObject::tr("Overspent"),
                all.overspentCampaigns == 0
                    ? QObject::tr("none")
                    : QObject::tr("%1 by %2").arg(all.overspentCampaigns).arg(all.overspend.toDisplayString()) },
            { QObject::tr("Needing attention"), QLocale().toString(review.attention.size()) } };
        QFont caption = body;
        QFont figure = body;
        figure.setPointSize(13);
        figure.setBold(true);
        const int cell = width / static_cast<int>(headline.size());
        for (int i = 0; i < headline.size(); ++i) {
            painter.setPen(QColor(0xbb, 0xbb, 0xbb));
            painter.drawRect(QRect(i * cell, y, cell - 6, 46));
            painter.setPen(Qt::black);
            painter.setFont(caption);
            painter.drawText(
                QRect(i * cell + 6, y + 2, cell - 18, 16), Qt::AlignLeft | Qt::AlignVCenter, headline.at(i).first);
            // A smaller size rather than a figure cut short (12,546,686,047.51 in a sixth of the page).
            QFont fitted = figure;
            while (fitted.pointSize() > 6
                && QFontMetrics(fitted, &pdf).horizontalAdvance(headline.at(i).second) > cell - 18)
                fitted.setPointSize(fitted.pointSize() - 1);
            painter.setFont(fitted);
            painter.drawText(
                QRect(i * cell + 6, y + 18, cell - 18, 26), Qt::AlignLeft | Qt::AlignVCenter, headline.at(i).second);
        }
        y += 52;
        paragraph(totalsNote(review.clients), body);

        // The charts: clients across the page, then spend by type and retainers side by side.
        const std::unique_ptr<QChart> clients(clientBudgetChart(review.clients));
        const std::unique_ptr<QChart> types(typeSpendChart(review.types));
        const std::unique_ptr<QChart> tiers(retainerChart(review.tiers));
        // The two below side by side, each drawn at 1.3 times its room and scaled down to it: smaller type, so that
        // the pie's legend (each type's whole amount) and every tier's label fit.
        const int half = (width - 16) / 2;
        const int rest = bottom - y - 8;
        const QSize wide(width, rest * 50 / 100);
        painter.drawImage(QRect(QPoint(0, y), wide), renderChart(clients.get(), wide, 2.0));
        y += wide.height() + 8;
        const QSize small(half, rest - wide.height() - 8);
        painter.drawImage(QRect(QPoint(0, y), small), renderChart(types.get(), small * 1.3, 2.0));
        painter.drawImage(QRect(QPoint(half + 16, y), small), renderChart(tiers.get(), small * 1.3, 2.0));
        newPage();

        // A table across the page: `widths` in percent of it (each wide enough for the largest amount); the columns
        // in `numeric` right-aligned. Each cell wraps between words and its row is as tall as its tallest cell:
        // nothing is cut short. A page that is full goes on on the next, under the header again.
        auto drawTable = [&](const QString& heading, const QString& explanation, const QStringList& headers,
                             const QList<int>& widths, const QList<int>& numeric,
                             const std::function<void(const std::function<void(const QStringList&, QColor)>&)>& rows) {
            auto columnX = [&](int column) {
                int at = 0;
                for (int c = 0; c < column; ++c)
                    at += widths.at(c) * width / 100;
                return at;
            };
            const int flags = Qt::TextWordWrap; // at spaces: a figure is one word and never broken
            // A figure and its unit stay together ("100,00 %" never leaves its "%" alone on the next line), and a
            // word wider than its column (a header's "Kampagnen") is set smaller until it fits, never cut.
            auto cellText = [](QString text) { return text.replace(QStringLiteral(" %"), QStringLiteral("\u00a0%")); };
            auto cellFont = [&](const QString& text, int column, const QFont& font) {
                const int room = widths.at(column) * width / 100 - 6;
                QFont fitted = font;
                const QStringList words = text.split(u' ', Qt::SkipEmptyParts);
                const auto widest = [&](const QFont& f) {
                    const QFontMetrics metrics(f, &pdf);
                    int most = 0;
                    for (const QString& word : words)
                        most = std::max(most, metrics.horizontalAdvance(word));
                    return most;
                };
                while (widest(fitted) > room && fitted.pointSizeF() > font.pointSizeF() * 0.6)
                    fitted.setPointSizeF(fitted.pointSizeF() - 0.5);
                return fitted;
            };
            auto rowHeight = [&](const QStringList& cells, const QFont& font) {
                int tallest = QFontMetrics(font, &pdf).height();
                for (int c = 0; c < cells.size(); ++c) {
                    const QString text = cellText(cells.at(c));
                    const QFontMetrics metrics(cellFont(text, c, font), &pdf);
                    tallest = std::max(tallest,
                        metrics.boundingRect(QRect(0, 0, widths.at(c) * width / 100 - 6, 10000), flags, text).height());
                }
                return tallest + 4;
            };
            auto drawRow = [&](const QStringList& cells, bool header, const QColor& colour) {
                QFont font = body;
                font.setBold(header || colour != Qt::black);
                const int height = rowHeight(cells, font);
                painter.setPen(colour);
                for (int c = 0; c < cells.size(); ++c) {
                    const QString text = cellText(cells.at(c));
                    painter.setFont(cellFont(text, c, font));
                    const Qt::Alignment align
                        = numeric.contains(c) ? Qt::AlignRight | Qt::AlignTop : Qt::AlignLeft | Qt::AlignTop;
                    painter.drawText(QRect(columnX(c) + 2, y + 2, widths.at(c) * width / 100 - 6, height),
                        static_cast<int>(align) | flags, text);
                }
                painter.setFont(font);
                y += height;
                painter.setPen(QColor(0xdd, 0xdd, 0xdd));
                painter.drawLine(0, y, width, y);
                painter.setPen(Qt::black);
            };
            QFont headingFont = body;
            headingFont.setPointSize(12);
            headingFont.setBold(true);
            if (y > bottom - 120)
                newPage();
            paragraph(heading, headingFont);
            if (!explanation.isEmpty())
                paragraph(explanation, body, Qt::darkGray);
            drawRow(headers, true, Qt::black);
            rows([&](const QStringList& cells, QColor colour) {
                QFont font = body;
                font.setBold(colour != Qt::black);
                if (y + rowHeight(cells, font) > bottom) {
                    newPage();
                    drawRow(headers, true, Qt::black);
                }
                drawRow(cells, false, colour);
            });
            y += 16;
        };
        const QString none = QObject::tr("—");
        auto money = [&none](const std::optional<reports::Money>& amount) {
            return amount ? amount->toDisplayString() : none;
        };
        auto clientOf = [](const reports::CampaignLine& line) {
            return line.inactiveClient ? QObject::tr("%1 (inactive)").arg(line.clientName) : line.clientName;
        };

        // The campaigns that need attention, most severe first.
        const auto needing = review.attention.size();
        const QList<reports::CampaignLine> shown = review.attention.mid(0, financeReviewAttentionRows);
        drawTable(needing > shown.size()
                ? QObject::tr("Campaigns needing attention: the %1 most severe of %2 (of %3 campaigns); 'agency-os "
                              "report finance --format csv' lists every one")
                      .arg(shown.size())
                      .arg(QLocale().toString(needing), QLocale().toString(review.campaignCount))
                : QObject::tr("Campaigns needing attention: %1 of %2")
                      .arg(QLocale().toString(needing), QLocale().toString(review.campaignCount)),
            QObject::tr("Most severe first: over the limit (%1 of the budget; at 100 %: overspent), past the warning "
                        "threshold (%2), projected to overspend, off pace. Pace: the share of its budget a campaign "
                        "has spent against the share of its days gone; off pace is more than 15 points ahead or 25 "
                        "behind. Projected: spent so far ÷ days gone × days in all.")
                .arg(domain::Percent::fromHundredths(review.thresholds.limitAt).toDisplayString(),
                    domain::Percent::fromHundredths(review.thresholds.warnAt).toDisplayString()),
            { QObject::tr("Campaign"), QObject::tr("Client"), QObject::tr("Allocated"), QObject::tr("Spent"),
                QObject::tr("Projected at end"), QObject::tr("Why") },
            { 18, 13, 10, 10, 10, 39 }, { 2, 3, 4 }, [&](const auto& row) {
                for (const auto& line : shown) {
                    const reports::Attention level = line.attention(review.asOf, review.thresholds);
                    row({ line.label, clientOf(line), money(line.allocated), money(line.spent),
                            money(line.projectedSpend(review.asOf)),
                            line.attentionText(review.asOf, review.thresholds) },
                        level == reports::Attention::OverLimit ? red
                            : level == reports::Attention::Warning || level == reports::Attention::WillOverspend
                            ? amber
                            : QColor(Qt::black));
                }
            });

        // Every client's totals.
        drawTable(QObject::tr("Totals by client"), QString(),
            { QObject::tr("Client"), QObject::tr("Campaigns"), QObject::tr("Allocated"), QObject::tr("Spent"),
                QObject::tr("Remaining"), QObject::tr("Burn"), QObject::tr("Overspent"),
                QObject::tr("Without a figure") },
            { 22, 8, 13, 13, 13, 8, 13, 10 }, { 1, 2, 3, 4, 5, 6 }, [&](const auto& row) {
                for (const reports::BudgetTotals& client : review.clients) {
                    row({ clientName(client), QLocale().toString(client.campaigns),
                            figureText(client.allocatedFigure()), figureText(client.spentFigure()),
                            figureText(client.remaining()), shareText(client.burnShare()),
                            client.overspentCampaigns > 0 ? QObject::tr("%1 by %2")
                                                                .arg(client.overspentCampaigns)
                                                                .arg(client.overspend.toDisplayString())
                                                          : QString(),
                            client.withoutBudget + client.withoutSpent > 0
                                ? QObject::tr("%1 budget · %2 spent").arg(client.withoutBudget).arg(client.withoutSpent)
                                : QString() },
                        client.overspentCampaigns > 0 ? red : QColor(Qt::black));
                }
            });

        // The appendix: every campaign, or where to find them.
        if (!review.everyCampaign) {
            paragraph(QObject::tr("Appendix: the %1 campaigns under these filters are too many to list here; "
                                  "'agency-os report finance --format csv' writes each one's figures.")
                          .arg(review.campaignCount),
                body);
        } else {
            drawTable(QObject::tr("Appendix: every campaign (%1)").arg(review.campaigns.size()), QString(),
                { QObject::tr("Client"), QObject::tr("Campaign"), QObject::tr("Status"), QObject::tr("Allocated"),
                    QObject::tr("Spent"), QObject::tr("Remaining"), QObject::tr("Spent / time gone"),
                    QObject::tr("Flag") },
                { 14, 20, 8, 11, 11, 11, 11, 14 }, { 3, 4, 5, 6 }, [&](const auto& row) {
                    for (const auto& line : review.campaigns) {
                        const QString remaining
                            = line.allocated && line.spent ? (*line.allocated - *line.spent).toDisplayString() : none;
                        const auto spentShare = line.spentShare();
                        const auto timeShare = line.elapsedShare(review.asOf);
                        const QString pace = spentShare && timeShare
                            ? QStringLiteral("%1 / %2").arg(
                                domain::Percent::fromHundredths(std::min(*spentShare, 99999999)).toDisplayString(),
                                domain::Percent::fromHundredths(*timeShare).toDisplayString())
                            : none;
                        const reports::Attention level = line.attention(review.asOf, review.thresholds);
                        QString flag;
                        if (line.overspent())
                            flag = QObject::tr("OVERSPENT");
                        else if (level == reports::Attention::OverLimit)
                            flag = QObject::tr("over the limit");
                        else if (level == reports::Attention::Warning)
                            flag = QObject::tr("warning");
                        else if (level == reports::Attention::WillOverspend)
                            flag = QObject::tr("will overspend");
                        else if (level == reports::Attention::OffPace)
                            flag = QObject::tr("off pace");
                        row({ clientOf(line), line.label, domain::statusLabel(line.status), money(line.allocated),
                                money(line.spent), remaining, pace, flag },
                            line.overspent() ? red : QColor(Qt::black));
                    }
                });
        }
        drawFooter();
    }
    return commit(file, path, error);
}

} // namespace agency::ui
