// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reports/pacingreport.h"

#include <QTableWidget>

namespace agency::ui {

// The dashboard's channels by pace, the most off pace first (issue 31.2): each channel with its campaign, its pace
// against the straight-line plan (its light in words and colour: over in red, under in amber), spent against planned
// to date, and the day its budget runs out at the rate so far. Enter or a double-click opens the campaign.
class PacingPanel : public QTableWidget {
    Q_OBJECT
public:
    explicit PacingPanel(QWidget* parent = nullptr);

    // The lines with a pace; the first `limit` of them.
    void setPaces(const QList<reports::PaceLine>& paces, int limit = 200);
    // How many of those shown are off pace (under or over).
    int offPace() const { return m_offPace; }

Q_SIGNALS:
    void openCampaign(const QString& id);

private:
    int m_offPace = 0;
};

} // namespace agency::ui
