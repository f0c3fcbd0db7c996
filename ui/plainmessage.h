// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMessageBox>
#include <QString>

class QWidget;

namespace agency::ui {

// Message boxes that show their words as written. Their texts carry what people typed (a client's name, a value, a
// path, a server's error), and a QMessageBox takes a text that "might be rich text" for HTML: "<b>Acme</b>" would
// read as a bold "Acme" and "<img src=…>" would load a picture.
void makePlain(QMessageBox& box); // its text and informative text, as plain text (call after setting them)

QMessageBox::StandardButton askPlain(QWidget* parent, const QString& title, const QString& text,
    QMessageBox::StandardButtons buttons = QMessageBox::Yes | QMessageBox::No);
void warnPlain(
    QWidget* parent, const QString& title, const QString& text, QMessageBox::Icon icon = QMessageBox::Warning);

} // namespace agency::ui
