// SPDX-License-Identifier: GPL-3.0-or-later
#include "listedit.h"

#include "celldelegate.h"
#include "domain/kpis.h"

#include <QHBoxLayout>
#include <QListWidget>
#include <QSignalBlocker>
#include <QToolButton>
#include <QVBoxLayout>

namespace agency::ui {

ListEdit::ListEdit(QWidget* parent)
    : QWidget(parent)
    , m_list(new QListWidget(this))
{
    m_list->setMinimumHeight(96);
    new CellDelegate(m_list);
    // The list shows when it has the keyboard, empty or with no item current too (a frame in the focus colour).
    m_list->setStyleSheet(QStringLiteral("QListWidget:focus { border: 2px solid palette(highlight); }"));
    auto* add = new QToolButton(this);
    add->setText(tr("Add"));
    auto* remove = new QToolButton(this);
    remove->setText(tr("Remove"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list);
    layout->addLayout(buttons);
    setFocusProxy(m_list);
    connect(add, &QToolButton::clicked, this, [this]() {
        auto* item = new QListWidgetItem(tr("New feature"), m_list);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
        m_list->editItem(item);
        Q_EMIT jsonChanged();
    });
    connect(remove, &QToolButton::clicked, this, [this]() {
        delete m_list->currentItem();
        Q_EMIT jsonChanged();
    });
    // A person's edit of an item (the list's own filling blocks its signals).
    connect(m_list, &QListWidget::itemChanged, this, &ListEdit::jsonChanged);
}

QString ListEdit::json() const
{
    QStringList features;
    for (int i = 0; i < m_list->count(); ++i) {
        if (const QString text = m_list->item(i)->text().trimmed(); !text.isEmpty())
            features << text;
    }
    return domain::featuresToJson(features);
}

void ListEdit::setJson(const QString& json)
{
    if (json == this->json()) // our own edit coming back from the model
        return;
    const QSignalBlocker filling(m_list);
    m_list->clear();
    for (const QString& feature : domain::parseFeatures(json, nullptr).value_or(QStringList())) {
        auto* item = new QListWidgetItem(feature, m_list);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
    }
}

} // namespace agency::ui
