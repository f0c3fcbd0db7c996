// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "charts/chartoutput.h"
#include "connectiondialog.h"
#include "csvexportjob.h"
#include "dashboardpage.h"
#include "db/changefeed.h"
#include "db/connectionwatch.h"
#include "db/database.h"
#include "detailpanels.h"
#include "export/tableexport.h"
#include "filedialogs.h"
#include "helpdialogs.h"
#include "importdialog.h"
#include "mergevaluesdialog.h"
#include "recentchangesdialog.h"
#include "recordform.h"
#include "tablepage.h"
#include "tables/campaignmodel.h"
#include "tables/channelmodel.h"
#include "tables/editsession.h"
#include "tables/tablespec.h"
#include "tables/valuemerge.h"
#include "theme.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QCoreApplication>
#include <QDesktopServices>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSqlDriver>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>
#include <algorithm>

namespace agency::ui {

MainWindow::MainWindow(QSqlDatabase db, db::ConnectionString where, bool readOnly, QWidget* parent)
    : QMainWindow(parent)
    , m_db(db)
    , m_where(std::move(where))
    , m_readOnly(readOnly)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(readOnly ? tr("Agency OS (read-only)") : tr("Agency OS"));
    createActions();
    qApp->installEventFilter(this); // the window's commands before a text field's own use of the same keys
    createPages();
    createMenus();
    createStatusBar();
    connectDetails();
    flagSpentBy(rememberedThresholds()); // the spent cells flagged as the dashboard does
    subscribeToChanges();
    watchConnection();

    QSettings settings;
    if (const QString theme = settings.value(QStringLiteral("window/theme")).toString();
        !theme.isEmpty() && theme != QStringLiteral("system"))
        applyTheme(theme);
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1360, 820);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    for (TablePage* page : std::as_const(m_tablePages))
        page->restoreLayout();
    showPage(static_cast<Page>(settings.value(QStringLiteral("window/page"), int(Clients)).toInt()));
}

MainWindow::~MainWindow() = default;

void MainWindow::showRecentChanges()
{
    RecentChangesDialog dialog(m_db, this);
    QString table;
    QString id;
    connect(&dialog, &RecentChangesDialog::openRecord, &dialog, [&](const QString& t, const QString& i) {
        table = t;
        id = i;
        dialog.accept();
    });
    if (dialog.exec() != QDialog::Accepted || id.isEmpty())
        return;
    for (TablePage* candidate : std::as_const(m_tablePages)) {
        if (candidate->model()->tableName() != table)
            continue;
        showPage(Page(m_tablePages.indexOf(candidate) + 1));
        if (!candidate->showRecord(id))
            statusBar()->showMessage(tr("That record is no longer there (removed for good)."), 8000);
        return;
    }
}

void MainWindow::mergeChannelTypes()
{
    const tables::TableSpec& spec = tables::channelsSpec();
    const auto coded = std::find_if(
        spec.columns.cbegin(), spec.columns.cend(), [](const auto& column) { return !column.suggestions.isEmpty(); });
    if (coded == spec.columns.cend())
        return;
    MergeValuesDialog dialog(tables::valuesInUse(m_db, spec, coded->name), coded->suggestions, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString error;
    const auto merged = tables::mergeValues(m_db, spec, coded->name, dialog.from(), dialog.into(), &error);
    if (!merged) {
        showMessage(error);
        return;
    }
    refreshAfterChange();
    showMessage(tr("%n channel(s) of type “%1” now “%2”", nullptr, *merged).arg(dialog.from(), dialog.into()));
}

void MainWindow::fitToScreen()
{
    const QScreen* on = screen();
    if (!on)
        return;
    const QRect room = on->availableGeometry();
    const QSize frame(16, 48); // title bar and borders: not known before the window is shown
    const QSize most = room.size() - frame;
    if (width() <= most.width() && height() <= most.height())
        return;
    const QSize least = minimumSizeHint().expandedTo(minimumSize());
    if (least.width() > most.width() || least.height() > most.height()) {
        resize(size().boundedTo(most));
        setWindowState(windowState() | Qt::WindowMaximized); // the window manager fits it to the screen
        return;
    }
    resize(size().boundedTo(most));
    move(room.x() + (room.width() - width() - frame.width()) / 2,
        room.y() + (room.height() - height() - frame.height()) / 2);
}

void MainWindow::createPages()
{
    auto* central = new QWidget(this);
    auto* row = new QHBoxLayout(central);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(0);
    m_sidebar = new QListWidget(central);
    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_sidebar->setIconSize(QSize(20, 20));
    m_sidebar->setSpacing(2);
    m_sidebar->setFixedWidth(170);
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_pages = new QStackedWidget(central);
    row->addWidget(m_sidebar);
    row->addWidget(m_pages, 1);

    m_dashboard = new DashboardPage(m_db, m_where, m_pages);
    connect(m_dashboard, &DashboardPage::message, this, &MainWindow::showMessage);
    connect(m_dashboard, &DashboardPage::thresholdsChanged, this, &MainWindow::flagSpentBy);
    connect(m_dashboard, &DashboardPage::openCampaign, this, [this](const QString& id) {
        showPage(Campaigns);
        page(Campaigns)->showRecord(id);
    });
    connect(m_dashboard, &DashboardPage::openClient, this, [this](const QString& id) {
        showPage(Clients);
        page(Clients)->showRecord(id);
    });
    m_pages->addWidget(m_dashboard);
    new QListWidgetItem(appIcon("dashboard"), tr("Dashboard"), m_sidebar);

    constexpr auto OnDemand = tables::AgencyTableModel::Load::OnDemand;
    const QList<std::tuple<tables::AgencyTableModel*, const char*, QString>> pages {
        // Each page reads its table when it is first shown, not before.
        { new tables::AgencyTableModel(tables::clientsSpec(), m_db, this, OnDemand), "clients", tr("Clients") },
        { new tables::CampaignModel(m_db, this, OnDemand), "campaigns", tr("Campaigns") },
        { new tables::ChannelModel(m_db, this, OnDemand), "channels", tr("Channels") },
        { new tables::AgencyTableModel(tables::slaTiersSpec(), m_db, this, OnDemand), "tiers", tr("SLA tiers") },
        { new tables::AgencyTableModel(tables::timeEntriesSpec(), m_db, this, OnDemand), "time", tr("Time") },
    };
    for (const auto& [model, iconName, title] : pages) {
        // What the role may do is what PostgreSQL grants it (the model asks): a table it may not change is read-only.
        model->setReadOnly(m_readOnly);
        auto* page = new TablePage(model, m_pages);
        for (const char* name : { "new", "save", "revert", "delete", "restore", "showDeleted" })
            page->toolBar()->addAction(m_actions.value(QString::fromLatin1(name)));
        page->toolBar()->addSeparator();
        page->addSearchToToolBar();
        page->toolBar()->addAction(m_actions.value(QStringLiteral("export")));
        page->toolBar()->addAction(m_actions.value(QStringLiteral("import")));
        connect(page, &TablePage::message, this, &MainWindow::showMessage);
        connect(page, &TablePage::deleted, this, &MainWindow::offerUndo);
        connect(page->form(), &RecordForm::edited, this, [this]() { // "Saved" no longer true
            if (m_message->text() == tr("Saved"))
                showMessage(tr("Unsaved changes (Ctrl+S saves them)"));
        });
        m_pages->addWidget(page);
        m_tablePages << page;
        new QListWidgetItem(appIcon(iconName), title, m_sidebar);
    }
    connect(m_sidebar, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    setCentralWidget(central);
    // A new row starts in the parent a person is working on: the one selected on the parent's page (the client
    // picked on Clients), else the parent of the row selected here (the campaign of the channel just added).
    for (TablePage* child : std::as_const(m_tablePages)) {
        const tables::TableSpec& spec = child->model()->spec();
        const tables::ColumnSpec* parent = spec.column(spec.parentColumn);
        TablePage* parentPage = nullptr;
        for (TablePage* candidate : std::as_const(m_tablePages)) {
            if (parent && candidate->model()->tableName() == parent->references)
                parentPage = candidate;
        }
        if (!parentPage)
            continue;
        child->setNewRowDefaults([child, parentPage, column = parent->name]() {
            QString id = parentPage->currentId();
            if (id.isEmpty() && !child->currentId().isEmpty())
                id = child->model()->valueAt(child->model()->rowOfId(child->currentId()), column).toString();
            return id.isEmpty() ? QVariantMap() : QVariantMap { { column, id } };
        });
    }
    // Parents first, so a new client's campaign and the campaign's channels go in the right order.
    m_session = std::make_unique<tables::EditSession>(QList<tables::AgencyTableModel*> { page(SlaTiers)->model(),
        page(Clients)->model(), page(Campaigns)->model(), page(Channels)->model(), page(TimeEntries)->model() });

    // Ctrl+1 … Ctrl+6 for the pages.
    for (int i = 0; i <= TimeEntries; ++i) {
        auto* go = new QAction(this);
        go->setShortcut(QKeySequence(Qt::CTRL | (Qt::Key_1 + i)));
        connect(go, &QAction::triggered, this, [this, i]() { showPage(static_cast<Page>(i)); });
        addAction(go);
    }
}

void MainWindow::createStatusBar()
{
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("statusMessage"));
    m_undo = new QToolButton(this);
    m_undo->setObjectName(QStringLiteral("undo"));
    m_undo->setText(tr("Undo delete"));
    m_undo->setToolTip(tr("Bring back what was just deleted (Ctrl+Z)"));
    m_undo->setIcon(appIcon("revert"));
    m_undo->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_undo->setAutoRaise(false); // a button that looks like one
    m_undo->hide();
    connect(m_undo, &QToolButton::clicked, this, [this]() {
        const QString table = m_session->undoableTable();
        const QStringList ids = m_session->undoable();
        QString error;
        const bool undone = m_session->undoDelete(&error);
        showMessage(undone ? tr("Restored") : error);
        m_undo->hide();
        for (TablePage* page : std::as_const(m_tablePages)) { // the row back, and selected again
            if (undone && !ids.isEmpty() && page->model()->tableName() == table)
                page->showRecord(ids.constFirst());
        }
    });
    m_whereLabel = new QLabel(this);
    m_whereLabel->setObjectName(QStringLiteral("connectionLabel"));
    showConnected();
    statusBar()->addWidget(m_message, 1);
    statusBar()->addWidget(m_undo);
    statusBar()->addPermanentWidget(m_whereLabel);
}

void MainWindow::connectDetails()
{
    // Clients: the selected client's campaigns below; Enter or a double-click opens one.
    m_clientDetail = new ClientCampaignsPanel(m_db, this);
    page(Clients)->setDetail(m_clientDetail);
    connect(page(Clients), &TablePage::currentChanged, m_clientDetail, &ClientCampaignsPanel::setClient);
    connect(m_clientDetail, &ClientCampaignsPanel::openCampaign, this, [this](const QString& id) {
        showPage(Campaigns);
        page(Campaigns)->showRecord(id);
    });

    // Campaigns: the selected campaign's channels and its live budget split.
    m_campaignDetail = new CampaignDetailPanel(m_db, qobject_cast<tables::CampaignModel*>(page(Campaigns)->model()),
        qobject_cast<tables::ChannelModel*>(page(Channels)->model()), this);
    page(Campaigns)->setDetail(m_campaignDetail);
    connect(page(Campaigns), &TablePage::currentChanged, m_campaignDetail, &CampaignDetailPanel::setCampaign);
    connect(m_campaignDetail, &CampaignDetailPanel::openChannel, this, [this](const QString& id) {
        showPage(Channels);
        page(Channels)->showRecord(id);
    });
    // The split follows unsaved edits on the Channels page and the campaign's own budget.
    connect(page(Channels)->form(), &RecordForm::edited, m_campaignDetail, &CampaignDetailPanel::updateSplit);
    connect(page(Campaigns)->form(), &RecordForm::edited, m_campaignDetail, &CampaignDetailPanel::updateSplit);

    // After a save anywhere, the details, pickers and charts show it.
    for (TablePage* p : std::as_const(m_tablePages))
        connect(p, &TablePage::saved, this, &MainWindow::refreshAfterChange);
}

void MainWindow::flagSpentBy(const reports::Thresholds& thresholds)
{
    for (auto* campaigns : findChildren<tables::CampaignModel*>())
        campaigns->setThresholds(thresholds);
}

void MainWindow::showPage(Page which)
{
    const int index = std::clamp(int(which), 0, int(m_sidebar->count()) - 1);
    m_sidebar->setCurrentRow(index);
    const bool table = index > 0;
    const tables::AgencyTableModel* model = table ? page(static_cast<Page>(index))->model() : nullptr;
    const bool writable = model && !model->isReadOnly();
    m_actions.value(QStringLiteral("new"))->setEnabled(model && model->mayInsert());
    for (const char* name : { "delete", "restore" })
        m_actions.value(QString::fromLatin1(name))->setEnabled(model && model->mayDelete());
    // Save writes every page's edits: it is there while any page may be changed.
    m_actions.value(QStringLiteral("save"))
        ->setEnabled(std::any_of(
            m_tablePages.cbegin(), m_tablePages.cend(), [](const TablePage* p) { return !p->model()->isReadOnly(); }));
    for (const char* name : { "find", "export" })
        m_actions.value(QString::fromLatin1(name))->setEnabled(table);
    m_actions.value(QStringLiteral("import"))->setEnabled(writable);
}

TablePage* MainWindow::page(Page which) const
{
    const int index = int(which) - 1;
    return index >= 0 && index < m_tablePages.size() ? m_tablePages.at(index) : nullptr;
}

BudgetSplitChart* MainWindow::budgetPie() const
{
    return m_campaignDetail->pie();
}

KpiChart* MainWindow::kpiChart() const
{
    return m_campaignDetail->kpis();
}

TablePage* MainWindow::currentTablePage() const
{
    return qobject_cast<TablePage*>(m_pages->currentWidget());
}

QAction* MainWindow::action(const QString& name) const
{
    return m_actions.value(name);
}

QString MainWindow::statusMessage() const
{
    return m_message->text();
}

void MainWindow::showMessage(const QString& text)
{
    m_message->setText(text);
    m_message->setToolTip(text);
}

void MainWindow::offerUndo(const QString& table, const QStringList& ids, const QString& description)
{
    showMessage(tr("Deleted %1").arg(description));
    m_session->rememberDelete(table, ids);
    m_undo->show();
    QTimer::singleShot(15000, m_undo, [this, ids]() {
        if (m_session->canUndo() && m_session->undoable() == ids) { // not a newer delete's offer
            m_undo->hide();
            m_session->forgetDelete();
        }
    });
}

void MainWindow::saveAll()
{
    const auto pageOf = [this](const tables::AgencyTableModel* model) {
        const auto it = std::find_if(
            m_tablePages.cbegin(), m_tablePages.cend(), [model](const TablePage* p) { return p->model() == model; });
        return *it;
    };
    if (const auto* failed = m_session->saveAll([&](tables::AgencyTableModel* m) { return pageOf(m)->save(); }))
        showPage(static_cast<Page>(m_tablePages.indexOf(pageOf(failed)) + 1));
}

bool MainWindow::hasUnsavedChanges() const
{
    return m_session->hasUnsavedChanges();
}

bool MainWindow::confirmLeaving()
{
    if (!hasUnsavedChanges())
        return true;
    QMessageBox box(QMessageBox::Warning, tr("Unsaved changes"), tr("You have changes that are not saved yet."),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("unsavedPrompt"));
    box.setInformativeText(tr("Save them before leaving?"));
    box.setDefaultButton(QMessageBox::Save);
    switch (box.exec()) {
    case QMessageBox::Save:
        saveAll();
        return !hasUnsavedChanges();
    case QMessageBox::Discard:
        m_session->discardAll();
        return true;
    default:
        return false;
    }
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!m_leavingKeptEdits && !confirmLeaving()) {
        event->ignore();
        return;
    }
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/page"), m_sidebar->currentRow());
    for (TablePage* p : std::as_const(m_tablePages))
        p->saveLayout();
    event->accept();
}

void MainWindow::exportCurrentView(const QString& path, std::function<void(bool ok)> then)
{
    auto* page = currentTablePage();
    if (!page) {
        Q_EMIT viewExported(false);
        return;
    }
    exporting::ExportRequest request = page->currentViewExport();
    request.csv = rememberedCsvOptions();
    if (path.endsWith(QStringLiteral(".xlsx"), Qt::CaseInsensitive)) // a workbook of real cells, the view's columns
        request.format = exporting::ExportRequest::Format::Xlsx;
    runCsvExport(this, m_where, request, path, [this, path, then = std::move(then)](const JobOutcome& outcome) {
        showMessage(outcome.ok ? tr("Exported to %1").arg(QDir::toNativeSeparators(path))
                               : tr("Export failed, no file written: %1").arg(outcome.error));
        Q_EMIT viewExported(outcome.ok);
        if (then)
            then(outcome.ok);
    });
}

} // namespace agency::ui
