// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>
#include <QString>
#include <QStringView>
#include <compare>
#include <optional>

namespace agency::domain {

class Percent;

// An exact amount of money in integer cents. Never a double: parsed from the exact NUMERIC text the database
// gives (QSql::HighPrecision) and written back as "1234.50".
class Money {
public:
    // NUMERIC(12,2), the widest money column: 9,999,999,999.99.
    static constexpr int maxIntegerDigits = 10;
    static constexpr qint64 maxCents = 999'999'999'999;

    constexpr Money() = default;
    static constexpr Money fromCents(qint64 cents) { return Money(cents); }

    // "1234.5", "1234.50", "-3", "0.01": a dot, at most two decimals, at most `integerDigits` digits before it.
    static std::optional<Money> parse(QStringView text, QString* error = nullptr, int integerDigits = maxIntegerDigits);
    // What a person types in their locale: "1.234,50", "1234,5" and "1.234" in German, "1 234,50" in French. A mark the
    // locale does not write numbers with, or grouping not by threes, is refused with how to write it there: in German
    // "1234.5" and "12.50" are refused (a dot groups thousands there), never taken as a decimal point.
    static std::optional<Money> parseLocalized(
        QStringView text, const QLocale& locale, QString* error = nullptr, int integerDigits = maxIntegerDigits);

    constexpr qint64 cents() const { return m_cents; }
    QString toDecimalString() const; // "1234.50", "-0.05": files and SQL
    QString toDisplayString(const QLocale& locale = QLocale()) const; // "1,234.50" / "1.234,50"

    // `percent` of this amount, rounded half away from zero to the cent.
    Money percentOf(const Percent& percent) const;
    // This amount as a share of `whole`, in hundredths of a percent rounded half up: the one definition of a share
    // on every surface (a split's table and pie, spent of a budget, a type's part of all spend). nullopt when
    // `whole` is not above 0.
    std::optional<qint64> shareOf(Money whole) const;
    std::optional<Money> checkedAdd(Money other) const;

    constexpr Money operator+(Money other) const { return Money(m_cents + other.m_cents); }
    constexpr Money operator-(Money other) const { return Money(m_cents - other.m_cents); }
    constexpr Money& operator+=(Money other)
    {
        m_cents += other.m_cents;
        return *this;
    }
    constexpr auto operator<=>(
        const Money&) const = default; // NOLINT(modernize-use-nullptr): clang-tidy 14 misreads it

private:
    constexpr explicit Money(qint64 cents)
        : m_cents(cents)
    {
    }
    qint64 m_cents = 0;
};

// A percentage in integer hundredths of a percent: 12.5 % is 1250. DECIMAL(5,2) in the database, 0–100.
class Percent {
public:
    constexpr Percent() = default;
    static constexpr Percent fromHundredths(int hundredths) { return Percent(hundredths); }
    static std::optional<Percent> parse(QStringView text, QString* error = nullptr);
    // As Money::parseLocalized, with or without a trailing "%".
    static std::optional<Percent> parseLocalized(QStringView text, const QLocale& locale, QString* error = nullptr);

    constexpr int hundredths() const { return m_hundredths; }
    QString toDecimalString() const; // "12.50"
    QString toDisplayString(const QLocale& locale = QLocale()) const; // "12.50 %"
    constexpr auto operator<=>(const Percent&) const = default;

private:
    constexpr explicit Percent(int hundredths)
        : m_hundredths(hundredths)
    {
    }
    int m_hundredths = 0;
};

} // namespace agency::domain
