// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "db/connectionstring.h"
#include "reports/financereport.h"

#include <QMainWindow>
#include <QPointer>
#include <QSet>
#include <QSqlDatabase>
#include <functional>
#include <memory>

class QAction;
class QLabel;
class QListWidget;
class QStackedWidget;
class QTableView;
class QToolButton;

namespace agency::db {
class ChangeFeed;
class ConnectionWatch;
}

namespace agency::tables {
class AgencyTableModel;
class CampaignModel;
class ChannelModel;
class EditSession;
}

namespace agency::ui {

class BudgetSplitChart;
class CampaignDetailPanel;
class ClientCampaignsPanel;
class DashboardPage;
class KpiChart;
class TablePage;

// What the window needs from start-up to change database: open it (migrating the embedded one) and say whether
// it must be read-only (a schema newer than the app). Returns an invalid database and an error on failure.
using Connector = std::function<QSqlDatabase(const db::ConnectionString& where, QString* error, bool* readOnly)>;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(QSqlDatabase db, db::ConnectionString where, bool readOnly, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Before the first show: a window larger than the screen it opens on (the first start's default on a small
    // screen, 1366×768 at 2× scaling being 683×384; or a size remembered on a larger one) is made to fit its
    // available geometry, centred; one whose least size does not fit opens maximised.
    void fitToScreen();
    void setConnector(Connector connector) { m_connector = std::move(connector); }
    enum Page { Dashboard, Clients, Campaigns, Channels, SlaTiers, TimeEntries };
    void showPage(Page which);
    TablePage* page(Page which) const;
    TablePage* currentTablePage() const;
    DashboardPage* dashboard() const { return m_dashboard; }
    BudgetSplitChart* budgetPie() const;
    KpiChart* kpiChart() const;
    db::ConnectionWatch* connectionWatch() const { return m_watch; } // null on SQLite
    QAction* action(const QString& name)
        const; // "new", "save", "revert", "delete", "restore", "showDeleted", "find", "export", "connect"
    QString statusMessage() const;
    QToolButton* undoButton() const { return m_undo; }
    bool hasUnsavedChanges() const;
    // Save, discard or cancel when there are unsaved edits; true when it is fine to go on.
    bool confirmLeaving();
    // The Export… action without its dialogs (options as last chosen). Returns at once; the export runs in the
    // background, then the status bar says how it went, viewExported() is emitted and `then` is called.
    void exportCurrentView(const QString& path, std::function<void(bool ok)> then = {});

    // Stopped by a signal (SIGTERM, SIGINT, SIGHUP): the unsaved edits go to a recovery file for this database
    // (tables::recoveryPath), and closing no longer asks about them. False, with the reason in the log and `error`,
    // when the file could not be written (the edits are then only in the window).
    bool keepEditsForNextStart(QString* error = nullptr);
    // At start: edits kept by a window that was stopped on this database are offered back (they are saved when the
    // user saves), or discarded when the user says so. Returns how many rows came back.
    int offerRecoveredEdits();

Q_SIGNALS:
    void viewExported(bool ok);

protected:
    void closeEvent(QCloseEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void createActions();
    void createMenus();
    void createPages();
    void createStatusBar();
    void connectDetails();
    void subscribeToChanges();
    void showConnected(); // the status bar's connection label: where, read-only, how others' changes arrive
    void watchConnection();
    // Every campaign table flags its spent cells by these (the dashboard's, as last set).
    void flagSpentBy(const reports::Thresholds& thresholds);
    void refreshAfterChange(); // a save or an import changed the data
    void showMessage(const QString& text);
    void mergeChannelTypes(); // Edit → Merge channel types…
    void showRecentChanges(); // View → Recent changes…: a record chosen there is shown on its page
    void offerUndo(const QString& table, const QStringList& ids, const QString& description);
    void openConnectionDialog();
    void saveAll();

    QSqlDatabase m_db;
    db::ConnectionString m_where;
    bool m_readOnly;
    Connector m_connector;
    QListWidget* m_sidebar = nullptr;
    QStackedWidget* m_pages = nullptr;
    QList<TablePage*> m_tablePages; // by Page - 1
    ClientCampaignsPanel* m_clientDetail = nullptr; // under Clients
    CampaignDetailPanel* m_campaignDetail = nullptr; // under Campaigns
    DashboardPage* m_dashboard = nullptr;
    db::ConnectionWatch* m_watch = nullptr;
    db::ChangeFeed* m_feed = nullptr; // other desktops' saves (PostgreSQL)
    QHash<QString, QAction*> m_actions;
    QLabel* m_whereLabel = nullptr;
    QLabel* m_message = nullptr;
    QToolButton* m_undo = nullptr;
    std::unique_ptr<tables::EditSession> m_session; // save, discard and undo across the pages
    bool m_leavingKeptEdits = false; // after keepEditsForNextStart(): closing asks nothing
};

} // namespace agency::ui
