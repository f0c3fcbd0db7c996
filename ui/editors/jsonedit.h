// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPlainTextEdit>

namespace agency::ui {

// Free JSON (metadata), validated by the model; what is typed is kept even when it is not valid yet.
class JsonEdit : public QPlainTextEdit {
    Q_OBJECT
    Q_PROPERTY(QString json READ json WRITE setJson NOTIFY jsonChanged USER true)
public:
    explicit JsonEdit(QWidget* parent = nullptr);

    QString json() const { return toPlainText().trimmed(); }
    void setJson(const QString& json);

Q_SIGNALS:
    void jsonChanged();

private:
    bool m_loading = false;
};

} // namespace agency::ui
