// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QComboBox>
#include <functional>

class QCompleter;
class QStandardItemModel;
class QTimer;

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
    // Type-ahead beyond the list: the combo becomes editable, and what is typed is looked up with `search` (on the
    // server, off the GUI thread) after a short pause; `search` calls `show` with the (value, label) pairs found,
    // and the popup offers them; picking one sets the value. Typed text never becomes a value of its own: leaving
    // the field with text that names nothing shows the current value again.
    using Show = std::function<void(const QList<QPair<QString, QString>>& found)>;
    using Search = std::function<void(const QString& text, const Show& show)>;
    void setSearch(Search search);
    QCompleter* searchCompleter() const { return m_completer; }

Q_SIGNALS:
    void valueChanged(const QString& value);

protected:
    void focusOutEvent(QFocusEvent* event) override;

private:
    void runSearch();
    void showFound(const QString& text, const QList<QPair<QString, QString>>& found);
    void pick(const QString& value, const QString& label);

    std::function<QString(const QString&)> m_labelOf;
    Search m_search;
    QCompleter* m_completer = nullptr;
    QStandardItemModel* m_found = nullptr;
    QTimer* m_pause = nullptr;
};

} // namespace agency::ui
