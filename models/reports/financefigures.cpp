// SPDX-License-Identifier: GPL-3.0-or-later
// The arithmetic of the finance figures, no database: thresholds, a group's totals, a campaign's pace, forecast and
// why it needs attention, a tier's retainer value (the types financereport.h declares; FinanceReport reads them).
#include "domain/displaytext.h"
#include "financereport.h"

#include <QCoreApplication>
#include <QLocale>

namespace agency::reports {

namespace {
    // What this file says to people, in lupdate's and the runtime's one context "FinanceReport".
    struct Text {
        Q_DECLARE_TR_FUNCTIONS(FinanceReport)
    };
}

std::optional<Thresholds> Thresholds::make(int warnAt, int limitAt, QString* error)
{
    auto say = [error](const QString& text) {
        if (error)
            *error = text;
        return std::nullopt;
    };
    const QString range = domain::Percent::fromHundredths(100).toDisplayString() + QStringLiteral("–")
        + QLocale().toString(highest / 100) + QStringLiteral(" %");
    if (warnAt < 100 || warnAt > highest)
        return say(Text::tr("the warning threshold must lie between %1").arg(range));
    if (limitAt < 100 || limitAt > highest)
        return say(Text::tr("the limit must lie between %1").arg(range));
    if (warnAt > limitAt)
        return say(Text::tr("the warning threshold (%1) must not lie above the limit (%2)")
                       .arg(domain::Percent::fromHundredths(warnAt).toDisplayString(),
                           domain::Percent::fromHundredths(limitAt).toDisplayString()));
    return Thresholds { warnAt, limitAt };
}

std::optional<Money> BudgetTotals::allocatedFigure() const
{
    return campaigns > 0 && withoutBudget == campaigns ? std::nullopt : std::optional(allocated);
}

std::optional<Money> BudgetTotals::spentFigure() const
{
    return campaigns > 0 && withoutSpent == campaigns ? std::nullopt : std::optional(spent);
}

std::optional<Money> BudgetTotals::remaining() const
{
    return campaigns > 0 && paired == 0 ? std::nullopt : std::optional(pairedAllocated - pairedSpent);
}

std::optional<qint64> BudgetTotals::burnShare() const
{
    return pairedSpent.shareOf(pairedAllocated);
}

BudgetTotals BudgetTotals::sum(const QList<BudgetTotals>& parts)
{
    BudgetTotals all;
    for (const BudgetTotals& part : parts) {
        all.allocated += part.allocated;
        all.spent += part.spent;
        all.overspend += part.overspend;
        all.campaigns += part.campaigns;
        all.overspentCampaigns += part.overspentCampaigns;
        all.withoutBudget += part.withoutBudget;
        all.withoutSpent += part.withoutSpent;
        all.pairedAllocated += part.pairedAllocated;
        all.pairedSpent += part.pairedSpent;
        all.paired += part.paired;
    }
    return all;
}

std::optional<int> CampaignLine::spentShare() const
{
    const auto share = allocated && spent ? spent->shareOf(*allocated) : std::nullopt;
    return share ? std::optional<int>(static_cast<int>(*share)) : std::nullopt;
}

std::optional<int> CampaignLine::elapsedShare(const QDate& asOf) const
{
    if (!start.isValid() || !end.isValid() || end <= start)
        return std::nullopt;
    const qint64 total = start.daysTo(end);
    const qint64 done = std::clamp<qint64>(start.daysTo(asOf), 0, total);
    return static_cast<int>((done * 10000 * 2 + total) / (total * 2)); // half up, as every share is (never cut)
}

bool CampaignLine::offPace(const QDate& asOf) const
{
    const auto spentPart = spentShare();
    const auto timePart = elapsedShare(asOf);
    if (status != QStringLiteral("active") || !spentPart || !timePart)
        return false;
    return *spentPart - *timePart > 1500 || *timePart - *spentPart > 2500;
}

std::optional<Money> CampaignLine::projectedSpend(const QDate& asOf) const
{
    if (status != QStringLiteral("active") || !spent || !start.isValid() || !end.isValid() || end <= start)
        return std::nullopt;
    const qint64 total = start.daysTo(end);
    const qint64 gone = start.daysTo(asOf);
    if (gone <= 0)
        return std::nullopt; // not begun: no pace yet
    if (gone >= total)
        return spent;
    // At most 12 digits of cents × a few thousand days: far inside 64 bits.
    return Money::fromCents((spent->cents() * total * 2 + gone) / (gone * 2));
}

std::optional<QDate> CampaignLine::runsOutOn(const QDate& asOf) const
{
    if (!projectedSpend(asOf) || !allocated || spent->cents() <= 0)
        return std::nullopt;
    const qint64 gone = std::min(start.daysTo(asOf), start.daysTo(end));
    // The budget lasts allocated ÷ (spent per day) days from the start: the first whole day it no longer covers.
    const qint64 days = (allocated->cents() * gone + spent->cents() - 1) / spent->cents();
    const QDate day = start.addDays(days);
    if (day >= end && *spent <= *allocated)
        return std::nullopt;
    return day;
}

Attention CampaignLine::attention(const QDate& asOf, const Thresholds& thresholds) const
{
    if (allocated && spent && spent->cents() * 10000 > allocated->cents() * thresholds.limitAt)
        return Attention::OverLimit;
    const bool live = status != QStringLiteral("completed") && status != QStringLiteral("cancelled");
    if (live && allocated && spent && allocated->cents() > 0
        && spent->cents() * 10000 >= allocated->cents() * thresholds.warnAt)
        return Attention::Warning;
    if (const auto projected = projectedSpend(asOf); projected && allocated && *projected > *allocated)
        return Attention::WillOverspend;
    if (offPace(asOf))
        return Attention::OffPace;
    return Attention::None;
}

qint64 CampaignLine::attentionWeight(const QDate& asOf, const Thresholds& thresholds) const
{
    switch (attention(asOf, thresholds)) {
    case Attention::OverLimit:
        return spent->cents() * 10000 - allocated->cents() * thresholds.limitAt;
    case Attention::Warning:
        return *spentShare();
    case Attention::WillOverspend:
        return projectedSpend(asOf)->cents() - allocated->cents();
    case Attention::OffPace:
        return std::abs(*spentShare() - *elapsedShare(asOf));
    case Attention::None:
        break;
    }
    return 0;
}

QString CampaignLine::attentionText(const QDate& asOf, const Thresholds& thresholds, bool forFile) const
{
    const QLocale locale = forFile ? QLocale::c() : QLocale();
    const auto share = [&locale](qint64 hundredths) {
        return domain::Percent::fromHundredths(static_cast<int>(std::min<qint64>(hundredths, 99999999)))
            .toDisplayString(locale);
    };
    const auto amount = [forFile](Money money) { return forFile ? money.toDecimalString() : money.toDisplayString(); };
    const auto date
        = [forFile](const QDate& day) { return forFile ? day.toString(Qt::ISODate) : domain::dateText(day); };
    switch (attention(asOf, thresholds)) {
    case Attention::OverLimit:
        if (*spent > *allocated)
            return Text::tr("OVERSPENT by %1").arg(amount(*spent - *allocated));
        return Text::tr("%1 of the budget spent: over the %2 limit")
            .arg(share(*spentShare()), share(thresholds.limitAt));
    case Attention::Warning:
        return Text::tr("%1 of the budget spent: warning at %2").arg(share(*spentShare()), share(thresholds.warnAt));
    case Attention::WillOverspend: {
        QString text = Text::tr("will spend %1 of %2 by %3 at this pace")
                           .arg(amount(*projectedSpend(asOf)), amount(*allocated), date(end));
        if (const auto out = runsOutOn(asOf))
            text += Text::tr("; runs out on %1").arg(date(*out));
        return text;
    }
    case Attention::OffPace:
        return Text::tr("spent %1 of the budget in %2 of its time")
            .arg(share(*spentShare()), share(*elapsedShare(asOf)));
    case Attention::None:
        break;
    }
    return {};
}

Money TierRetainer::value() const
{
    return Money::fromCents(monthlyRetainer ? monthlyRetainer->cents() * activeClients : 0);
}

} // namespace agency::reports
