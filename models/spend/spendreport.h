// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/money.h"

#include <QDate>
#include <QIODevice>
#include <QList>
#include <QLocale>
#include <QMap>
#include <QString>
#include <array>
#include <functional>
#include <optional>

namespace agency::spend {

// The ad platforms whose report exports are read, as a user downloads them from the platform's own reporting, in
// English or German: Google Ads (campaign report), Meta Ads Manager, Microsoft Advertising; and a plain generic
// layout (README).
enum class Platform { GoogleAds, Meta, Microsoft, Generic };

QString platformCode(Platform platform); // google_ads, meta, microsoft, generic: what the spend rows keep
// The --format name (google-ads, meta, microsoft, generic), or nullopt.
std::optional<Platform> platformFromName(const QString& name);

// What a line brought, by count (Counts::names()): a few numbers, not a map per line (a year of a report is 100,000
// lines).
struct Counts {
    // impressions, clicks, conversions, results, link_clicks, reach: the names files and performance_data use.
    static const QStringList& names();
    static constexpr int reach = 5; // not a sum (the same person reached on two days)
    std::array<double, 6> values {};
    quint8 present = 0; // bit i: names()[i] was given
    void add(int i, double value)
    {
        values[i] += value;
        present |= quint8(1U << i);
    }
    bool has(int i) const { return present & (1U << i); }
    Counts& operator+=(const Counts& other);
    bool operator==(const Counts&) const = default;
    QMap<QString, double> toMap() const;
    static Counts fromMap(const QMap<QString, double>& map);
};

// One line of a report: a campaign of an ad account over a period, what it spent and what it brought.
struct SpendLine {
    int line = 0; // in the file, 1-based
    QDate start;
    QDate end;
    QString account; // the platform's account id (empty when the report has none)
    QString campaign; // the platform's campaign id
    QString campaignName;
    QString currency; // ISO code as the report says it; empty: not said
    domain::Money spend;
    Counts metrics;
};

struct SpendProblem {
    int line = 0; // 0: the file
    QString message;
};

// What reading a report found: its platform and language, and how many lines.
struct SpendReport {
    Platform platform = Platform::Generic;
    QLocale locale; // the language its numbers are written in ("1.234,56" in German)
    int lines = 0; // handed on
    int skipped = 0; // summary lines ("Total: …", a copyright line)
};

// Reads a report from `device` as it streams (UTF-8, or UTF-16 with its BOM; the lines before its header, as Google
// Ads and Microsoft write them, are skipped), handing each line to `sink`. `forced`: read it as that platform's. A
// line whose date or figure cannot be read is a problem (a slashed date is month first, as Microsoft writes it in
// English, unless the report's first lines show a day over 12 there); nullopt when the file is not a report this
// reads. `workbook`: the device holds an .xlsx report's sheet as exporting::sheetToCsv writes it, its numbers plain
// decimals in any language.
std::optional<SpendReport> readSpendReport(QIODevice* device, std::optional<Platform> forced,
    QList<SpendProblem>* problems, const std::function<void(const SpendLine&)>& sink, bool workbook = false);

} // namespace agency::spend
