// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow and its database: the connection watched and reopened, other desktops' saves followed, another
// database connected to.
#include "connectiondialog.h"
#include "dashboardpage.h"
#include "db/changefeed.h"
#include "db/connectionwatch.h"
#include "db/database.h"
#include "detailpanels.h"
#include "mainwindow.h"
#include "plainmessage.h"
#include "recordform.h"
#include "tablepage.h"
#include "tables/agencytablemodel.h"
#include "tables/editsession.h"

#include <QApplication>
#include <QLabel>
#include <QMessageBox>
#include <QProcess>
#include <QSettings>
#include <QStatusBar>

namespace agency::ui {

void MainWindow::refreshAfterChange()
{
    for (TablePage* p : std::as_const(m_tablePages))
        p->model()->forgetNames(); // a renamed client or tier shows its new name on every page
    m_clientDetail->refresh();
    for (TablePage* p : std::as_const(m_tablePages))
        p->form()->reloadChoices();
    m_campaignDetail->refresh();
    m_dashboard->refresh(); // charts follow the data
}

void MainWindow::watchConnection()
{
    if (db::dialectOf(m_db) != db::Dialect::PostgreSQL)
        return;
    m_watch = new db::ConnectionWatch(m_db, this);
    connect(m_watch, &db::ConnectionWatch::lost, this, [this](const QString& why) {
        m_whereLabel->setText(tr("Connection lost — retrying every few seconds; your edits are kept"));
        m_whereLabel->setStyleSheet(QStringLiteral("color: #c62828; font-weight: bold;"));
        m_whereLabel->setToolTip(why);
        showMessage(tr("The connection to the database was lost: %1").arg(why));
    });
    connect(m_watch, &db::ConnectionWatch::restored, this, [this]() {
        subscribeToChanges(); // a reopened connection has no subscriptions
        showConnected();
        for (TablePage* p : std::as_const(m_tablePages))
            p->model()->refresh(); // fresh rows (of the pages read so far), every unsaved edit laid over them again
        refreshAfterChange();
        showMessage(tr("Reconnected. Unsaved edits are still here: save them when ready."));
    });
}

void MainWindow::showConnected()
{
    QString text = (m_readOnly ? tr("Read-only: ") : tr("Connected to ")) + m_where.redacted();
    QString tip;
    if (m_feed && m_feed->mode() == db::ChangeFeed::Mode::Polling) {
        const int seconds = m_feed->pollInterval() / 1000;
        text += u' ' + tr("· others' changes checked every %n s", nullptr, seconds);
        tip = tr("Live refresh is not available: %1. Other desktops' changes are looked for every %n s instead.",
            nullptr, seconds)
                  .arg(m_feed->whyPolling());
    }
    m_whereLabel->setText(text);
    m_whereLabel->setStyleSheet({});
    m_whereLabel->setToolTip(tip);
}

void MainWindow::subscribeToChanges()
{
    if (!m_feed) {
        m_feed = new db::ChangeFeed(m_db, this);
        connect(m_feed, &db::ChangeFeed::modeChanged, this, [this](db::ChangeFeed::Mode mode, const QString& why) {
            showConnected();
            if (mode == db::ChangeFeed::Mode::Polling)
                showMessage(tr("Live refresh is not available (%1): other desktops' changes are looked for every %n s "
                               "instead.",
                    nullptr, m_feed->pollInterval() / 1000)
                                .arg(why));
        });
        // Another desktop saved something: refresh the pages that show it, keeping edits and selection.
        // What it did to a row I am editing or looking at is said at once, not found out at Save.
        connect(m_feed, &db::ChangeFeed::changed, this,
            [this](const QSet<QString>& changedTables, const db::ChangedRows& rows) {
                for (TablePage* p : std::as_const(m_tablePages)) {
                    const QString table = p->model()->tableName();
                    if (!changedTables.contains(table)) {
                        p->model()->forgetNames(); // a client, tier or campaign it names may have been renamed
                        continue;
                    }
                    const QList<tables::OutsideChange> changes
                        = p->model()->changedElsewhere(rows.value(table), p->currentId());
                    p->model()->refresh();
                    if (const QString said = p->announce(changes); !said.isEmpty())
                        showMessage(said);
                }
                m_campaignDetail->reloadFigures();
                m_dashboard->refresh();
            });
    }
    m_feed->subscribe();
}

void MainWindow::openConnectionDialog()
{
    ConnectionDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted || !dialog.connection() || !m_connector || !confirmLeaving())
        return;
    QString error;
    const auto connected
        = ConnectionDialog::connectAsking(this, *dialog.connection(), m_connector, &error, dialog.rememberPassword());
    if (!connected) {
        if (dialog.connection()->dialect == db::Dialect::SQLite) // a server's refusal was shown in the dialog
            warnPlain(this, tr("Could not connect"), error);
        return;
    }
    ConnectionDialog::remember(connected->where);
    QSettings().setValue(QStringLiteral("database/last"), connected->where.redacted());
    // A fresh window on the new database; this one closes without asking again (its edits were settled above).
    auto* next = new MainWindow(connected->db, connected->where, connected->readOnly);
    next->setConnector(m_connector);
    next->setAttribute(Qt::WA_DeleteOnClose);
    next->show();
    m_session->discardAll();
    close();
}

} // namespace agency::ui
