// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QString>
#include <functional>
#include <optional>

namespace agency::demo {

struct DemoSize {
    int clients = 24;
    int campaignsPerClient = 4;
    int channelsPerCampaign = 3;
    quint64 seed = 42;
};

struct DemoCounts {
    qint64 tiers = 0;
    qint64 clients = 0;
    qint64 campaigns = 0;
    qint64 channels = 0;
};

// A believable agency, the same for the same seed: SLA tiers; clients of every type; campaigns in every status with
// target and actual KPIs, one of them overspent; channels mixing percentages and fixed amounts that never take more
// than their campaign's budget; and a few soft-deleted rows (a client with its whole cascade, some channels).
// Everything in one transaction, written in multi-row batches.
class DemoDataWriter {
public:
    explicit DemoDataWriter(QSqlDatabase db);

    // Called now and then with channels written so far and the total.
    void setProgressHandler(std::function<void(qint64 done, qint64 total)> handler) { m_progress = std::move(handler); }
    bool write(const DemoSize& size, DemoCounts* counts);
    // True when there are no clients at all (what "first start" means); nullopt and lastError() on failure.
    std::optional<bool> isEmpty();
    QString lastError() const { return m_error; }

private:
    QSqlDatabase m_db;
    std::function<void(qint64, qint64)> m_progress;
    QString m_error;
};

} // namespace agency::demo
