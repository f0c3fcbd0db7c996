// SPDX-License-Identifier: GPL-3.0-or-later
#include "plainmessage.h"

#include <QLabel>

namespace agency::ui {

void makePlain(QMessageBox& box)
{
    box.setTextFormat(Qt::PlainText);
    // The informative text has a label of its own, which QMessageBox leaves to guess the format.
    if (auto* informative = box.findChild<QLabel*>(QStringLiteral("qt_msgbox_informativelabel")))
        informative->setTextFormat(Qt::PlainText);
}

QMessageBox::StandardButton askPlain(
    QWidget* parent, const QString& title, const QString& text, QMessageBox::StandardButtons buttons)
{
    QMessageBox box(QMessageBox::Question, title, text, buttons, parent);
    makePlain(box);
    return static_cast<QMessageBox::StandardButton>(box.exec());
}

void warnPlain(QWidget* parent, const QString& title, const QString& text, QMessageBox::Icon icon)
{
    QMessageBox box(icon, title, text, QMessageBox::Ok, parent);
    makePlain(box);
    box.exec();
}

} // namespace agency::ui
