// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/businesshours.h"

#include <QDialog>
#include <QList>

class QCheckBox;
class QComboBox;
class QTimeEdit;

namespace agency::ui {

// The agency's working hours, for response times counted in business hours: the days, from when to when, in which
// time zone. Remembered for the user (QSettings "sla/businessHours"); whether they count is a choice of its own
// ("sla/countBusinessHours"), made where response times are shown.
class BusinessHoursDialog : public QDialog {
    Q_OBJECT
public:
    explicit BusinessHoursDialog(QWidget* parent = nullptr);

    domain::BusinessHours hours() const; // as set in the dialog

    // The working hours remembered (Mon–Fri 09:00–17:00 in the computer's zone until set).
    static domain::BusinessHours rememberedHours();
    static void rememberHours(const domain::BusinessHours& hours);
    // What response times count now: the remembered working hours when they are chosen, else calendar hours.
    static domain::BusinessHours counted();
    static bool countsBusinessHours();
    static void setCountsBusinessHours(bool on);

private:
    QList<QCheckBox*> m_days;
    QTimeEdit* m_start;
    QTimeEdit* m_end;
    QComboBox* m_zone;
};

} // namespace agency::ui
