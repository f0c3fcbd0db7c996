// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QComboBox;

namespace agency::ui {

// Edit → Merge channel types…: two spellings of one type ("Google Ads", "google_ads") made one, for an
// administrator: every live channel of the first takes the second, in one transaction (tables::mergeValues).
class MergeValuesDialog : public QDialog {
    Q_OBJECT
public:
    // `inUse`: the values live rows hold; `known`: those offered besides (the known codes).
    MergeValuesDialog(const QStringList& inUse, const QStringList& known, QWidget* parent = nullptr);
    QString from() const;
    QString into() const;
    QComboBox* fromBox() const { return m_from; }
    QComboBox* intoBox() const { return m_into; }

private:
    QComboBox* m_from;
    QComboBox* m_into;
};

} // namespace agency::ui
