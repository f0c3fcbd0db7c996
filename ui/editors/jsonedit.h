// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonValue>
#include <QPlainTextEdit>

namespace agency::ui {

// Free JSON (metadata), validated by the model; what is typed is kept even when it is not valid yet.
class JsonEdit : public QPlainTextEdit {
    Q_OBJECT
    Q_PROPERTY(QString json READ json WRITE setJson NOTIFY jsonChanged USER true)
public:
    explicit JsonEdit(QWidget* parent = nullptr);

    QString json() const;
    void setJson(const QString& json);
    // A key shown elsewhere in the form (a campaign's name, which has a field of its own): not shown here, and kept
    // as it came from the model whatever is typed here (unless typed here too).
    void setHiddenKey(const QString& key);

Q_SIGNALS:
    void jsonChanged();

private:
    QString m_hiddenKey;
    QJsonValue m_hidden { QJsonValue::Undefined }; // its value as the model last gave it; undefined: none
};

} // namespace agency::ui
