// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartlegend.h"

#include <QBarCategoryAxis>
#include <QChart>
#include <QFontMetrics>
#include <QFontMetricsF>
#include <QLegend>
#include <QLegendMarker>
#include <algorithm>

namespace agency::ui {

void setWholeLegendLabels(QChart* chart, QAbstractSeries* series, const QStringList& labels)
{
    const auto markers = chart->legend()->markers(series);
    const QFontMetrics metrics(chart->legend()->font());
    int widest = 0;
    for (qsizetype i = 0; i < markers.size() && i < labels.size(); ++i) {
        markers.at(i)->setLabel(labels.at(i));
        widest = std::max(widest, metrics.horizontalAdvance(labels.at(i)));
    }
    chart->legend()->setMinimumWidth(widest + 4 * metrics.height()); // the marker and the margins beside the text
}

void fitChartTexts(QChart* chart, const QSizeF& size)
{
    if (!chart || size.isEmpty())
        return;
    const QFont usual = QFont();
    const qreal smallest = usual.pointSizeF() * 0.7;
    const qreal titleHeight = chart->title().isEmpty() ? 0 : QFontMetricsF(chart->titleFont()).height() * 2;
    // A legend beside the plot: every entry in the height (a line and a half each), the widest in half the width.
    QLegend* legend = chart->legend();
    if (legend->isVisible() && (legend->alignment() & (Qt::AlignLeft | Qt::AlignRight))) {
        const auto markers = legend->markers();
        QFont font = usual;
        // The width an entry takes at `f`: the widest text, its marker and the margins beside it.
        const auto entryWidth = [&](const QFont& f) {
            const QFontMetricsF metrics(f);
            qreal widest = 0;
            for (const QLegendMarker* marker : markers)
                widest = std::max(widest, metrics.horizontalAdvance(marker->label()));
            return widest + 4 * metrics.height();
        };
        const auto fits = [&](const QFont& f) {
            // Qt spaces entries about a line and a half apart, inside the chart's and the plot's margins.
            return static_cast<qreal>(markers.size()) * QFontMetricsF(f).height() * 1.6
                <= size.height() - titleHeight - 60
                && entryWidth(f) <= size.width() * 0.5 - 20;
        };
        while (!fits(font) && font.pointSizeF() > smallest)
            font.setPointSizeF(font.pointSizeF() - 0.5);
        legend->setFont(font);
        legend->setMinimumWidth(entryWidth(font));
    }
    // A legend below the plot: its entries side by side in the width, each a marker, the text and a gap.
    if (legend->isVisible() && (legend->alignment() & (Qt::AlignTop | Qt::AlignBottom))) {
        const auto markers = legend->markers();
        QFont font = usual;
        const auto wide = [&](const QFont& f) {
            const QFontMetricsF metrics(f);
            qreal all = 0;
            for (const QLegendMarker* marker : markers)
                all += metrics.horizontalAdvance(marker->label()) + 3 * metrics.height();
            return all;
        };
        while (wide(font) > size.width() - 40 && font.pointSizeF() > smallest)
            font.setPointSizeF(font.pointSizeF() - 0.5);
        legend->setFont(font);
    }
    // Category labels below the plot: whole (never "conve…"), turned when they would not fit side by side, and set
    // smaller when even turned they would not.
    for (QAbstractAxis* axis : chart->axes(Qt::Horizontal)) {
        auto* categories = qobject_cast<QBarCategoryAxis*>(axis);
        if (!categories || categories->count() == 0)
            continue;
        categories->setTruncateLabels(false);
        QFont font = usual;
        const auto widest = [&](const QFont& f) {
            const QFontMetricsF metrics(f);
            qreal most = 0;
            for (const QString& label : categories->categories()) {
                for (const QString& line : label.split(QStringLiteral("<br>")))
                    most = std::max(most, metrics.horizontalAdvance(line));
            }
            return most;
        };
        const qreal each = (size.width() - 100) / static_cast<qreal>(categories->count());
        const bool turned = widest(font) > each - 8;
        // Turned upright, a label takes a line's width beside the next one (turned less, they overlapped and Qt
        // left some out), and its length in height: at most a third of the chart's.
        categories->setLabelsAngle(turned ? -90 : 0);
        while (turned && widest(font) > size.height() / 3 && font.pointSizeF() > smallest)
            font.setPointSizeF(font.pointSizeF() - 0.5);
        categories->setLabelsFont(font);
    }
    // Category labels along a side: each in its own line's height, or Qt hides those that would overlap.
    const auto axes = chart->axes(Qt::Vertical);
    for (QAbstractAxis* axis : axes) {
        auto* categories = qobject_cast<QBarCategoryAxis*>(axis);
        if (!categories || categories->count() == 0)
            continue;
        const qreal below = legend->isVisible() && (legend->alignment() & (Qt::AlignTop | Qt::AlignBottom))
            ? QFontMetricsF(legend->font()).height() * 2
            : 0;
        // The plot's height: less the title, a legend below, the value axis's labels and title, and the margins.
        const qreal room = size.height() - titleHeight - below - QFontMetricsF(usual).height() * 4.5 - 30;
        QFont font = usual;
        const auto lines = [](const QString& label) { return label.count(QStringLiteral("<br>")) + 1; };
        qsizetype needed = 0;
        for (const QString& label : categories->categories())
            needed += lines(label);
        while (static_cast<qreal>(needed) * QFontMetricsF(font).height() * 1.7 > room && font.pointSizeF() > smallest)
            font.setPointSizeF(font.pointSizeF() - 0.5);
        categories->setLabelsFont(font);
    }
}

} // namespace agency::ui
