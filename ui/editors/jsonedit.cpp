// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonedit.h"

#include <QFontDatabase>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalBlocker>

namespace agency::ui {

JsonEdit::JsonEdit(QWidget* parent)
    : QPlainTextEdit(parent)
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setTabChangesFocus(true);
    setPlaceholderText(QStringLiteral("{\"name\": \"…\"}"));
    setMaximumHeight(110);
    // A person's typing (setJson() blocks the signals while it fills the text in).
    connect(this, &QPlainTextEdit::textChanged, this, &JsonEdit::jsonChanged);
}

void JsonEdit::setHiddenKey(const QString& key)
{
    m_hiddenKey = key;
    setPlaceholderText(QStringLiteral("{\"owner\": \"…\"}"));
}

QString JsonEdit::json() const
{
    QString typed = toPlainText().trimmed();
    if (m_hiddenKey.isEmpty() || m_hidden.isUndefined())
        return typed;
    const QJsonDocument doc = QJsonDocument::fromJson(typed.toUtf8());
    if (!typed.isEmpty() && !doc.isObject())
        return typed; // not valid yet: as typed, for the model to say what is wrong
    QJsonObject object = doc.object();
    if (!object.contains(m_hiddenKey))
        object.insert(m_hiddenKey, m_hidden);
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

void JsonEdit::setJson(const QString& json)
{
    // What is being typed coming back from the model, or the same JSON written another way (the model keeps it as
    // stored): leave the text and the cursor alone.
    const QString shown = this->json();
    QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8());
    if (json == shown || (!doc.isNull() && doc == QJsonDocument::fromJson(shown.toUtf8())))
        return;
    const QSignalBlocker filling(this);
    m_hidden = QJsonValue(QJsonValue::Undefined);
    if (!m_hiddenKey.isEmpty() && doc.isObject() && doc.object().contains(m_hiddenKey)) {
        QJsonObject object = doc.object();
        m_hidden = object.take(m_hiddenKey);
        doc = QJsonDocument(object);
    }
    const bool empty = doc.isObject() && doc.object().isEmpty() && !m_hidden.isUndefined();
    setPlainText(doc.isNull() ? json
            : empty           ? QString() // only the hidden key: nothing to show
                              : QString::fromUtf8(doc.toJson(QJsonDocument::Indented)).trimmed());
}

} // namespace agency::ui
