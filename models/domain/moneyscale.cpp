// SPDX-License-Identifier: GPL-3.0-or-later
#include "moneyscale.h"

#include <array>

namespace agency::domain {

namespace {
    qint64 unitCents(MoneyScale::Unit unit)
    {
        switch (unit) {
        case MoneyScale::Unit::Thousand:
            return 100'000;
        case MoneyScale::Unit::Million:
            return 100'000'000;
        case MoneyScale::Unit::Billion:
            return 100'000'000'000;
        case MoneyScale::Unit::One:
            break;
        }
        return 100;
    }
}

MoneyScale MoneyScale::forHighest(qint64 highestCents, int atMostSteps)
{
    MoneyScale scale;
    atMostSteps = std::max(1, atMostSteps);
    const qint64 highest = std::max<qint64>(highestCents, 1);
    const qint64 wanted = (highest + atMostSteps - 1) / atMostSteps; // the smallest step that fits in atMostSteps
    // 1, 2, 2.5, 5 × 10^k cents (2.5 from 10 cents up, so that every step is whole cents), the first ≥ wanted.
    qint64 power = 1;
    for (;;) {
        const std::array<qint64, 4> candidates { power, 2 * power, power >= 10 ? power * 5 / 2 : 2 * power, 5 * power };
        for (const qint64 step : candidates) {
            if (step >= wanted) {
                scale.m_step = step;
                scale.m_steps = static_cast<int>((highest + step - 1) / step);
                const qint64 top = scale.topCents();
                for (const Unit unit : { Unit::Billion, Unit::Million, Unit::Thousand }) {
                    if (top >= 10 * unitCents(unit)) {
                        scale.m_unit = unit;
                        break;
                    }
                }
                return scale;
            }
        }
        power *= 10;
    }
}

QString MoneyScale::label(int tick, const QLocale& locale) const
{
    const qint64 value = m_step * tick;
    const qint64 unit = unitCents(m_unit);
    QString text = locale.toString(value / unit);
    qint64 rest = value % unit;
    if (rest == 0)
        return text;
    QString decimals;
    for (qint64 place = unit / 10; place > 0; place /= 10) {
        decimals += QChar(u'0' + static_cast<char16_t>(rest / place));
        rest %= place;
    }
    while (decimals.endsWith(u'0'))
        decimals.chop(1);
    return text + locale.decimalPoint() + decimals;
}

QString MoneyScale::title() const
{
    switch (m_unit) {
    case Unit::Thousand:
        return tr("amount (thousands)");
    case Unit::Million:
        return tr("amount (millions)");
    case Unit::Billion:
        return tr("amount (billions)");
    case Unit::One:
        break;
    }
    return tr("amount");
}

} // namespace agency::domain
