// SPDX-License-Identifier: GPL-3.0-or-later
#include "recentchangesdialog.h"

#include "domain/displaytext.h"
#include "historytext.h"
#include "tables/tablespec.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace agency::ui {

namespace {
    constexpr int kPage = 200; // changes a page
    constexpr int kTableRole = Qt::UserRole;
    constexpr int kIdRole = Qt::UserRole + 1;

    QString tableLabel(const QString& table)
    {
        if (table == tables::slaTiersSpec().table)
            return RecentChangesDialog::tr("SLA tier");
        if (table == tables::clientsSpec().table)
            return RecentChangesDialog::tr("Client");
        if (table == tables::campaignsSpec().table)
            return RecentChangesDialog::tr("Campaign");
        if (table == tables::channelsSpec().table)
            return RecentChangesDialog::tr("Channel");
        return table;
    }
}

RecentChangesDialog::RecentChangesDialog(QSqlDatabase db, QWidget* parent)
    : QDialog(parent)
    , m_db(db)
    , m_names(m_db)
    , m_person(new QComboBox(this))
    , m_table(new QComboBox(this))
    , m_field(new QComboBox(this))
    , m_range(new QCheckBox(tr("&From"), this))
    , m_from(new QDateEdit(this))
    , m_to(new QDateEdit(this))
    , m_list(new QTreeWidget(this))
    , m_status(new QLabel(this))
    , m_older(new QPushButton(tr("Show &older"), this))
    , m_settle(new QTimer(this))
{
    setObjectName(QStringLiteral("recentChanges"));
    setWindowTitle(tr("Recent changes"));
    m_person->setObjectName(QStringLiteral("personFilter"));
    m_table->setObjectName(QStringLiteral("tableFilter"));
    m_field->setObjectName(QStringLiteral("fieldFilter"));
    m_range->setObjectName(QStringLiteral("dateRange"));
    m_from->setObjectName(QStringLiteral("fromDate"));
    m_to->setObjectName(QStringLiteral("toDate"));
    m_list->setObjectName(QStringLiteral("changesList"));
    m_older->setObjectName(QStringLiteral("older"));
    m_status->setObjectName(QStringLiteral("changesStatus"));

    m_person->addItem(tr("Everyone"), QString());
    for (const QString& who : history::people(m_db))
        m_person->addItem(who, who);
    m_table->addItem(tr("All tables"), QString());
    for (const tables::TableSpec* spec : tables::allSpecs())
        m_table->addItem(tableLabel(spec->table), spec->table);
    fillFields();
    for (QDateEdit* edit : { m_from, m_to }) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(domain::dateFormat());
        edit->setDate(QDate::currentDate());
        edit->setEnabled(false);
    }
    m_from->setDate(QDate::currentDate().addDays(-30));
    auto* toLabel = new QLabel(tr("to"), this);

    auto* filters = new QHBoxLayout;
    auto* who = new QLabel(tr("&Who:"), this);
    who->setBuddy(m_person);
    auto* what = new QLabel(tr("&Table:"), this);
    what->setBuddy(m_table);
    auto* which = new QLabel(tr("F&ield:"), this);
    which->setBuddy(m_field);
    filters->addWidget(who);
    filters->addWidget(m_person);
    filters->addWidget(what);
    filters->addWidget(m_table);
    filters->addWidget(which);
    filters->addWidget(m_field);
    filters->addSpacing(12);
    filters->addWidget(m_range);
    filters->addWidget(m_from);
    filters->addWidget(toLabel);
    filters->addWidget(m_to);
    filters->addStretch(1);

    m_list->setColumnCount(7);
    m_list->setHeaderLabels(
        { tr("When"), tr("Who"), tr("Record"), tr("What"), tr("Field"), tr("Before"), tr("After") });
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setTextElideMode(Qt::ElideRight);
    m_list->header()->setStretchLastSection(true);
    m_list->setAccessibleName(tr("Recent changes"));

    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_older);
    bottom->addWidget(close);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_list, 1);
    layout->addLayout(bottom);

    // A filter changed: read again a moment later (several changes in a row read once).
    m_settle->setSingleShot(true);
    m_settle->setInterval(150);
    connect(m_settle, &QTimer::timeout, this, &RecentChangesDialog::reload);
    auto settle = [this]() { m_settle->start(); };
    connect(m_person, &QComboBox::currentIndexChanged, this, settle);
    connect(m_table, &QComboBox::currentIndexChanged, this, [this, settle]() {
        fillFields();
        settle();
    });
    connect(m_field, &QComboBox::currentIndexChanged, this, settle);
    connect(m_range, &QCheckBox::toggled, this, [this, settle](bool on) {
        m_from->setEnabled(on);
        m_to->setEnabled(on);
        settle();
    });
    connect(m_from, &QDateEdit::dateChanged, this, settle);
    connect(m_to, &QDateEdit::dateChanged, this, settle);
    connect(m_older, &QPushButton::clicked, this, &RecentChangesDialog::readPage);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        Q_EMIT openRecord(item->data(0, kTableRole).toString(), item->data(0, kIdRole).toString());
    });

    resize(QSettings().value(QStringLiteral("recentChanges/size"), QSize(1000, 560)).toSize());
    reload();
}

void RecentChangesDialog::done(int result)
{
    QSettings().setValue(QStringLiteral("recentChanges/size"), size());
    QDialog::done(result);
}

void RecentChangesDialog::fillFields()
{
    const QSignalBlocker quiet(m_field);
    const QString kept = m_field->currentData().toString();
    m_field->clear();
    m_field->addItem(tr("Any field"), QString());
    const tables::TableSpec* spec = tables::specFor(m_table->currentData().toString());
    m_field->setEnabled(spec != nullptr);
    if (!spec)
        return;
    for (const tables::ColumnSpec& column : spec->columns) {
        if (column.name == tables::idColumn() || column.name == tables::createdColumn()
            || column.name == tables::stampColumn())
            continue;
        m_field->addItem(tables::columnLabel(column.name), column.name);
    }
    m_field->setCurrentIndex(std::max(0, m_field->findData(kept)));
}

history::ChangeFilter RecentChangesDialog::filter() const
{
    history::ChangeFilter f;
    f.person = m_person->currentData().toString();
    f.table = m_table->currentData().toString();
    f.column = m_field->currentData().toString();
    if (m_range->isChecked()) { // the days as the user's calendar has them, both included
        f.since = m_from->date().startOfDay();
        f.until = m_to->date().addDays(1).startOfDay();
    }
    f.limit = kPage;
    return f;
}

void RecentChangesDialog::reload()
{
    m_list->clear();
    m_oldestId = 0;
    m_changesShown = 0;
    readPage();
}

void RecentChangesDialog::readPage()
{
    QElapsedTimer took;
    took.start();
    history::ChangeFilter f = filter();
    f.beforeId = m_oldestId;
    QList<history::Change> changes;
    QString error;
    if (!history::isAvailable(m_db)) {
        m_status->setText(tr("This database keeps no history you may read."));
        m_older->setEnabled(false);
        return;
    }
    if (!history::readChanges(m_db, f, &changes, &error)) {
        m_status->setText(error);
        return;
    }
    // The names of the records, a query per table for the page (not one per line).
    QHash<QString, QList<QString>> ids;
    for (const history::Change& change : std::as_const(changes))
        ids[change.table] << change.rowId;
    for (auto it = ids.cbegin(); it != ids.cend(); ++it) {
        if (it.key() != tables::channelsSpec().table)
            m_names.prefetch(it.key(), it.value());
    }
    QList<QTreeWidgetItem*> lines;
    for (const history::Change& change : std::as_const(changes)) {
        QString name
            = change.table == tables::channelsSpec().table ? QString() : m_names.name(change.table, change.rowId);
        if (name.isEmpty())
            name = change.rowId.left(8);
        const QString record = tr("%1 %2").arg(tableLabel(change.table), name);
        const QString when = domain::instantText(change.at);
        const QString who = whoText(change);
        const QString what = operationText(change.operation);
        for (const history::FieldChange& field : change.fields) {
            if (!f.column.isEmpty() && field.column != f.column)
                continue;
            auto* line = new QTreeWidgetItem({ when, who, record, what, tables::columnLabel(field.column),
                historyValueText(change.table, field.column, field.before, &m_names).simplified(),
                historyValueText(change.table, field.column, field.after, &m_names).simplified() });
            line->setData(0, kTableRole, change.table);
            line->setData(0, kIdRole, change.rowId);
            line->setToolTip(2, change.rowId);
            line->setToolTip(5, historyValueText(change.table, field.column, field.before));
            line->setToolTip(6, historyValueText(change.table, field.column, field.after));
            lines << line;
        }
    }
    m_list->addTopLevelItems(lines);
    if (m_oldestId == 0) {
        for (int c = 0; c < 5; ++c)
            m_list->resizeColumnToContents(c);
        if (m_list->topLevelItemCount() > 0)
            m_list->setCurrentItem(m_list->topLevelItem(0));
    }
    if (!changes.isEmpty())
        m_oldestId = changes.constLast().id;
    m_changesShown += int(changes.size());
    m_older->setEnabled(changes.size() == f.limit);
    m_status->setText(
        m_changesShown == 0 ? tr("No changes match.") : tr("%n change(s), newest first.", nullptr, m_changesShown));
    m_lastReadMs = took.elapsed();
}

} // namespace agency::ui
