// SPDX-License-Identifier: GPL-3.0-or-later
#include "deletedrowdelegate.h"

#include "tables/agencytablemodel.h"

namespace agency::ui {

void DeletedRowDelegate::initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.data(tables::AgencyTableModel::IsDeletedRole).toBool()) {
        option->font.setStrikeOut(true);
        option->palette.setColor(QPalette::Text, option->palette.color(QPalette::Disabled, QPalette::Text));
    }
    if (index.data(tables::AgencyTableModel::IsEditedRole).toBool())
        option->font.setItalic(true);
    if (!index.data(tables::AgencyTableModel::WarningRole).toString().isEmpty()) {
        option->palette.setColor(QPalette::Text, QColor(198, 40, 40));
        option->palette.setColor(QPalette::HighlightedText, QColor(255, 205, 210));
        option->font.setBold(true);
    }
    if (!index.data(tables::AgencyTableModel::CautionRole).toString().isEmpty()) {
        option->palette.setColor(QPalette::Text, QColor(0xb2, 0x6a, 0x00));
        option->font.setBold(true);
    }
    if (!index.data(tables::AgencyTableModel::ProblemRole).toString().isEmpty())
        option->backgroundBrush = QColor(198, 40, 40, 60);
}

} // namespace agency::ui
