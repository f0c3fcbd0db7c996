// SPDX-License-Identifier: GPL-3.0-or-later
#include "money.h"

#include <QCoreApplication>
#include <cstdlib>

namespace agency::domain {

namespace {
    QString tr(const char* text)
    {
        return QCoreApplication::translate("Money", text);
    }

    template <typename T> std::optional<T> failWith(QString* error, const QString& message)
    {
        if (error)
            *error = message;
        return std::nullopt;
    }

    // Exact decimal text → integer hundredths. `integerDigits` bounds the part before the dot.
    std::optional<qint64> parseHundredths(QStringView text, int integerDigits, QString* error)
    {
        text = text.trimmed();
        bool negative = false;
        if (text.startsWith(u'-') || text.startsWith(u'+')) {
            negative = text.front() == u'-';
            text = text.mid(1);
        }
        if (text.isEmpty())
            return failWith<qint64>(error, tr("enter a number, for example 1234.50"));
        const auto dot = text.indexOf(u'.');
        const QStringView whole = dot < 0 ? text : text.left(dot);
        const QStringView fraction = dot < 0 ? QStringView() : text.mid(dot + 1);
        if (whole.isEmpty() && fraction.isEmpty())
            return failWith<qint64>(error, tr("enter a number, for example 1234.50"));
        for (const QStringView part : { whole, fraction }) {
            for (const QChar c : part) {
                if (c < u'0' || c > u'9')
                    return failWith<qint64>(
                        error, tr("'%1' is not a number; use digits and one decimal point").arg(text.left(30)));
            }
        }
        if (fraction.size() > 2)
            return failWith<qint64>(error, tr("at most two decimals (cents) are allowed"));
        QStringView digits = whole;
        while (digits.size() > 1 && digits.front() == u'0')
            digits = digits.mid(1);
        if (digits.size() > integerDigits)
            return failWith<qint64>(
                error, tr("too large: at most %1 digits before the decimal point").arg(integerDigits));
        qint64 value = 0;
        for (const QChar c : digits)
            value = value * 10 + (c.unicode() - u'0');
        qint64 cents = 0;
        for (int i = 0; i < 2; ++i)
            cents = cents * 10 + (i < fraction.size() ? fraction[i].unicode() - u'0' : 0);
        value = value * 100 + cents;
        return negative ? -value : value;
    }

    // A locale's grouping and decimal marks → the plain form. Grouping marks are only allowed in the whole part.
    QString delocalize(QStringView text, const QLocale& locale)
    {
        const QString decimal = locale.decimalPoint();
        const QString group = locale.groupSeparator();
        QString plain = text.trimmed().toString();
        if (plain.contains(decimal) || decimal == QStringLiteral(".")) {
            if (!group.isEmpty() && group != decimal)
                plain.remove(group);
            plain.replace(decimal, QStringLiteral("."));
        } else if (!group.isEmpty() && group != QStringLiteral(".")) {
            plain.remove(group);
        }
        plain.remove(QChar(0x00a0)); // no-break space grouping (fr)
        plain.remove(QChar(0x202f)); // narrow no-break space grouping (fr)
        plain.replace(locale.negativeSign(), QStringLiteral("-"));
        return plain;
    }

    QString hundredthsToText(qint64 value)
    {
        const qint64 magnitude = value < 0 ? -value : value;
        return QStringLiteral("%1%2.%3")
            .arg(value < 0 ? QStringLiteral("-") : QString())
            .arg(magnitude / 100)
            .arg(magnitude % 100, 2, 10, QLatin1Char('0'));
    }
}

std::optional<Money> Money::parse(QStringView text, QString* error, int integerDigits)
{
    const auto value = parseHundredths(text, integerDigits, error);
    if (!value)
        return std::nullopt;
    return Money(*value);
}

std::optional<Money> Money::parseLocalized(QStringView text, const QLocale& locale, QString* error, int integerDigits)
{
    if (const auto plain = parse(text, nullptr, integerDigits))
        return plain;
    return parse(delocalize(text, locale), error, integerDigits);
}

QString Money::toDecimalString() const
{
    return hundredthsToText(m_cents);
}

QString Money::toDisplayString(const QLocale& locale) const
{
    const qint64 magnitude = m_cents < 0 ? -m_cents : m_cents;
    QString whole = locale.toString(magnitude / 100);
    if (m_cents < 0)
        whole.prepend(locale.negativeSign());
    return whole + locale.decimalPoint() + QStringLiteral("%1").arg(magnitude % 100, 2, 10, QLatin1Char('0'));
}

Money Money::percentOf(const Percent& percent) const
{
    // cents × hundredths / 10,000, half away from zero. 999,999,999,999 × 10,000 fits easily in 64 bits.
    const qint64 product = m_cents * percent.hundredths();
    const qint64 magnitude = (std::llabs(product) + 5000) / 10000;
    return Money(product < 0 ? -magnitude : magnitude);
}

std::optional<Money> Money::checkedAdd(Money other) const
{
    qint64 sum = 0;
    if (__builtin_add_overflow(m_cents, other.m_cents, &sum))
        return std::nullopt;
    return Money(sum);
}

std::optional<Percent> Percent::parse(QStringView text, QString* error)
{
    const auto value = parseHundredths(text, 3, error);
    if (!value)
        return std::nullopt;
    if (*value < 0 || *value > 10000)
        return failWith<Percent>(error, tr("a percentage must be from 0 to 100"));
    return Percent(static_cast<int>(*value));
}

std::optional<Percent> Percent::parseLocalized(QStringView text, const QLocale& locale, QString* error)
{
    QString plain = text.trimmed().toString();
    plain.remove(u'%');
    plain = plain.trimmed();
    if (const auto value = parse(plain, nullptr))
        return value;
    return parse(delocalize(plain, locale), error);
}

QString Percent::toDecimalString() const
{
    return hundredthsToText(m_hundredths);
}

QString Percent::toDisplayString(const QLocale& locale) const
{
    // Always two decimals, as stored: shares side by side line up ("26.90 %" above "26.18 %", never "26.9 %").
    return locale.toString(m_hundredths / 100) + locale.decimalPoint()
        + QStringLiteral("%1").arg(m_hundredths % 100, 2, 10, QLatin1Char('0')) + QStringLiteral(" %");
}

} // namespace agency::domain
