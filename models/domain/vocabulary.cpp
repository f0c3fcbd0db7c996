// SPDX-License-Identifier: GPL-3.0-or-later
#include "vocabulary.h"

#include <QCoreApplication>

namespace agency::domain {

QStringList campaignStatuses()
{
    return { QStringLiteral("draft"), QStringLiteral("active"), QStringLiteral("paused"), QStringLiteral("completed"),
        QStringLiteral("cancelled") };
}

QStringList clientTypes()
{
    return { QStringLiteral("retainer"), QStringLiteral("project"), QStringLiteral("hybrid") };
}

QStringList defaultCampaignTypes()
{
    return { QStringLiteral("seo"), QStringLiteral("ppc"), QStringLiteral("social"), QStringLiteral("email"),
        QStringLiteral("content"), QStringLiteral("display"), QStringLiteral("video"), QStringLiteral("other") };
}

namespace {
    struct Label {
        const char* code;
        const char* text;
    };
    // QT_TRANSLATE_NOOP: found by lupdate under "Vocabulary", translated when shown.
    constexpr Label labels[] = {
        { "draft", QT_TRANSLATE_NOOP("Vocabulary", "Draft") },
        { "active", QT_TRANSLATE_NOOP("Vocabulary", "Active") },
        { "paused", QT_TRANSLATE_NOOP("Vocabulary", "Paused") },
        { "completed", QT_TRANSLATE_NOOP("Vocabulary", "Completed") },
        { "cancelled", QT_TRANSLATE_NOOP("Vocabulary", "Cancelled") },
        { "retainer", QT_TRANSLATE_NOOP("Vocabulary", "Retainer") },
        { "project", QT_TRANSLATE_NOOP("Vocabulary", "Project") },
        { "hybrid", QT_TRANSLATE_NOOP("Vocabulary", "Hybrid") },
        { "seo", QT_TRANSLATE_NOOP("Vocabulary", "SEO") },
        { "ppc", QT_TRANSLATE_NOOP("Vocabulary", "Paid search (PPC)") },
        { "social", QT_TRANSLATE_NOOP("Vocabulary", "Social media") },
        { "email", QT_TRANSLATE_NOOP("Vocabulary", "Email") },
        { "content", QT_TRANSLATE_NOOP("Vocabulary", "Content") },
        { "display", QT_TRANSLATE_NOOP("Vocabulary", "Display ads") },
        { "video", QT_TRANSLATE_NOOP("Vocabulary", "Video") },
        { "other", QT_TRANSLATE_NOOP("Vocabulary", "Other") },
        { "google_ads", QT_TRANSLATE_NOOP("Vocabulary", "Google Ads") },
        { "meta_ads", QT_TRANSLATE_NOOP("Vocabulary", "Meta Ads") },
        { "linkedin_ads", QT_TRANSLATE_NOOP("Vocabulary", "LinkedIn Ads") },
        { "tiktok_ads", QT_TRANSLATE_NOOP("Vocabulary", "TikTok Ads") },
        { "microsoft_ads", QT_TRANSLATE_NOOP("Vocabulary", "Microsoft Advertising") },
        { "newsletter", QT_TRANSLATE_NOOP("Vocabulary", "Newsletter") },
        { "seo_content", QT_TRANSLATE_NOOP("Vocabulary", "SEO content") },
        { "youtube", QT_TRANSLATE_NOOP("Vocabulary", "YouTube") },
        { "display_network", QT_TRANSLATE_NOOP("Vocabulary", "Display network") },
        { "influencers", QT_TRANSLATE_NOOP("Vocabulary", "Influencers") },
        { "podcasts", QT_TRANSLATE_NOOP("Vocabulary", "Podcasts") },
    };
}

QString statusLabel(const QString& status)
{
    return valueLabel(status);
}

QString valueLabel(const QString& value)
{
    for (const Label& label : labels) {
        if (value == QLatin1String(label.code))
            return QCoreApplication::translate("Vocabulary", label.text);
    }
    return value;
}

QStringList knownChannelTypes()
{
    return { QStringLiteral("google_ads"), QStringLiteral("meta_ads"), QStringLiteral("linkedin_ads"),
        QStringLiteral("tiktok_ads"), QStringLiteral("microsoft_ads"), QStringLiteral("newsletter"),
        QStringLiteral("seo_content"), QStringLiteral("youtube"), QStringLiteral("display_network"),
        QStringLiteral("influencers"), QStringLiteral("podcasts"), QStringLiteral("display"), QStringLiteral("email"),
        QStringLiteral("social"), QStringLiteral("video"), QStringLiteral("other") };
}

QString nearDuplicate(const QString& typed, const QStringList& values)
{
    // Letters and digits only, case folded: what is left when spelling differs only in case, spaces and marks.
    const auto folded = [](const QString& text) {
        QString kept;
        for (const QChar c : text.toCaseFolded()) {
            if (c.isLetterOrNumber())
                kept += c;
        }
        return kept;
    };
    const QString mine = folded(typed);
    if (mine.isEmpty() || values.contains(typed))
        return {};
    for (const QString& value : values) {
        if (folded(value) == mine || folded(valueLabel(value)) == mine)
            return value;
    }
    return {};
}

} // namespace agency::domain
