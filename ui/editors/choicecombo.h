// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QComboBox>
#include <functional>

namespace agency::ui {

// A combo box whose value is the item's data (a status, a type, or the id behind a name), empty for "none".
// Editable when the list is only a suggestion (campaign types).
class ChoiceCombo : public QComboBox {
    Q_OBJECT
    Q_PROPERTY(QString value READ value WRITE setValue NOTIFY valueChanged USER true)
public:
    explicit ChoiceCombo(QWidget* parent = nullptr);

    // (value, label) pairs; `allowNone` adds an empty first entry.
    void setChoices(const QList<QPair<QString, QString>>& choices, bool allowNone);
    QString value() const;
    void setValue(const QString& value);
    // How to name a value outside the list (a campaign older than the ones listed): shown by that name, not its id.
    void setLabelOf(std::function<QString(const QString&)> labelOf) { m_labelOf = std::move(labelOf); }

Q_SIGNALS:
    void valueChanged(const QString& value);

private:
    bool m_loading = false;
    std::function<QString(const QString&)> m_labelOf;
};

} // namespace agency::ui
