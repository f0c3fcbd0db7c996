// SPDX-License-Identifier: GPL-3.0-or-later
#include "money.h"

#include <QCoreApplication>
#include <cstdlib>

namespace agency::domain {

namespace {
    // What this file says to people, in lupdate's and the runtime's one context "Money".
    struct Text {
        Q_DECLARE_TR_FUNCTIONS(Money)
    };

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
            return failWith<qint64>(error, Text::tr("enter a number, for example 1234.50"));
        const auto dot = text.indexOf(u'.');
        const QStringView whole = dot < 0 ? text : text.left(dot);
        const QStringView fraction = dot < 0 ? QStringView() : text.mid(dot + 1);
        if (whole.isEmpty() && fraction.isEmpty())
            return failWith<qint64>(error, Text::tr("enter a number, for example 1234.50"));
        for (const QStringView part : { whole, fraction }) {
            for (const QChar c : part) {
                if (c < u'0' || c > u'9')
                    return failWith<qint64>(
                        error, Text::tr("'%1' is not a number; use digits and one decimal point").arg(text.left(30)));
            }
        }
        if (fraction.size() > 2)
            return failWith<qint64>(error, Text::tr("at most two decimals (cents) are allowed"));
        QStringView digits = whole;
        while (digits.size() > 1 && digits.front() == u'0')
            digits = digits.mid(1);
        if (digits.size() > integerDigits)
            return failWith<qint64>(
                error, Text::tr("too large: at most %1 digits before the decimal point").arg(integerDigits));
        qint64 value = 0;
        for (const QChar c : digits)
            value = value * 10 + (c.unicode() - u'0');
        qint64 cents = 0;
        for (int i = 0; i < 2; ++i)
            cents = cents * 10 + (i < fraction.size() ? fraction[i].unicode() - u'0' : 0);
        value = value * 100 + cents;
        return negative ? -value : value;
    }

    bool isSpaceMark(QChar c)
    {
        return c == u' ' || c == QChar(0x00a0) || c == QChar(0x202f); // fr groups with a (narrow) no-break space
    }

    // What a person of `locale` typed → the plain form ("1.234,5" → "1234.5" in German), or nothing when it is not
    // written the way that locale writes numbers. Grouping marks must group by three and only in the whole part, so a
    // dot in German is a thousands mark or a mistake, never a decimal comma guessed at: "1.234" is 1234, "1234.5" and
    // "12.50" are refused, because a German reader cannot tell which was meant.
    std::optional<QString> delocalize(QStringView text, const QLocale& locale)
    {
        const QString decimalMark = locale.decimalPoint();
        const QString groupMark = locale.groupSeparator();
        if (decimalMark.size() != 1 || groupMark.size() != 1) // marks of several characters: the plain form only
            return text.trimmed().toString();
        const QChar decimal = decimalMark.front();
        const bool spaceGroups = isSpaceMark(groupMark.front());
        const auto isGroup = [&](QChar c) { return spaceGroups ? isSpaceMark(c) : c == groupMark.front(); };

        text = text.trimmed();
        QString sign;
        if (text.startsWith(locale.negativeSign()) || text.startsWith(u'-') || text.startsWith(u'+')) {
            sign = text.startsWith(u'+') ? QString() : QStringLiteral("-");
            text = text.mid(text.startsWith(locale.negativeSign()) ? locale.negativeSign().size() : 1).trimmed();
        }
        const auto decimalAt = text.indexOf(decimal);
        if (decimalAt >= 0 && text.indexOf(decimal, decimalAt + 1) >= 0)
            return std::nullopt;
        const QStringView whole = decimalAt < 0 ? text : text.left(decimalAt);
        const QStringView fraction = decimalAt < 0 ? QStringView() : text.mid(decimalAt + 1);
        for (const QChar c : fraction) {
            if (!c.isDigit() || c.unicode() > 0x7f)
                return std::nullopt;
        }
        QString digits;
        int groupLength = 0;
        bool grouped = false;
        for (const QChar c : whole) {
            if (isGroup(c)) {
                // The first group has one to three digits, every later one exactly three.
                if (groupLength == 0 || groupLength > 3 || (grouped && groupLength != 3))
                    return std::nullopt;
                grouped = true;
                groupLength = 0;
            } else if (c >= u'0' && c <= u'9') {
                digits += c;
                ++groupLength;
            } else {
                return std::nullopt;
            }
        }
        if (grouped && groupLength != 3)
            return std::nullopt;
        return sign + digits + (decimalAt < 0 ? QString() : QStringLiteral(".") + fraction.toString());
    }

    // Why `typed` is refused in `locale`, and how to write it there: what the plain reading would be ("1234.5" →
    // "1.234,50" in German), else an example, and which mark goes where.
    template <typename Value> QString howToWrite(QStringView typed, const QLocale& locale, const Value& example)
    {
        const auto mark = [](const QString& m) {
            return !m.isEmpty() && isSpaceMark(m.front()) ? Text::tr("a space") : QStringLiteral("'%1'").arg(m);
        };
        return Text::tr("'%1' is not how numbers are written in this language: write %2 (%3 before the decimals, %4 "
                        "between thousands, or nothing)")
            .arg(typed.trimmed().left(30).toString(), example.toDisplayString(locale), mark(locale.decimalPoint()),
                mark(locale.groupSeparator()));
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
    if (const auto plain = delocalize(text, locale))
        return parse(*plain, error, integerDigits);
    const auto meant = parse(text, nullptr, integerDigits);
    return failWith<Money>(error, howToWrite(text, locale, meant.value_or(Money::fromCents(123450))));
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

std::optional<qint64> Money::shareOf(Money whole) const
{
    if (whole.m_cents <= 0)
        return std::nullopt;
    return (m_cents * 10000 * 2 + whole.m_cents) / (whole.m_cents * 2);
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
        return failWith<Percent>(error, Text::tr("a percentage must be from 0 to 100"));
    return Percent(static_cast<int>(*value));
}

std::optional<Percent> Percent::parseLocalized(QStringView text, const QLocale& locale, QString* error)
{
    QString typed = text.trimmed().toString();
    if (typed.endsWith(u'%'))
        typed.chop(1);
    if (const auto plain = delocalize(typed, locale))
        return parse(*plain, error);
    const auto meant = parse(typed.trimmed(), nullptr);
    return failWith<Percent>(error, howToWrite(typed, locale, meant.value_or(Percent::fromHundredths(1250))));
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
