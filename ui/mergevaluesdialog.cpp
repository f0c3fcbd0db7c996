// SPDX-License-Identifier: GPL-3.0-or-later
#include "mergevaluesdialog.h"

#include "domain/vocabulary.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace agency::ui {

MergeValuesDialog::MergeValuesDialog(const QStringList& inUse, const QStringList& known, QWidget* parent)
    : QDialog(parent)
    , m_from(new QComboBox(this))
    , m_into(new QComboBox(this))
{
    setObjectName(QStringLiteral("mergeValues"));
    setWindowTitle(tr("Merge channel types"));
    m_from->setObjectName(QStringLiteral("from"));
    m_into->setObjectName(QStringLiteral("into"));
    for (const QString& value : inUse)
        m_from->addItem(value, value); // as stored: the spellings told apart exactly
    QStringList offered = known;
    for (const QString& value : inUse) {
        if (!offered.contains(value))
            offered << value;
    }
    for (const QString& value : std::as_const(offered))
        m_into->addItem(value, value);
    m_into->setEditable(true); // or a new spelling, typed
    m_into->setInsertPolicy(QComboBox::NoInsert);
    auto* explain = new QLabel(tr("Every channel whose type is the first becomes the second, in one step; the "
                                  "other desktops see the change. Reports then count them as one type."),
        this);
    explain->setWordWrap(true);
    auto* form = new QFormLayout;
    form->addRow(tr("Replace"), m_from);
    form->addRow(tr("with"), m_into);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton* merge = buttons->addButton(tr("Merge"), QDialogButtonBox::AcceptRole);
    merge->setObjectName(QStringLiteral("merge"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    const auto check = [this, merge]() { merge->setEnabled(!into().isEmpty() && from() != into()); };
    connect(m_from, &QComboBox::currentIndexChanged, this, check);
    connect(m_into, &QComboBox::editTextChanged, this, check);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(explain);
    layout->addLayout(form);
    layout->addWidget(buttons);
    check();
}

QString MergeValuesDialog::from() const
{
    return m_from->currentData().toString();
}

QString MergeValuesDialog::into() const
{
    return m_into->currentText().trimmed();
}

} // namespace agency::ui
