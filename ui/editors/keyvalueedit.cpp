// SPDX-License-Identifier: GPL-3.0-or-later
#include "keyvalueedit.h"

#include "celldelegate.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace agency::ui {

KeyValueEdit::KeyValueEdit(QWidget* parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, 2, this))
{
    m_table->setHorizontalHeaderLabels({ tr("Metric"), tr("Value") });
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    // Four metrics without scrolling; the value column as wide as the metric column.
    m_table->setMinimumHeight(m_table->horizontalHeader()->sizeHint().height() + 4 * 26 + 4);
    m_table->verticalHeader()->setDefaultSectionSize(26);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    // The table shows when it has the keyboard, empty or with no cell current too (a frame in the focus colour).
    m_table->setStyleSheet(QStringLiteral("QTableWidget:focus { border: 2px solid palette(highlight); }"));
    (new CellDelegate(m_table))->setTabAlongTheRow(true);
    auto* add = new QToolButton(this);
    add->setText(tr("Add"));
    add->setToolTip(tr("Add a metric"));
    auto* remove = new QToolButton(this);
    remove->setText(tr("Remove"));
    remove->setToolTip(tr("Remove the selected metric"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
    layout->addLayout(buttons);
    setFocusProxy(m_table);

    connect(add, &QToolButton::clicked, this, [this]() {
        addRow();
        // The new row's name cell becomes the current one, not only the one edited: Enter, then Right, goes on to
        // this row's value (it went to the row current before, whose value the next key overwrote).
        const int row = m_table->rowCount() - 1;
        m_table->setCurrentCell(row, 0);
        m_table->editItem(m_table->item(row, 0));
    });
    connect(remove, &QToolButton::clicked, this, [this]() {
        if (m_table->currentRow() >= 0) {
            m_table->removeRow(m_table->currentRow());
            Q_EMIT jsonChanged();
        }
    });
    // A person's edit of a cell (the table's own filling blocks its signals).
    connect(m_table, &QTableWidget::itemChanged, this, &KeyValueEdit::jsonChanged);
}

void KeyValueEdit::addRow(const QString& metric, const QString& value)
{
    const QSignalBlocker filling(m_table);
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, 0, new QTableWidgetItem(metric));
    auto* item = new QTableWidgetItem(value);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_table->setItem(row, 1, item);
}

QString KeyValueEdit::json() const
{
    if (m_table->rowCount() == 0)
        return {};
    QJsonObject object;
    const QLocale locale;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QString metric = m_table->item(row, 0) ? m_table->item(row, 0)->text().trimmed() : QString();
        const QString text = m_table->item(row, 1) ? m_table->item(row, 1)->text().trimmed() : QString();
        if (metric.isEmpty() && text.isEmpty())
            continue;
        bool ok = false;
        double number = locale.toDouble(text, &ok);
        if (!ok)
            number = text.toDouble(&ok);
        object.insert(metric, ok ? QJsonValue(number) : QJsonValue(text));
    }
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

void KeyValueEdit::setJson(const QString& json)
{
    const QJsonObject incoming = QJsonDocument::fromJson(json.toUtf8()).object();
    const QString shown = this->json();
    // Our own edit coming back from the model, or the same metrics and values written another way: nothing to redo
    // (a table made anew would lose the cell being worked in).
    if (json == shown || (!shown.isEmpty() && incoming == QJsonDocument::fromJson(shown.toUtf8()).object()))
        return;
    // The rows stay in the order they are shown in (a JSON object's keys come back sorted, and a new metric's row
    // jumping above the one before it took the value typed next): each metric still there keeps its place, with its
    // new value, and metrics new to the table follow. The cell being worked in stays current.
    QStringList order;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QString metric = m_table->item(row, 0) ? m_table->item(row, 0)->text().trimmed() : QString();
        if (incoming.contains(metric) && !order.contains(metric))
            order << metric;
    }
    for (auto it = incoming.begin(); it != incoming.end(); ++it) {
        if (!order.contains(it.key()))
            order << it.key();
    }
    const int column = m_table->currentColumn();
    const QString current = m_table->currentRow() >= 0 && m_table->item(m_table->currentRow(), 0)
        ? m_table->item(m_table->currentRow(), 0)->text().trimmed()
        : QString();
    const QSignalBlocker filling(m_table);
    m_table->setRowCount(0);
    const QLocale locale;
    for (const QString& metric : std::as_const(order)) {
        const QJsonValue value = incoming.value(metric);
        addRow(metric, value.isDouble() ? locale.toString(value.toDouble(), 'g', 15) : value.toVariant().toString());
    }
    if (const auto row = order.indexOf(current); row >= 0 && column >= 0)
        m_table->setCurrentCell(int(row), column);
}

} // namespace agency::ui
