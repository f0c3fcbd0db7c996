// SPDX-License-Identifier: GPL-3.0-or-later
#include "celldelegate.h"

#include <QAbstractItemView>
#include <QCoreApplication>
#include <QKeyEvent>

namespace agency::ui {

CellDelegate::CellDelegate(QAbstractItemView* view)
    : QStyledItemDelegate(view)
    , m_view(view)
{
    view->setItemDelegate(this);
    view->setTabKeyNavigation(false); // Tab out of the view, not from cell to cell
    view->setEditTriggers(
        QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed | QAbstractItemView::AnyKeyPressed);
    // Enter on a cell edits it (the view itself only reports it as activated).
    connect(view, &QAbstractItemView::activated, view, [view](const QModelIndex& index) { view->edit(index); });
}

QWidget* CellDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    m_editing = index;
    return QStyledItemDelegate::createEditor(parent, option, index);
}

bool CellDelegate::eventFilter(QObject* object, QEvent* event)
{
    auto* editor = qobject_cast<QWidget*>(object);
    if (editor && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Tab || key->key() == Qt::Key_Backtab) {
            const QModelIndex at = m_editing;
            const int step = key->key() == Qt::Key_Tab ? 1 : -1;
            const QModelIndex next = at.siblingAtColumn(at.column() + step);
            Q_EMIT commitData(editor);
            Q_EMIT closeEditor(editor, NoHint);
            if (m_alongTheRow && at.isValid() && next.isValid()) {
                m_view->setCurrentIndex(next);
                m_view->edit(next);
                return true;
            }
            // The same key again, now to the view: it hands the focus on to the form's next (previous) field.
            QKeyEvent again(QEvent::KeyPress, key->key(), key->modifiers(), key->text());
            QCoreApplication::sendEvent(m_view, &again);
            return true;
        }
    }
    return QStyledItemDelegate::eventFilter(object, event);
}

} // namespace agency::ui
