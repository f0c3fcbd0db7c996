// SPDX-License-Identifier: GPL-3.0-or-later
#include "budget.h"

namespace agency::domain {

std::optional<Money> effectiveAmount(const ChannelShare& channel, std::optional<Money> allocated)
{
    if (channel.amount)
        return channel.amount;
    if (channel.percentage && allocated)
        return allocated->percentOf(*channel.percentage);
    return std::nullopt;
}

BudgetSplit splitBudget(std::optional<Money> allocated, const QList<ChannelShare>& channels)
{
    BudgetSplit split;
    split.allocated = allocated;
    for (const ChannelShare& channel : channels) {
        const auto amount = effectiveAmount(channel, allocated);
        split.effective << amount;
        if (channel.active && amount)
            split.activeTotal += *amount;
    }
    if (allocated) {
        if (split.activeTotal > *allocated)
            split.overAllocation = split.activeTotal - *allocated;
        else
            split.unallocated = *allocated - split.activeTotal;
    }
    return split;
}

} // namespace agency::domain
