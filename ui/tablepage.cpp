// SPDX-License-Identifier: GPL-3.0-or-later
#include "tablepage.h"

#include "conflictdialog.h"
#include "deletedrowdelegate.h"
#include "historypanel.h"
#include "recordform.h"
#include "tables/softdeletion.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QSqlRecord>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace agency::ui {

void moveNameColumnFirst(QTableView* view, const tables::AgencyTableModel* model)
{
    for (const tables::ColumnSpec& column : model->spec().columns) {
        const int logical = column.holdsName ? model->fieldIndex(column.name) : -1;
        if (logical >= 0)
            view->horizontalHeader()->moveSection(view->horizontalHeader()->visualIndex(logical), 0);
    }
}

TablePage::TablePage(tables::AgencyTableModel* model, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_toolBar(new QToolBar(this))
    , m_search(new QLineEdit(this))
    , m_busy(new QProgressBar(this))
    , m_view(new QTableView(this))
    , m_emptyHint(new QLabel(m_view->viewport()))
    , m_rightsBanner(new QLabel(this))
    , m_notice(new QWidget(this))
    , m_noticeText(new QLabel(m_notice))
    , m_showAll(new QPushButton(tr("Show all"), m_notice))
    , m_form(new RecordForm(model, this))
    , m_sideTabs(new QTabWidget(this))
    , m_history(new HistoryPanel(model->database(), model->tableName(), this))
    , m_split(new QSplitter(Qt::Horizontal, this))
    , m_leftSplit(new QSplitter(Qt::Vertical, this))
{
    setObjectName(model->tableName() + QStringLiteral("_page"));
    m_toolBar->setIconSize(QSize(18, 18));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_search->setObjectName(QStringLiteral("search"));
    m_search->setPlaceholderText(tr("Search (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(260);
    m_busy->setObjectName(QStringLiteral("busy"));
    m_busy->setRange(0, 0); // no figure to show: it moves while the rows are read
    m_busy->setTextVisible(false);
    m_busy->setMaximumWidth(60);
    m_busy->setToolTip(tr("Reading the rows for this search or sort…"));
    m_busy->setAccessibleName(tr("Reading rows"));
    // A new search or sort is read in the background: the window stays usable and the next key replaces it.
    model->setReadsInBackground(true);
    connect(model, &tables::AgencyTableModel::busyChanged, this, [this](bool busy) {
        if (m_busyAction)
            m_busyAction->setVisible(busy);
        m_view->viewport()->setCursor(busy ? Qt::BusyCursor : Qt::ArrowCursor);
    });

    m_view->setObjectName(QStringLiteral("table"));
    m_view->setModel(model);
    m_view->setItemDelegate(new DeletedRowDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    // Start from the model's own order (enabling sorting would otherwise sort by column 0, the id).
    m_view->horizontalHeader()->setSortIndicator(model->sortColumn(), model->sortOrder());
    m_sortColumn = model->sortColumn();
    m_sortOrder = model->sortOrder();
    m_view->setSortingEnabled(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->setDefaultSectionSize(24);
    m_view->horizontalHeader()->setSectionsMovable(true);
    m_view->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->hideColumn(model->fieldIndex(tables::idColumn()));
    moveNameColumnFirst(m_view, model);
    m_view->hideColumn(model->fieldIndex(tables::deletedColumn()));
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers); // edits happen in the form beside
    if (!model->lookups().plane().isAvailable()) { // bare UUIDs say nothing in a list; the form still has them
        for (const tables::ColumnSpec& column : model->spec().columns) {
            if (column.kind == tables::ColumnKind::PlaneReference)
                m_view->hideColumn(model->fieldIndex(column.name));
        }
    }

    auto* formScroll = new QScrollArea(this);
    formScroll->setWidgetResizable(true);
    formScroll->setWidget(m_form);
    formScroll->setMinimumWidth(380); // the KPI tables' values whole beside their metrics

    // Beside the table: the record's form, and its history (who changed what, with revert).
    m_sideTabs->setObjectName(QStringLiteral("sideTabs"));
    m_sideTabs->setDocumentMode(true);
    m_sideTabs->addTab(formScroll, tr("Record"));
    m_sideTabs->addTab(m_history, tr("History"));
    m_sideTabs->setTabToolTip(1, tr("Who changed this record, when and what (Ctrl+Shift+Y)"));
    connect(m_history, &HistoryPanel::revertRequested, this, &TablePage::revertFromHistory);
    connect(this, &TablePage::saved, m_history, &HistoryPanel::reload);

    m_leftSplit->addWidget(m_view);
    m_split->addWidget(m_leftSplit);
    m_split->addWidget(m_sideTabs);
    m_split->setStretchFactor(0, 3);
    m_split->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_rightsBanner);
    layout->addWidget(m_notice);
    layout->addWidget(m_split, 1);

    // What this role may not do here, for as long as it is so.
    m_rightsBanner->setObjectName(QStringLiteral("rightsBanner"));
    m_rightsBanner->setWordWrap(true);
    m_rightsBanner->setContentsMargins(8, 4, 8, 4);
    m_rightsBanner->setAutoFillBackground(true);
    m_rightsBanner->setBackgroundRole(QPalette::ToolTipBase);
    m_rightsBanner->setForegroundRole(QPalette::ToolTipText);
    showRights();
    hideUnreadable();

    // What another desktop did to the rows here, in the tooltip's colours (they follow the theme).
    m_notice->setObjectName(QStringLiteral("noticeBar"));
    m_notice->setAutoFillBackground(true);
    m_notice->setBackgroundRole(QPalette::ToolTipBase);
    m_notice->setForegroundRole(QPalette::ToolTipText);
    m_noticeText->setObjectName(QStringLiteral("notice"));
    m_noticeText->setWordWrap(true);
    m_noticeText->setForegroundRole(QPalette::ToolTipText);
    m_noticeText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* closeNotice = new QToolButton(m_notice);
    closeNotice->setObjectName(QStringLiteral("closeNotice"));
    closeNotice->setText(QStringLiteral("✕"));
    closeNotice->setToolTip(tr("Close"));
    closeNotice->setAutoRaise(true);
    auto* noticeLayout = new QHBoxLayout(m_notice);
    noticeLayout->setContentsMargins(8, 4, 4, 4);
    noticeLayout->addWidget(m_noticeText, 1);
    noticeLayout->addWidget(m_showAll, 0, Qt::AlignTop);
    noticeLayout->addWidget(closeNotice, 0, Qt::AlignTop);
    m_showAll->setObjectName(QStringLiteral("showAll"));
    m_showAll->hide();
    m_notice->hide();
    connect(closeNotice, &QToolButton::clicked, this, [this]() {
        if (!m_model->onlyRows().isEmpty())
            showAll(); // never a list cut down to one row with nothing saying so
        m_notice->hide();
    });
    connect(m_showAll, &QPushButton::clicked, this, &TablePage::showAll);
    connect(model, &tables::AgencyTableModel::saved, this, &TablePage::retireNotice);

    // Search as you type, a moment after the last key; the model matches the text literally.
    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_debounce, &QTimer::timeout, this, &TablePage::applySearch);
    // Down (or Page Down) in the search box goes on to the results, at the match selected.
    m_search->installEventFilter(this);

    connect(
        m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& current) {
            m_form->setCurrentRow(current.isValid() ? current.row() : -1);
            m_currentId = current.isValid() ? m_model->idAt(current.row()) : QString();
            m_history->setRecord(m_currentId);
            Q_EMIT currentChanged(m_currentId);
        });
    // Right-click on the header: which columns to show (remembered per table with the rest of the layout).
    connect(m_view->horizontalHeader(), &QHeaderView::customContextMenuRequested, this, [this](const QPoint& at) {
        QMenu menu(this);
        for (int c = 0; c < m_model->columnCount(); ++c) {
            const QString name = m_model->columnName(c);
            if (name == tables::idColumn() || m_model->rights().hidden().contains(name))
                continue;
            QAction* toggle = menu.addAction(m_model->headerData(c, Qt::Horizontal).toString());
            toggle->setCheckable(true);
            toggle->setChecked(!m_view->isColumnHidden(c));
            connect(toggle, &QAction::toggled, this, [this, c](bool shown) { m_view->setColumnHidden(c, !shown); });
        }
        menu.exec(m_view->horizontalHeader()->mapToGlobal(at));
    });
    connect(
        m_view->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this, [this](int column, Qt::SortOrder order) {
            if (m_model->isDerivedColumn(column)) { // worked out per row (a pace): the order stays as it was
                m_view->horizontalHeader()->setSortIndicator(m_sortColumn, m_sortOrder);
                return;
            }
            m_sortColumn = column;
            m_sortOrder = order;
        });
    // After any re-select (save, sort, search, refresh) the same record stays selected.
    connect(model, &QAbstractItemModel::modelReset, this, [this]() {
        if (m_noticeAboutEdits && !m_model->hasPendingChanges())
            retireNotice(); // the edits it spoke of are saved or discarded
        QTimer::singleShot(0, this, [this]() {
            int row = m_currentId.isEmpty() ? -1 : m_model->findRow(m_currentId);
            if (m_selectFirstMatch && !m_model->isBusy()) {
                m_selectFirstMatch = false;
                if (row < 0 && m_model->rowCount() > 0)
                    row = 0; // a search that leaves the selected row out selects its first match
            }
            selectRow(row);
            m_form->reloadChoices();
        });
    });
    connect(m_form, &RecordForm::edited, this, [this]() { m_view->viewport()->update(); });
    // An empty table says what to do, in its middle.
    m_emptyHint->setObjectName(QStringLiteral("emptyHint"));
    m_emptyHint->setAlignment(Qt::AlignCenter);
    m_emptyHint->setWordWrap(true);
    m_emptyHint->setForegroundRole(QPalette::PlaceholderText);
    m_emptyHint->hide();
    auto* hintLayout = new QVBoxLayout(m_view->viewport()); // centred however the table is sized
    hintLayout->setContentsMargins(24, 24, 24, 24);
    hintLayout->addWidget(m_emptyHint);
    connect(model, &QAbstractItemModel::modelReset, this, &TablePage::updateEmptyHint);
    connect(model, &tables::AgencyTableModel::busyChanged, this, &TablePage::updateEmptyHint);
    connect(model, &QAbstractItemModel::rowsInserted, this, &TablePage::updateEmptyHint);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &TablePage::updateEmptyHint);
    connect(model, &tables::AgencyTableModel::conflictDetected, this,
        [this]() { QTimer::singleShot(0, this, &TablePage::resolveConflicts); });
}

void TablePage::updateEmptyHint()
{
    const bool empty = m_model->isLoaded() && m_model->rowCount() == 0 && !m_model->isBusy();
    if (empty) {
        const QString search = m_model->rowFilter().search.trimmed();
        m_emptyHint->setText(!search.isEmpty() ? tr("Nothing here matches “%1”.").arg(search)
                : m_model->isReadOnly()        ? tr("Nothing here yet.")
                                               : tr("Nothing here yet: Ctrl+N adds a row, Ctrl+I imports a CSV file."));
    }
    m_emptyHint->setVisible(empty);
}

void TablePage::addSearchToToolBar()
{
    m_toolBar->addWidget(m_search);
    m_busyAction = m_toolBar->addWidget(m_busy);
    m_busyAction->setVisible(m_model->isBusy());
}

void TablePage::setDetail(QWidget* detail)
{
    m_leftSplit->addWidget(detail);
}

QStringList TablePage::selectedIds() const
{
    QStringList ids;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    for (const QModelIndex& index : rows)
        ids << m_model->idAt(index.row());
    if (ids.isEmpty() && !m_currentId.isEmpty())
        ids << m_currentId;
    return ids;
}

void TablePage::selectRow(int row)
{
    if (row < 0 || row >= m_model->rowCount()) { // nothing selected: the form and the detail show nothing either
        m_view->selectionModel()->clearSelection();
        m_view->selectionModel()->setCurrentIndex(QModelIndex(), QItemSelectionModel::NoUpdate);
        m_form->setCurrentRow(-1);
        if (!m_currentId.isEmpty()) {
            m_currentId.clear();
            Q_EMIT currentChanged(m_currentId);
        }
        return;
    }
    // In the first column shown (the arrow keys go nowhere from a hidden one, such as the id or a Plane link).
    const QHeaderView* header = m_view->horizontalHeader();
    int column = 0;
    for (int visual = 0; visual < header->count(); ++visual) {
        if (!header->isSectionHidden(header->logicalIndex(visual))) {
            column = header->logicalIndex(visual);
            break;
        }
    }
    const QModelIndex index = m_model->index(row, column);
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    m_form->setCurrentRow(row);
}

void TablePage::setShowDeleted(bool show)
{
    m_model->setShowDeleted(show);
}

void TablePage::applySearch()
{
    m_debounce->stop();
    if (m_search->text() == m_model->searchText())
        return;
    if (!m_model->onlyRows().isEmpty())
        showAll(); // a new search looks through every row again
    m_selectFirstMatch = true;
    m_model->setSearchText(m_search->text());
}

bool TablePage::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if ((key->key() == Qt::Key_Down || key->key() == Qt::Key_PageDown) && key->modifiers() == Qt::NoModifier) {
            applySearch(); // typed a moment ago: searched now
            if (m_model->rowCount() > 0 && !m_view->selectionModel()->currentIndex().isValid())
                selectRow(0);
            m_view->setFocus(Qt::ShortcutFocusReason);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void TablePage::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void TablePage::showEvent(QShowEvent* event)
{
    ensureRead(); // the first time the page is shown: its rows are read now, before they are painted
    QWidget::showEvent(event);
}

void TablePage::ensureRead()
{
    if (m_model->isLoaded())
        return;
    m_model->select();
    updateEmptyHint();
    if (!m_layoutRestored)
        m_view->resizeColumnsToContents();
    if (m_model->rowCount() > 0 && m_currentId.isEmpty())
        selectRow(0);
}

bool TablePage::showRecord(const QString& id)
{
    ensureRead();
    if (m_model->isBusy())
        m_model->select(); // the row is wanted now: read here, not in the background
    int row = m_model->findRow(id, m_findLimit);
    if (row < 0 && !m_search->text().isEmpty()) {
        m_search->clear();
        m_model->setSearchText({});
        if (m_model->isBusy())
            m_model->select();
        row = m_model->findRow(id, m_findLimit);
    }
    if (row < 0 && m_model->canFetchMore()) {
        // Far down the order: shown alone, said so, one click from the whole list again.
        m_model->setOnlyRows({ id });
        if (m_model->isBusy())
            m_model->select();
        row = m_model->findRow(id, 1);
        if (row >= 0)
            retireNotice();
        else
            showAll();
    }
    if (row < 0)
        return false;
    m_currentId = id;
    selectRow(row);
    return true;
}

void TablePage::retireNotice()
{
    if (m_model->onlyRows().isEmpty()) {
        m_notice->hide();
        return;
    }
    // Showing one row alone: that stays said while it lasts.
    const QString id = m_model->onlyRows().constFirst();
    m_noticeText->setText(
        tr("Showing only “%1”, opened from elsewhere: it lies far down this list.").arg(m_model->rowName(id)));
    m_noticeAboutEdits = false;
    m_showAll->show();
    m_notice->show();
}

void TablePage::showAll()
{
    m_showAll->hide();
    m_notice->hide();
    m_model->setOnlyRows({});
}

exporting::ExportRequest TablePage::currentViewExport() const
{
    exporting::ExportRequest request;
    request.table = m_model->tableName();
    request.filter = m_model->rowFilter();
    if (m_sortColumn >= 0) {
        request.sortColumn = m_model->columnName(m_sortColumn);
        request.sortOrder = m_sortOrder;
    }
    // The visible columns in their order, between what an import of the file back needs to match each row to the
    // one it came from, shown or not: the id first, the stamp the row had when exported last.
    const QString id = tables::idColumn();
    const QString stamp = tables::stampColumn();
    request.columns << id;
    const QHeaderView* header = m_view->horizontalHeader();
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        const QString name = m_model->columnName(logical);
        if (!header->isSectionHidden(logical) && !m_model->isDerivedColumn(logical) && name != id && name != stamp)
            request.columns << name;
    }
    request.columns << stamp;
    // Then the lookups a spreadsheet reader needs, as the command line writes them.
    const QStringList all = exporting::exportHeaders(request.table);
    for (const QString& name : all) {
        if (!m_model->spec().column(name))
            request.columns << name;
    }
    return request;
}

void TablePage::saveLayout() const
{
    QSettings settings;
    const QString key = QStringLiteral("layout/") + m_model->tableName();
    settings.setValue(key + QStringLiteral("/header"), m_view->horizontalHeader()->saveState());
    settings.setValue(key + QStringLiteral("/split"), m_split->saveState());
    settings.setValue(key + QStringLiteral("/leftSplit"), m_leftSplit->saveState());
}

void TablePage::restoreLayout()
{
    QSettings settings;
    const QString key = QStringLiteral("layout/") + m_model->tableName();
    // Without a saved layout the columns fit their contents, once the rows have been read (ensureRead()).
    m_layoutRestored
        = m_view->horizontalHeader()->restoreState(settings.value(key + QStringLiteral("/header")).toByteArray());
    m_split->restoreState(settings.value(key + QStringLiteral("/split")).toByteArray());
    m_leftSplit->restoreState(settings.value(key + QStringLiteral("/leftSplit")).toByteArray());
    m_view->hideColumn(m_model->fieldIndex(tables::idColumn()));
    hideUnreadable();
}

void TablePage::hideUnreadable()
{
    for (const QString& column : m_model->rights().hidden())
        m_view->hideColumn(m_model->fieldIndex(column));
}

} // namespace agency::ui
