// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include <QCloseEvent>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>

#include "tables/campaignmodel.h"
#include "tables/channelmodel.h"
#include "tables/clientmodel.h"
#include "tables/slatiermodel.h"

namespace agency::ui {

MainWindow::MainWindow(QSqlDatabase db, const QString& whereConnected, QWidget* parent)
    : QMainWindow(parent)
    , m_db(std::move(db))
{
    setWindowTitle(tr("Agency OS"));
    createPages();
    createStatusBar(whereConnected);
    restoreLayout();
}

MainWindow::~MainWindow() = default;

void MainWindow::createPages()
{
    auto* splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_sidebar = new QListWidget(splitter);
    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_pages = new QStackedWidget(splitter);

    const QList<QPair<QString, tables::AgencyTableModel*>> pages {
        { tr("Clients"), new tables::ClientModel(m_db, this) },
        { tr("Campaigns"), new tables::CampaignModel(m_db, this) },
        { tr("Channels"), new tables::ChannelModel(m_db, this) },
        { tr("SLA tiers"), new tables::SlaTierModel(m_db, this) },
    };
    for (const auto& [title, model] : pages) {
        auto* view = new QTableView(m_pages);
        view->setObjectName(model->tableName());
        view->setModel(model);
        view->setSortingEnabled(true);
        view->setAlternatingRowColors(true);
        view->setSelectionBehavior(QAbstractItemView::SelectRows);
        view->horizontalHeader()->setStretchLastSection(true);
        view->hideColumn(model->fieldIndex(QStringLiteral("id")));
        view->resizeColumnsToContents();
        m_pages->addWidget(view);
        m_sidebar->addItem(title);
    }
    connect(m_sidebar, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    m_sidebar->setCurrentRow(0);
    m_sidebar->setMaximumWidth(220);
    splitter->setStretchFactor(1, 1);
    setCentralWidget(splitter);
}

void MainWindow::createStatusBar(const QString& whereConnected)
{
    auto* where = new QLabel(tr("Connected to %1").arg(whereConnected), this);
    where->setObjectName(QStringLiteral("connectionLabel"));
    statusBar()->addPermanentWidget(where);
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1200, 760);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    event->accept();
}

} // namespace agency::ui
