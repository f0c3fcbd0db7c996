// SPDX-License-Identifier: GPL-3.0-or-later
#include "moneyedit.h"

#include "domain/money.h"

namespace agency::ui {

DecimalEdit::DecimalEdit(Kind kind, int integerDigits, QWidget* parent)
    : QLineEdit(parent)
    , m_kind(kind)
    , m_integerDigits(integerDigits)
{
    setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    setClearButtonEnabled(true);
    setPlaceholderText(kind == Kind::Money ? tr("no amount") : tr("no percentage"));
    // Every keystroke reaches the model (a toolbar click takes no focus, so "finished" may never come);
    // the text is tidied into the locale's form when the field is left.
    connect(this, &QLineEdit::textEdited, this, &DecimalEdit::commitText);
    connect(this, &QLineEdit::editingFinished, this, [this]() {
        const QString decimal = m_decimal;
        m_decimal.clear(); // force the tidy-up below
        clearFocus();
        setDecimal(decimal);
    });
}

void DecimalEdit::setDecimal(const QString& decimal)
{
    // The mapper repopulates on every model change: while typing, the value it brings is the one just typed.
    if (hasFocus() && decimal == m_decimal)
        return;
    m_decimal = decimal;
    const QLocale locale;
    if (decimal.isEmpty()) {
        setText({});
    } else if (m_kind == Kind::Money) {
        const auto money = domain::Money::parse(decimal, nullptr, m_integerDigits);
        setText(money ? money->toDisplayString(locale) : decimal);
    } else {
        const auto percent = domain::Percent::parse(decimal);
        setText(percent ? percent->toDisplayString(locale) : decimal);
    }
}

void DecimalEdit::commitText()
{
    const QString typed = text().trimmed();
    QString decimal;
    if (!typed.isEmpty()) {
        const QLocale locale;
        if (m_kind == Kind::Money) {
            const auto money = domain::Money::parseLocalized(typed, locale, nullptr, m_integerDigits);
            decimal = money ? money->toDecimalString() : typed;
        } else {
            const auto percent = domain::Percent::parseLocalized(typed, locale);
            decimal = percent ? percent->toDecimalString() : typed;
        }
    }
    if (decimal == m_decimal)
        return;
    m_decimal = decimal;
    Q_EMIT decimalChanged(m_decimal);
}

} // namespace agency::ui
