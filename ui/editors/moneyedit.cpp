// SPDX-License-Identifier: GPL-3.0-or-later
#include "moneyedit.h"

#include "domain/money.h"
#include "tables/columnvalues.h"

namespace agency::ui {

DecimalEdit::DecimalEdit(Kind kind, int integerDigits, QWidget* parent)
    : QLineEdit(parent)
    , m_kind(kind)
    , m_integerDigits(integerDigits)
    , m_value(QString())
{
    setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    setClearButtonEnabled(true);
    setPlaceholderText(kind == Kind::Money ? tr("no amount") : tr("no percentage"));
    // Every keystroke reaches the model (a toolbar click takes no focus, so "finished" may never come);
    // the text is tidied into the locale's form when the field is left.
    connect(this, &QLineEdit::textEdited, this, &DecimalEdit::commitText);
    connect(this, &QLineEdit::editingFinished, this, [this]() {
        const QVariant value = m_value;
        m_value = QVariant(); // force the tidy-up below
        clearFocus();
        setValue(value);
    });
}

void DecimalEdit::setValue(const QVariant& value)
{
    // The mapper repopulates on every model change: while typing, the value it brings is the one just typed.
    if (hasFocus() && value == m_value)
        return;
    m_value = value.isValid() && !value.isNull() ? value : QVariant(QString());
    if (const tables::RefusedInput* refused = tables::refusedInput(value)) {
        setText(refused->typed);
        return;
    }
    const QString decimal = m_value.toString();
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
    QVariant value = QString();
    if (!typed.isEmpty()) {
        const QLocale locale;
        QString why;
        std::optional<QString> decimal;
        if (m_kind == Kind::Money) {
            if (const auto money = domain::Money::parseLocalized(typed, locale, &why, m_integerDigits))
                decimal = money->toDecimalString();
        } else if (const auto percent = domain::Percent::parseLocalized(typed, locale, &why)) {
            decimal = percent->toDecimalString();
        }
        value = decimal ? QVariant(*decimal) : QVariant::fromValue(tables::RefusedInput { typed, why });
    }
    if (value == m_value)
        return;
    m_value = value;
    Q_EMIT valueChanged(m_value);
}

} // namespace agency::ui
