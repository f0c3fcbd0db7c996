// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLineEdit>

namespace agency::ui {

// Money or a percentage as exact decimal text ("1234.50"), typed in the user's locale ("1.234,50" in German).
// Never a double: the value is the canonical decimal text, or the raw text when it does not parse (so the model's
// validation can name the problem and nothing typed is lost).
class DecimalEdit : public QLineEdit {
    Q_OBJECT
    Q_PROPERTY(QString decimal READ decimal WRITE setDecimal NOTIFY decimalChanged USER true)
public:
    enum class Kind { Money, Percent };
    explicit DecimalEdit(Kind kind, int integerDigits = 10, QWidget* parent = nullptr);

    QString decimal() const { return m_decimal; }
    void setDecimal(const QString& decimal);

Q_SIGNALS:
    void decimalChanged(const QString& decimal);

private:
    void commitText();

    Kind m_kind;
    int m_integerDigits;
    QString m_decimal;
};

} // namespace agency::ui
