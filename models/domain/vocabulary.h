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

} // namespace agency::domain
