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

QString statusLabel(const QString& status)
{
    if (status == QStringLiteral("draft"))
        return QCoreApplication::translate("Vocabulary", "Draft");
    if (status == QStringLiteral("active"))
        return QCoreApplication::translate("Vocabulary", "Active");
    if (status == QStringLiteral("paused"))
        return QCoreApplication::translate("Vocabulary", "Paused");
    if (status == QStringLiteral("completed"))
        return QCoreApplication::translate("Vocabulary", "Completed");
    if (status == QStringLiteral("cancelled"))
        return QCoreApplication::translate("Vocabulary", "Cancelled");
    return status;
}

} // namespace agency::domain
