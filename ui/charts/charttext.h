// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QTextDocument>

namespace agency::ui {

// Qt Charts draws its titles, axis categories, slice and legend labels as HTML, and a tooltip is HTML when it looks
// like it: a client named "<b>Acme</b>" would lose its tags and turn bold. What people typed goes into them as text.
inline QString chartText(const QString& typed)
{
    return typed.toHtmlEscaped();
}

inline QString tipText(const QString& typed)
{
    return Qt::mightBeRichText(typed) ? Qt::convertFromPlainText(typed, Qt::WhiteSpaceNormal) : typed;
}

} // namespace agency::ui
