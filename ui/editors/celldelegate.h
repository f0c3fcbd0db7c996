// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

class QAbstractItemView;

namespace agency::ui {

// The cells of a list or table inside a form (KPIs, features): Tab and Shift+Tab leave the whole editor for the
// form's next or previous field, also from a cell being edited (whose text is kept), instead of going round its cells
// for ever (with setTabAlongTheRow, from a row's last or first cell only); inside it, the arrows move and Enter, F2
// or typing edits a cell.
class CellDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit CellDelegate(QAbstractItemView* view);
    // Tab from a cell being edited goes on to the next cell of its row, edited in turn (Shift+Tab back), and leaves
    // the view only from the row's last (first) cell: a metric's name, Tab, its value.
    void setTabAlongTheRow(bool along) { m_alongTheRow = along; }

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option, const QModelIndex& index) const override;

protected:
    bool eventFilter(QObject* object, QEvent* event) override;

private:
    QAbstractItemView* m_view;
    bool m_alongTheRow = false;
    mutable QPersistentModelIndex m_editing; // the cell whose editor is open (not always the view's current one)
};

} // namespace agency::ui
