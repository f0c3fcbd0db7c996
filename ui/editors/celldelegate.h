// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

class QAbstractItemView;

namespace agency::ui {

// The cells of a list or table inside a form (KPIs, features): Tab and Shift+Tab always leave the whole editor for
// the form's next or previous field, also from a cell being edited (whose text is kept), instead of going round its
// cells for ever; inside it, the arrows move and Enter, F2 or typing edits a cell.
class CellDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit CellDelegate(QAbstractItemView* view);

protected:
    bool eventFilter(QObject* object, QEvent* event) override;

private:
    QAbstractItemView* m_view;
};

} // namespace agency::ui
