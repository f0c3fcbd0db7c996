// SPDX-License-Identifier: GPL-3.0-or-later
#include "campaignname.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace agency::domain {

QString campaignNameKey()
{
    return QStringLiteral("name");
}

QString campaignNameIn(const QString& metadataJson)
{
    const QJsonValue name = QJsonDocument::fromJson(metadataJson.toUtf8()).object().value(campaignNameKey());
    return name.isString() ? name.toString() : QString();
}

std::optional<QString> withCampaignName(const QString& metadataJson, const QString& name)
{
    QJsonObject metadata;
    if (!metadataJson.trimmed().isEmpty()) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(metadataJson.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError || !document.isObject())
            return std::nullopt;
        metadata = document.object();
    }
    if (name.isEmpty())
        metadata.remove(campaignNameKey());
    else
        metadata.insert(campaignNameKey(), name);
    if (metadata.isEmpty() && metadataJson.trimmed().isEmpty())
        return QString();
    return QString::fromUtf8(QJsonDocument(metadata).toJson(QJsonDocument::Compact));
}

} // namespace agency::domain
