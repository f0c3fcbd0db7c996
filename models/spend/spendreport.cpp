// SPDX-License-Identifier: GPL-3.0-or-later
#include "spendreport.h"

#include "domain/filedate.h"
#include "export/csvreader.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QStringDecoder>

namespace agency::spend {

namespace {
    struct Text {
        Q_DECLARE_TR_FUNCTIONS(SpendImport)
    };

    // One platform's column names in one language, case-folded. The first name found of each list is the column.
    struct Dictionary {
        Platform platform;
        QLocale::Language language;
        using Names = QList<const char*>; // UTF-8
        Names day;
        Names start;
        Names end;
        Names account;
        Names campaign;
        Names name;
        Names spend; // a name, or a prefix followed by " (EUR)" (Meta)
        Names currency;
        QList<std::pair<const char*, Names>> metrics;
    };

    const QList<Dictionary>& dictionaries()
    {
        using L = QLocale;
        static const QList<Dictionary> all {
            { Platform::Meta, L::English, { "day" }, { "reporting starts" }, { "reporting ends" }, { "account id" },
                { "campaign id" }, { "campaign name" }, { "amount spent" }, { "currency" },
                { { "impressions", { "impressions" } }, { "reach", { "reach" } }, { "results", { "results" } },
                    { "link_clicks", { "link clicks" } }, { "clicks", { "clicks (all)" } } } },
            { Platform::Meta, L::German, { "tag" }, { "berichtsbeginn" }, { "berichtsende" },
                { "konto-id", "werbekonto-id" }, { "kampagnen-id" }, { "kampagnenname", "name der kampagne" },
                { "ausgegebener betrag" }, { "währung" },
                { { "impressions", { "impressionen" } }, { "reach", { "reichweite" } }, { "results", { "ergebnisse" } },
                    { "link_clicks", { "link-klicks" } }, { "clicks", { "klicks (alle)" } } } },
            { Platform::GoogleAds, L::English, { "day" }, {}, {}, { "customer id" }, { "campaign id" }, { "campaign" },
                { "cost" }, { "currency code", "currency" },
                { { "impressions", { "impr.", "impressions" } }, { "clicks", { "clicks" } },
                    { "conversions", { "conversions" } } } },
            { Platform::GoogleAds, L::German, { "tag" }, {}, {}, { "kundennummer", "kunden-id" }, { "kampagnen-id" },
                { "kampagne" }, { "kosten" }, { "währungscode", "währung" },
                { { "impressions", { "impr.", "impressionen" } }, { "clicks", { "klicks" } },
                    { "conversions", { "conversions", "conversions (alle)" } } } },
            { Platform::Microsoft, L::English, { "gregorian date", "time period", "timeperiod", "date" }, {}, {},
                { "account id", "accountid", "account number" }, { "campaign id", "campaignid" },
                { "campaign name", "campaignname" }, { "spend" }, { "currency code", "currencycode" },
                { { "impressions", { "impressions" } }, { "clicks", { "clicks" } },
                    { "conversions", { "conversions" } } } },
            { Platform::Microsoft, L::German, { "gregorianisches datum", "zeitraum", "datum" }, {}, {},
                { "konto-id", "kontonummer" }, { "kampagnen-id" }, { "kampagnenname" }, { "ausgaben" },
                { "währungscode" },
                { { "impressions", { "impressionen" } }, { "clicks", { "klicks" } },
                    { "conversions", { "conversions" } } } },
            { Platform::Generic, L::C, { "date" }, { "period_start" }, { "period_end" }, { "account_id" },
                { "campaign_id" }, { "campaign_name" }, { "spend" }, { "currency" },
                { { "impressions", { "impressions" } }, { "clicks", { "clicks" } },
                    { "conversions", { "conversions" } }, { "results", { "results" } },
                    { "link_clicks", { "link_clicks" } }, { "reach", { "reach" } } } },
        };
        return all;
    }

    struct Layout {
        const Dictionary* words = nullptr;
        int day = -1, start = -1, end = -1, account = -1, campaign = -1, name = -1, spend = -1, currency = -1;
        QString headerCurrency; // "Amount spent (EUR)": the report's currency from its header
        QList<std::pair<int, int>> metrics; // Counts' index, column
    };

    QString folded(const QString& text)
    {
        return text.trimmed().toCaseFolded();
    }

    std::optional<Layout> recognise(const QStringList& header, std::optional<Platform> forced)
    {
        static const QRegularExpression suffix(QStringLiteral("^(.*?)\\s*\\(([a-z]{3})\\)$"));
        for (const Dictionary& words : dictionaries()) {
            if (forced && *forced != words.platform)
                continue;
            Layout layout;
            layout.words = &words;
            const auto find = [&](const Dictionary::Names& names) {
                for (const char* name : names) {
                    for (int i = 0; i < header.size(); ++i) {
                        if (folded(header.at(i)) == QString::fromUtf8(name))
                            return i;
                    }
                }
                return -1;
            };
            layout.day = find(words.day);
            layout.start = find(words.start);
            layout.end = find(words.end);
            layout.account = find(words.account);
            layout.campaign = find(words.campaign);
            layout.name = find(words.name);
            layout.currency = find(words.currency);
            layout.spend = find(words.spend);
            for (int i = 0; layout.spend < 0 && i < header.size(); ++i) { // "Amount spent (EUR)"
                const auto match = suffix.match(folded(header.at(i)));
                if (match.hasMatch() && words.spend.contains(match.captured(1).toUtf8())) {
                    layout.spend = i;
                    layout.headerCurrency = match.captured(2).toUpper();
                }
            }
            for (const auto& [key, names] : words.metrics) {
                if (const int at = find(names); at >= 0)
                    layout.metrics.append({ int(Counts::names().indexOf(QString::fromLatin1(key))), at });
            }
            const bool dated = layout.day >= 0 || (layout.start >= 0 && layout.end >= 0);
            if (layout.campaign >= 0 && layout.spend >= 0 && dated)
                return layout;
        }
        return std::nullopt;
    }

    bool isNone(const QString& text)
    {
        const QString t = text.trimmed();
        return t.isEmpty() || t == QStringLiteral("--") || t == QStringLiteral("-") || t == QStringLiteral("—");
    }

    // The lines before the header (a report's title and date range, Microsoft's "Report Name: …" block), found in the
    // report's first bytes: where the first line naming a campaign id column starts, and how many lines come before.
    std::pair<qsizetype, int> headerAt(const QByteArray& head)
    {
        static const QStringList marks { QStringLiteral("campaign id"), QStringLiteral("campaignid"),
            QStringLiteral("kampagnen-id"), QStringLiteral("campaign_id") };
        qsizetype at = 0;
        for (int skipped = 0; skipped < 30 && at < head.size(); ++skipped) {
            qsizetype end = head.indexOf('\n', at);
            if (end < 0)
                end = head.size();
            const QString line = QString::fromUtf8(head.mid(at, end - at)).toCaseFolded();
            for (const QString& mark : marks) {
                if (line.contains(mark))
                    return { skipped == 0 ? 0 : at, skipped };
            }
            at = end + 1;
        }
        return { 0, 0 };
    }
}

QString platformCode(Platform platform)
{
    switch (platform) {
    case Platform::GoogleAds:
        return QStringLiteral("google_ads");
    case Platform::Meta:
        return QStringLiteral("meta");
    case Platform::Microsoft:
        return QStringLiteral("microsoft");
    case Platform::Generic:
        return QStringLiteral("generic");
    }
    return {};
}

std::optional<Platform> platformFromName(const QString& name)
{
    for (const Platform p : { Platform::GoogleAds, Platform::Meta, Platform::Microsoft, Platform::Generic }) {
        if (QString(platformCode(p)).replace(u'_', u'-') == name)
            return p;
    }
    return std::nullopt;
}

const QStringList& Counts::names()
{
    static const QStringList all { QStringLiteral("impressions"), QStringLiteral("clicks"),
        QStringLiteral("conversions"), QStringLiteral("results"), QStringLiteral("link_clicks"),
        QStringLiteral("reach") };
    return all;
}

Counts& Counts::operator+=(const Counts& other)
{
    for (int i = 0; i < int(values.size()); ++i) {
        if (other.has(i))
            add(i, other.values[i]);
    }
    return *this;
}

QMap<QString, double> Counts::toMap() const
{
    QMap<QString, double> map;
    for (int i = 0; i < int(values.size()); ++i) {
        if (has(i))
            map.insert(names().at(i), values[i]);
    }
    return map;
}

Counts Counts::fromMap(const QMap<QString, double>& map)
{
    Counts counts;
    for (int i = 0; i < int(counts.values.size()); ++i) {
        if (map.contains(names().at(i)))
            counts.add(i, map.value(names().at(i)));
    }
    return counts;
}

std::optional<SpendReport> readSpendReport(QIODevice* device, std::optional<Platform> forced,
    QList<SpendProblem>* problems, const std::function<void(const SpendLine&)>& sink, bool workbook)
{
    // The preamble is found in the first bytes; the rest is read as it streams. Google Ads' "CSV for Excel" is UTF-16:
    // decoded whole (a report of a few thousand lines, not a table).
    QBuffer decoded;
    QIODevice* in = device;
    if (const QByteArray bom = device->peek(2); bom == "\xFF\xFE" || bom == "\xFE\xFF") {
        auto decode = QStringDecoder(bom == "\xFF\xFE" ? QStringDecoder::Utf16LE : QStringDecoder::Utf16BE);
        decoded.setData(QString(decode(device->readAll().mid(2))).toUtf8());
        decoded.open(QIODevice::ReadOnly);
        in = &decoded;
    }
    const auto [offset, skippedLines] = headerAt(in->peek(qint64(64) * 1024));
    if (offset > 0)
        in->skip(offset);
    exporting::CsvReader reader(in);
    const auto header = reader.next();
    if (!header) {
        problems->append({ 0, reader.error().isEmpty() ? Text::tr("the file is empty") : reader.error() });
        return std::nullopt;
    }
    QStringList names;
    for (const auto& f : header->fields)
        names << f.text;
    const auto layout = recognise(names, forced);
    if (!layout) {
        problems->append({ header->line + skippedLines,
            Text::tr("not an ad platform's report this app reads: it reads the campaign reports of Google Ads (Day, "
                     "Campaign ID, Cost), Meta Ads Manager (Campaign ID, Amount spent, Day or Reporting starts and "
                     "ends) and Microsoft Advertising (Gregorian date, Campaign ID, Spend), in English or German, "
                     "and the generic layout (date, account_id, campaign_id, spend, currency)") });
        return std::nullopt;
    }
    SpendReport report;
    report.platform = layout->words->platform;
    report.locale = QLocale(layout->words->language);
    // A workbook's number cells come as plain decimals whatever the report's language.
    const QLocale locale = workbook ? QLocale::c() : report.locale;
    const auto cell = [](const exporting::CsvRecord& record, int column) {
        return column >= 0 && column < record.fields.size() ? record.fields.at(column).text.trimmed() : QString();
    };
    static const QRegularExpression summary(QStringLiteral("^(total|gesamt|summe|©|\\(c\\))"));
    // Slashed dates are month first (Microsoft in English), day first when the report's first lines have a day over
    // 12 there; a later line that shows otherwise cannot be read (refused, never misread).
    static const QRegularExpression slashed(QStringLiteral("(?:^|[,;\\t\"])(\\d{1,2})/\\d{1,2}/\\d{4}"));
    bool dayFirst = false;
    for (auto it = slashed.globalMatch(QString::fromUtf8(in->peek(qint64(64) * 1024))); it.hasNext();) {
        if (it.next().captured(1).toInt() > 12)
            dayFirst = true;
    }
    while (const auto record = reader.next()) {
        const int line = record->line + skippedLines;
        if (record->fields.size() <= 1 || summary.match(folded(record->fields.constFirst().text)).hasMatch()) {
            if (record->fields.size() > 1 || !folded(record->fields.constFirst().text).isEmpty())
                ++report.skipped;
            continue;
        }
        SpendLine spend;
        spend.line = line;
        const QString start = cell(*record, layout->day >= 0 ? layout->day : layout->start);
        const QString end = cell(*record, layout->day >= 0 ? layout->day : layout->end);
        spend.start = domain::parseFileDate(start, dayFirst);
        spend.end = domain::parseFileDate(end, dayFirst);
        if (!spend.start.isValid() || !spend.end.isValid() || spend.end < spend.start) {
            problems->append(
                { line, Text::tr("the date '%1' cannot be read").arg((spend.start.isValid() ? end : start).left(40)) });
            continue;
        }
        spend.account = cell(*record, layout->account);
        spend.campaign = cell(*record, layout->campaign);
        spend.campaignName = cell(*record, layout->name);
        spend.currency = layout->currency >= 0 ? cell(*record, layout->currency).toUpper() : layout->headerCurrency;
        const QString amount = cell(*record, layout->spend);
        QString why;
        const auto money = isNone(amount) ? std::optional<domain::Money>(domain::Money())
                                          : domain::Money::parseLocalized(amount, locale, &why);
        if (!money || money->cents() < 0) {
            problems->append({ line,
                Text::tr("the amount spent '%1' cannot be read%2")
                    .arg(amount.left(40), why.isEmpty() ? QString() : QStringLiteral(": ") + why) });
            continue;
        }
        spend.spend = *money;
        bool ok = true;
        for (const auto& [index, column] : layout->metrics) {
            const QString text = cell(*record, column);
            if (isNone(text))
                continue;
            bool number = false;
            const double value = locale.toDouble(text, &number);
            if (!number) {
                problems->append(
                    { line, Text::tr("%1 '%2' cannot be read").arg(Counts::names().at(index), text.left(40)) });
                ok = false;
                break;
            }
            spend.metrics.add(index, value);
        }
        if (!ok)
            continue;
        ++report.lines;
        sink(spend);
    }
    if (!reader.error().isEmpty()) {
        problems->append({ 0, reader.error() });
        return std::nullopt;
    }
    return report;
}

} // namespace agency::spend
