// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLineEdit>
#include <QVariant>

namespace agency::ui {

// Money or a percentage as exact decimal text ("1234.50"), typed as the user's locale writes numbers ("1.234,50" in
// German). Never a double. The value is the canonical decimal text, an empty string for no value, or — when the text
// cannot be read in that locale ("1234.5" in German, where a dot groups thousands) — a tables::RefusedInput holding
// the text as typed and why, which the model keeps and Save refuses: nothing typed is lost or saved as something else.
class DecimalEdit : public QLineEdit {
    Q_OBJECT
    Q_PROPERTY(QVariant value READ value WRITE setValue NOTIFY valueChanged USER true)
public:
    enum class Kind { Money, Percent };
    explicit DecimalEdit(Kind kind, int integerDigits = 10, QWidget* parent = nullptr);

    QVariant value() const { return m_value; }
    void setValue(const QVariant& value);

Q_SIGNALS:
    void valueChanged(const QVariant& value);

private:
    void commitText();

    Kind m_kind;
    int m_integerDigits;
    QVariant m_value;
};

} // namespace agency::ui
