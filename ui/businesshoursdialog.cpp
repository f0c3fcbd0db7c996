// SPDX-License-Identifier: GPL-3.0-or-later
#include "businesshoursdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace agency::ui {

namespace {
    QString hoursKey()
    {
        return QStringLiteral("sla/businessHours");
    }
    QString countKey()
    {
        return QStringLiteral("sla/countBusinessHours");
    }
    constexpr unsigned mondayToFriday = 0x1FU;
}

BusinessHoursDialog::BusinessHoursDialog(QWidget* parent)
    : QDialog(parent)
    , m_start(new QTimeEdit(this))
    , m_end(new QTimeEdit(this))
    , m_zone(new QComboBox(this))
{
    setObjectName(QStringLiteral("businessHours"));
    setWindowTitle(tr("Business hours"));
    const domain::BusinessHours now = rememberedHours();
    auto* days = new QHBoxLayout;
    for (int day = 1; day <= 7; ++day) {
        auto* box = new QCheckBox(QLocale().dayName(day, QLocale::ShortFormat), this);
        box->setObjectName(QStringLiteral("day%1").arg(day));
        box->setChecked(now.days() & (1U << (day - 1)));
        days->addWidget(box);
        m_days << box;
    }
    m_start->setObjectName(QStringLiteral("opens"));
    m_end->setObjectName(QStringLiteral("closes"));
    m_start->setTime(now.start());
    m_end->setTime(now.end());
    m_zone->setObjectName(QStringLiteral("zone"));
    m_zone->setEditable(true);
    m_zone->setInsertPolicy(QComboBox::NoInsert);
    for (const QByteArray& id : QTimeZone::availableTimeZoneIds())
        m_zone->addItem(QString::fromUtf8(id));
    m_zone->completer()->setFilterMode(Qt::MatchContains);
    m_zone->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_zone->setCurrentText(QString::fromUtf8(now.zone().id()));

    auto* form = new QFormLayout;
    form->addRow(tr("Working days"), days);
    form->addRow(tr("&Opens at"), m_start);
    form->addRow(tr("&Closes at"), m_end);
    form->addRow(tr("Time &zone"), m_zone);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    const auto check = [this, buttons]() {
        const domain::BusinessHours set = hours();
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!set.isCalendar());
    };
    for (QCheckBox* box : std::as_const(m_days))
        connect(box, &QCheckBox::toggled, this, check);
    connect(m_start, &QTimeEdit::timeChanged, this, check);
    connect(m_end, &QTimeEdit::timeChanged, this, check);
    connect(m_zone, &QComboBox::currentTextChanged, this, check);
    check();
}

domain::BusinessHours BusinessHoursDialog::hours() const
{
    unsigned days = 0;
    for (int i = 0; i < m_days.size(); ++i) {
        if (m_days.at(i)->isChecked())
            days |= 1U << i;
    }
    const QTimeZone zone(m_zone->currentText().trimmed().toUtf8());
    if (days == 0 || m_end->time() <= m_start->time() || !zone.isValid())
        return {}; // nothing to count: not hours the dialog can keep
    return { days, m_start->time(), m_end->time(), zone };
}

domain::BusinessHours BusinessHoursDialog::rememberedHours()
{
    QString error;
    const auto remembered = domain::BusinessHours::parse(QSettings().value(hoursKey()).toString(), &error);
    if (remembered && !remembered->isCalendar())
        return *remembered;
    return { mondayToFriday, QTime(9, 0), QTime(17, 0), QTimeZone::systemTimeZone() };
}

void BusinessHoursDialog::rememberHours(const domain::BusinessHours& hours)
{
    QSettings().setValue(hoursKey(), hours.toString());
}

domain::BusinessHours BusinessHoursDialog::counted()
{
    return countsBusinessHours() ? rememberedHours() : domain::BusinessHours();
}

bool BusinessHoursDialog::countsBusinessHours()
{
    return QSettings().value(countKey(), false).toBool();
}

void BusinessHoursDialog::setCountsBusinessHours(bool on)
{
    QSettings().setValue(countKey(), on);
}

} // namespace agency::ui
