// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QLocale>
#include <QString>

namespace agency::domain {

// The ticks of a chart's amount axis from 0 up to at least `highest`: steps of 1, 2, 2.5 or 5 times a power of ten,
// worked out in whole cents (never a double), labelled exactly in the unit that keeps them short — thousands from
// 10,000 up, millions from 10 million, billions from 10 billion — with the unit named in the axis title. So a chart
// of up to 299,999,999.97 ticks at 0, 50, 100 … 300 "millions", not at 219154 or 3e+08.
class MoneyScale {
    Q_DECLARE_TR_FUNCTIONS(MoneyScale)
public:
    enum class Unit { One, Thousand, Million, Billion };

    static MoneyScale forHighest(qint64 highestCents, int atMostSteps = 6);

    qint64 stepCents() const { return m_step; }
    int steps() const { return m_steps; } // ticks at 0, 1 × step … steps × step
    qint64 topCents() const { return m_step * m_steps; }
    Unit unit() const { return m_unit; }
    // Tick `tick`'s amount in the unit, exactly, as `locale` writes numbers ("2.5", "1,000", "0").
    QString label(int tick, const QLocale& locale = QLocale()) const;
    // "amount", "amount (thousands)", … for the axis title.
    QString title() const;

private:
    qint64 m_step = 100;
    int m_steps = 1;
    Unit m_unit = Unit::One;
};

} // namespace agency::domain
