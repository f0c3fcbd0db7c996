// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <optional>

namespace agency::plane {

// The work in a campaign's Plane project, as Plane's own tables hold it (issues, states, estimate_points), read only:
// the issues that count — not deleted, archived, drafts, in triage or cancelled — and of those the ones in a state of
// the "completed" group; with point estimates, their points too. A Plane version without a column the count leaves
// issues out by is read without it and says so (`notes`); one without the issues or states table cannot be read
// (`unavailable` says why).
struct WorkProgress {
    bool available = false;
    QString unavailable; // why not, for people
    QStringList notes; // what this Plane version could not tell apart
    int counted = 0;
    int done = 0;
    bool estimated = false; // the project's issues carry point estimates
    qint64 pointsTotal = 0; // in hundredths (estimate points may be "0.5")
    qint64 pointsDone = 0;
    // The day (UTC) each done issue was completed, oldest first, where Plane recorded it (completed_at): the burn-up.
    QList<QDate> doneOn;
    // Done as a share of what counts, in hundredths of a percent, half up; nullopt with nothing counted.
    std::optional<int> doneShare() const;
    std::optional<int> pointsShare() const;
};

WorkProgress readWorkProgress(const QSqlDatabase& db, const QString& projectId);

// A campaign's work beside its money: its Plane project's progress, and the campaign's budget spent and dates
// elapsed (hundredths of a percent).
struct CampaignWork {
    QString projectId; // empty: the campaign is linked to no Plane project
    WorkProgress work;
    std::optional<int> spentShare;
    std::optional<int> elapsedShare;
    QDate start; // the campaign's dates, and the day its shares are measured at
    QDate end;
    QDate asOf;
    // Spend runs ahead of work: more than 10 points more of the budget spent than of the work done (by points where
    // the project estimates, else by issues).
    bool spendAhead() const;
};

CampaignWork readCampaignWork(const QSqlDatabase& db, const QString& campaignId, const QDate& asOf);

} // namespace agency::plane
