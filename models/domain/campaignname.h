// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <optional>

namespace agency::domain {

// A campaign's own name lives in its metadata as {"name": "…"} (the schema has no name column); the label people
// see is the Plane project's name, else this name, else "client · type · start". These read and write the name
// without anyone writing JSON.

// The name stored in `metadataJson` (exactly as stored), or empty when there is none or it is not a text.
QString campaignNameIn(const QString& metadataJson);
// The key of the metadata object that holds the name ("name").
QString campaignNameKey();
// `metadataJson` with its name set to `name` (removed when `name` is empty), every other key kept; empty (NULL) when
// nothing is left of metadata that was empty before. nullopt when `metadataJson` is not a JSON object (text typed
// into the Metadata field that is not valid yet): that is never overwritten.
std::optional<QString> withCampaignName(const QString& metadataJson, const QString& name);

} // namespace agency::domain
