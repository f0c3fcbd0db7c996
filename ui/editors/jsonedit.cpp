// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonedit.h"

#include <QFontDatabase>
#include <QJsonDocument>

namespace agency::ui {

JsonEdit::JsonEdit(QWidget* parent)
    : QPlainTextEdit(parent)
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setTabChangesFocus(true);
    setPlaceholderText(QStringLiteral("{\"name\": \"…\"}"));
    setMaximumHeight(110);
    connect(this, &QPlainTextEdit::textChanged, this, [this]() {
        if (!m_loading)
            Q_EMIT jsonChanged();
    });
}

void JsonEdit::setJson(const QString& json)
{
    if (json == this->json()) // what is being typed coming back from the model: leave the cursor alone
        return;
    m_loading = true;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8());
    setPlainText(doc.isNull() ? json : QString::fromUtf8(doc.toJson(QJsonDocument::Indented)).trimmed());
    m_loading = false;
}

} // namespace agency::ui
