// SPDX-License-Identifier: GPL-3.0-or-later
#include "optionaldateedit.h"

#include "domain/displaytext.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QSignalBlocker>

namespace agency::ui {

namespace {
    // A date typed as people write it, "2027-03-15": QDateEdit moves on by itself when a part is full, and then took
    // the "-" typed after it as a move to the part after (the day got the month). A separator typed right after such
    // a move is the same move, and is let go.
    class TypedDateEdit : public QDateEdit {
    public:
        using QDateEdit::QDateEdit;

    protected:
        void keyPressEvent(QKeyEvent* event) override
        {
            const QString text = event->text();
            const bool separator = text.size() == 1 && !text.front().isLetterOrNumber() && !text.front().isSpace();
            if (separator && m_movedOn) {
                m_movedOn = false;
                event->accept();
                return;
            }
            const int before = currentSectionIndex();
            QDateEdit::keyPressEvent(event);
            m_movedOn = text.size() == 1 && text.front().isDigit() && currentSectionIndex() != before;
        }
        void focusInEvent(QFocusEvent* event) override
        {
            m_movedOn = false;
            QDateEdit::focusInEvent(event);
        }

    private:
        bool m_movedOn = false;
    };
}

OptionalDateEdit::OptionalDateEdit(QWidget* parent)
    : QWidget(parent)
    , m_check(new QCheckBox(this))
    , m_edit(new TypedDateEdit(this))
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_check);
    layout->addWidget(m_edit, 1);
    m_check->setToolTip(tr("Has a date"));
    m_edit->setCalendarPopup(true);
    m_edit->setDisplayFormat(domain::dateFormat()); // the user's, with four digits of year (ISO in the C locale)
    m_edit->setEnabled(false);
    setFocusProxy(m_edit);
    // A person's ticking and typing (setDate() blocks both parts' signals while it fills them in).
    connect(m_check, &QCheckBox::toggled, this, [this](bool on) {
        m_edit->setEnabled(on);
        Q_EMIT dateChanged();
    });
    connect(m_edit, &QDateEdit::dateChanged, this, [this]() {
        if (m_check->isChecked())
            Q_EMIT dateChanged();
    });
}

QVariant OptionalDateEdit::date() const
{
    return m_check->isChecked() ? QVariant(m_edit->date()) : QVariant();
}

void OptionalDateEdit::setDate(const QVariant& date)
{
    const QSignalBlocker checking(m_check);
    const QSignalBlocker dating(m_edit);
    const QDate value = date.toDate();
    m_check->setChecked(value.isValid());
    m_edit->setEnabled(value.isValid());
    m_edit->setDate(value.isValid() ? value : QDate::currentDate());
}

} // namespace agency::ui
