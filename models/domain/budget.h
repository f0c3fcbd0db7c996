// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "money.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <optional>

namespace agency::domain {

// One channel's claim on its campaign's budget: a fixed amount, else a percentage of the allocation.
struct ChannelShare {
    QString id;
    std::optional<Money> amount;
    std::optional<Percent> percentage;
    bool active = true;
};

// The channel's effective amount: `amount` when set, else allocated × percentage / 100 rounded half away from zero
// to the cent; nullopt when neither can be worked out (no amount, and no percentage or no allocation).
std::optional<Money> effectiveAmount(const ChannelShare& channel, std::optional<Money> allocated);

struct BudgetSplit {
    std::optional<Money> allocated;
    QList<std::optional<Money>> effective; // per channel, in the order given (inactive ones too)
    Money activeTotal; // sum of the active channels' effective amounts
    std::optional<Money> unallocated; // allocated − activeTotal when not negative; nullopt without an allocation
    Money overAllocation; // activeTotal − allocated when positive, else 0
    bool isOverAllocated() const { return overAllocation > Money(); }
};

BudgetSplit splitBudget(std::optional<Money> allocated, const QList<ChannelShare>& channels);

} // namespace agency::domain
Q_DECLARE_METATYPE(agency::domain::ChannelShare)
