// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace agency::domain {

// The fixed vocabularies of the schema (mirrored by the CHECK constraints) and the editable campaign-type list.
QStringList campaignStatuses(); // draft, active, paused, completed, cancelled
QStringList clientTypes(); // retainer, project, hybrid
QStringList defaultCampaignTypes(); // seo, ppc, social, email, content, display, video, other
QString statusLabel(const QString& status); // translated, for people
// A stored code as people read it, in their language: a status, a client type, a campaign type or a channel type the
// app knows ("meta_ads" → "Meta Ads", "other" → "Sonstige"); any other value as stored. Files keep the codes.
QString valueLabel(const QString& value);
// The codes valueLabel() knows as channel types: the seed's and the demo's examples.
QStringList knownChannelTypes();
// Another spelling of one of `values` ("Google Ads", "google-ads" or "GoogleAds" for "google_ads"; a value's label
// counts too): the value it spells, or empty when `typed` is one of them exactly or like none of them.
QString nearDuplicate(const QString& typed, const QStringList& values);

} // namespace agency::domain
