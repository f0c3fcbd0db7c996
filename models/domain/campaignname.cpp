// SPDX-License-Identifier: GPL-3.0-or-later
#include "campaignname.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace agency::domain {

QString campaignNameIn(const QString& metadataJson)
{
    const QJsonValue name = QJsonDocument::fromJson(metadataJson.toUtf8()).object().value(QStringLiteral("name"));
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
        metadata.remove(QStringLiteral("name"));
    else
        metadata.insert(QStringLiteral("name"), name);
    if (metadata.isEmpty() && metadataJson.trimmed().isEmpty())
        return QString();
    return QString::fromUtf8(QJsonDocument(metadata).toJson(QJsonDocument::Compact));
}

} // namespace agency::domain
