// SPDX-License-Identifier: GPL-3.0-or-later
#include "choicecombo.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QStandardItemModel>
#include <QTimer>

namespace agency::ui {

ChoiceCombo::ChoiceCombo(QWidget* parent)
    : QComboBox(parent)
{
    // A person's choice (filling the list and setting the value block the signals meanwhile).
    connect(this, &QComboBox::currentIndexChanged, this, [this]() { Q_EMIT valueChanged(value()); });
    connect(this, &QComboBox::editTextChanged, this, [this]() {
        if (!m_search && isEditable() && lineEdit() && !lineEdit()->hasFocus())
            Q_EMIT valueChanged(value());
    });
}

void ChoiceCombo::setSearch(Search search)
{
    m_search = std::move(search);
    setEditable(true);
    setInsertPolicy(QComboBox::NoInsert);
    m_found = new QStandardItemModel(this);
    // Attached to the line edit, not the combo: QComboBox would match a picked result against its own items by text
    // and clear the value when the result is not among them.
    m_completer = new QCompleter(m_found, this);
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion); // the server has filtered already
    m_completer->setMaxVisibleItems(12);
    lineEdit()->setCompleter(m_completer);
    m_pause = new QTimer(this);
    m_pause->setSingleShot(true);
    m_pause->setInterval(150);
    connect(m_pause, &QTimer::timeout, this, &ChoiceCombo::runSearch);
    connect(lineEdit(), &QLineEdit::textEdited, m_pause, qOverload<>(&QTimer::start));
    connect(m_completer, qOverload<const QModelIndex&>(&QCompleter::activated), this,
        [this](const QModelIndex& index) { pick(index.data(Qt::UserRole).toString(), index.data().toString()); });
}

void ChoiceCombo::runSearch()
{
    const QString text = lineEdit()->text().trimmed();
    if (text.isEmpty() || (currentIndex() >= 0 && text == itemText(currentIndex())))
        return;
    m_search(text, [this, text](const QList<QPair<QString, QString>>& found) { showFound(text, found); });
}

void ChoiceCombo::showFound(const QString& text, const QList<QPair<QString, QString>>& found)
{
    if (!lineEdit()->hasFocus() || lineEdit()->text().trimmed() != text)
        return; // typed on, or gone elsewhere, meanwhile
    m_found->clear();
    for (const auto& [value, label] : found) {
        auto* item = new QStandardItem(label);
        item->setData(value, Qt::UserRole);
        m_found->appendRow(item);
    }
    if (m_found->rowCount() == 0) {
        auto* none = new QStandardItem(tr("Nothing matches \"%1\"").arg(text));
        none->setFlags(Qt::NoItemFlags);
        m_found->appendRow(none);
    }
    m_completer->setCompletionPrefix(QString());
    m_completer->complete();
}

void ChoiceCombo::pick(const QString& value, const QString& label)
{
    if (value.isEmpty())
        return;
    int index = findData(value);
    if (index < 0) {
        const QSignalBlocker adding(this);
        addItem(label, value);
        index = count() - 1;
    }
    setCurrentIndex(index); // tells valueChanged
    setEditText(itemText(index));
}

void ChoiceCombo::focusOutEvent(QFocusEvent* event)
{
    if (m_search && lineEdit() && currentIndex() >= 0 && lineEdit()->text() != itemText(currentIndex())
        && !(m_completer && m_completer->popup()->isVisible())) {
        const QSignalBlocker restoring(this);
        setEditText(itemText(currentIndex())); // typed text that names nothing is not a value
    }
    QComboBox::focusOutEvent(event);
}

void ChoiceCombo::setChoices(const QList<QPair<QString, QString>>& choices, bool allowNone)
{
    const QSignalBlocker filling(this);
    const QString keep = value();
    clear();
    if (allowNone)
        addItem(tr("(none)"), QString());
    for (const auto& [value, label] : choices)
        addItem(label, value);
    setValue(keep);
}

QString ChoiceCombo::value() const
{
    if (isEditable() && !m_search) {
        const int index = findText(currentText());
        return index >= 0 ? itemData(index).toString() : currentText().trimmed();
    }
    return currentData().toString();
}

void ChoiceCombo::setValue(const QString& value)
{
    const QSignalBlocker setting(this);
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
}

} // namespace agency::ui
