// SPDX-License-Identifier: GPL-3.0-or-later
#include "choicecombo.h"

#include <QLineEdit>

namespace agency::ui {

ChoiceCombo::ChoiceCombo(QWidget* parent)
    : QComboBox(parent)
{
    connect(this, &QComboBox::currentIndexChanged, this, [this]() {
        if (!m_loading)
            Q_EMIT valueChanged(value());
    });
    connect(this, &QComboBox::editTextChanged, this, [this]() {
        if (!m_loading && isEditable() && lineEdit() && !lineEdit()->hasFocus())
            Q_EMIT valueChanged(value());
    });
}

void ChoiceCombo::setChoices(const QList<QPair<QString, QString>>& choices, bool allowNone)
{
    m_loading = true;
    const QString keep = value();
    clear();
    if (allowNone)
        addItem(tr("(none)"), QString());
    for (const auto& [value, label] : choices)
        addItem(label, value);
    setValue(keep);
    m_loading = false;
}

QString ChoiceCombo::value() const
{
    if (isEditable()) {
        const int index = findText(currentText());
        return index >= 0 ? itemData(index).toString() : currentText().trimmed();
    }
    return currentData().toString();
}

void ChoiceCombo::setValue(const QString& value)
{
    m_loading = true;
    int index = findData(value);
    if (index < 0 && !value.isEmpty()) {
        // A value outside the list (an old type, a deleted tier, a campaign older than those listed) stays visible,
        // by its name where there is one.
        const QString label = m_labelOf ? m_labelOf(value) : QString();
        addItem(label.isEmpty() ? value : label, value);
        index = count() - 1;
    }
    setCurrentIndex(index);
    if (isEditable() && index < 0)
        setEditText(value);
    m_loading = false;
}

} // namespace agency::ui
