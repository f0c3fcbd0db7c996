// SPDX-License-Identifier: GPL-3.0-or-later
#include "theme.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace agency::ui {

void applyTheme(const QString& theme)
{
    if (theme == QStringLiteral("system")) {
        QApplication::setPalette(QApplication::style()->standardPalette());
        return;
    }
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    if (theme == QStringLiteral("light")) {
        QApplication::setPalette(QApplication::style()->standardPalette());
        return;
    }
    QPalette dark;
    const QColor window(37, 39, 43);
    const QColor base(28, 30, 33);
    const QColor text(226, 228, 231);
    dark.setColor(QPalette::Window, window);
    dark.setColor(QPalette::WindowText, text);
    dark.setColor(QPalette::Base, base);
    dark.setColor(QPalette::AlternateBase, QColor(44, 47, 51));
    dark.setColor(QPalette::ToolTipBase, window);
    dark.setColor(QPalette::ToolTipText, text);
    dark.setColor(QPalette::Text, text);
    dark.setColor(QPalette::Button, window);
    dark.setColor(QPalette::ButtonText, text);
    dark.setColor(QPalette::Highlight, QColor(58, 110, 165));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    dark.setColor(QPalette::Link, QColor(120, 170, 230));
    dark.setColor(QPalette::PlaceholderText, QColor(140, 144, 150));
    dark.setColor(QPalette::Disabled, QPalette::Text, QColor(120, 123, 128));
    dark.setColor(QPalette::Disabled, QPalette::WindowText, QColor(120, 123, 128));
    dark.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(120, 123, 128));
    QApplication::setPalette(dark);
}

QIcon appIcon(const char* name)
{
    return QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(name)));
}

} // namespace agency::ui
