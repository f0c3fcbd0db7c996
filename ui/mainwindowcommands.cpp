// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow's commands: its actions with their shortcuts, the menus that hold them, and the keys the window takes
// before a field does.
#include "charts/chartoutput.h"
#include "clientoverviewdialog.h"
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
#include "mainwindow.h"
#include "mergevaluesdialog.h"
#include "plainmessage.h"
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

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    // A text field claims Ctrl+E ("end of line", as in Emacs) before the window's Export sees it: with the focus in
    // the search box or a form field, the command is what the person means. (Ctrl+Z, Delete and the like stay the
    // field's own: undo typing, delete a character.)
    if (event->type() == QEvent::ShortcutOverride) {
        auto* widget = qobject_cast<QWidget*>(watched);
        const QKeySequence pressed(static_cast<QKeyEvent*>(event)->keyCombination());
        if (widget && widget->window() == this && pressed == m_actions.value(QStringLiteral("export"))->shortcut()) {
            event->ignore();
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::createActions()
{
    struct Spec {
        const char* name;
        const char* icon;
        QString text;
        QKeySequence keys;
    };
    const QList<Spec> specs {
        { "new", "new", tr("&New"), QKeySequence::New },
        { "save", "save", tr("&Save"), QKeySequence::Save },
        { "revert", "revert", tr("&Revert row"), QKeySequence(Qt::CTRL | Qt::Key_Z) },
        { "delete", "delete", tr("&Delete"), QKeySequence::Delete },
        { "restore", "restore", tr("Res&tore"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R) },
        { "showDeleted", "show-deleted", tr("Show de&leted"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D) },
        { "find", "search", tr("&Find…"), QKeySequence::Find },
        { "export", "export", tr("&Export…"), QKeySequence(Qt::CTRL | Qt::Key_E) },
        { "connect", "connect", tr("&Connect to…"), QKeySequence(Qt::CTRL | Qt::Key_O) },
        { "import", "import", tr("&Import CSV…"), QKeySequence(Qt::CTRL | Qt::Key_I) },
    };
    for (const Spec& spec : specs) {
        auto* action = new QAction(appIcon(spec.icon), spec.text, this);
        action->setObjectName(QString::fromLatin1(spec.name));
        action->setShortcut(spec.keys);
        action->setToolTip(QString(spec.text).remove(u'&') + QStringLiteral(" (")
            + spec.keys.toString(QKeySequence::NativeText) + u')');
        m_actions.insert(QString::fromLatin1(spec.name), action);
    }
    m_actions.value(QStringLiteral("showDeleted"))->setCheckable(true);
    for (const char* name : { "new", "save", "revert", "delete", "restore" })
        m_actions.value(QString::fromLatin1(name))->setEnabled(!m_readOnly || qstrcmp(name, "revert") == 0);

    connect(m_actions.value(QStringLiteral("new")), &QAction::triggered, this, [this]() {
        if (auto* page = currentTablePage())
            page->newRecord();
    });
    connect(m_actions.value(QStringLiteral("save")), &QAction::triggered, this, &MainWindow::saveAll);
    connect(m_actions.value(QStringLiteral("revert")), &QAction::triggered, this, [this]() {
        if (m_undo->isVisible()) { // a delete just made: Ctrl+Z takes it back (in a field, it undoes typing)
            m_undo->click();
            return;
        }
        if (auto* page = currentTablePage())
            page->revert();
    });
    connect(m_actions.value(QStringLiteral("delete")), &QAction::triggered, this, [this]() {
        if (auto* page = currentTablePage())
            page->deleteSelected();
    });
    connect(m_actions.value(QStringLiteral("restore")), &QAction::triggered, this, [this]() {
        if (auto* page = currentTablePage())
            page->restoreSelected();
    });
    connect(m_actions.value(QStringLiteral("showDeleted")), &QAction::toggled, this, [this](bool on) {
        for (TablePage* page : std::as_const(m_tablePages))
            page->setShowDeleted(on);
        m_clientDetail->setShowDeleted(on);
    });
    connect(m_actions.value(QStringLiteral("find")), &QAction::triggered, this, [this]() {
        if (auto* page = currentTablePage())
            page->focusSearch();
    });
    connect(m_actions.value(QStringLiteral("export")), &QAction::triggered, this, [this]() {
        auto* page = currentTablePage();
        if (!page)
            return;
        if (!askCsvOptions(this))
            return;
        QSettings settings;
        const QString folder = settings.value(QStringLiteral("export/folder"), QDir::homePath()).toString();
        const QString name = page->model()->tableName().mid(7).replace(u'_', u'-') + QStringLiteral(".csv");
        const QString path = chooseFileToSave(this, tr("Export the current view"), folder + u'/' + name,
            tr("CSV files (*.csv);;Excel workbooks (*.xlsx)"));
        if (path.isEmpty())
            return;
        settings.setValue(QStringLiteral("export/folder"), QFileInfo(path).absolutePath());
        exportCurrentView(path, [this, path](bool ok) {
            if (ok
                && askPlain(this, tr("Export finished"),
                       tr("Exported to %1.\nOpen the folder?").arg(QDir::toNativeSeparators(path)))
                    == QMessageBox::Yes)
                QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(path).absolutePath()));
        });
    });
    connect(m_actions.value(QStringLiteral("connect")), &QAction::triggered, this, &MainWindow::openConnectionDialog);
    connect(m_actions.value(QStringLiteral("import")), &QAction::triggered, this, [this]() {
        auto* page = currentTablePage();
        if (!page || !confirmLeaving())
            return;
        ImportDialog dialog(m_where, page->model()->tableName(), this);
        if (dialog.exec() == QDialog::Accepted) {
            page->model()->select();
            showMessage(dialog.summary());
            refreshAfterChange();
        }
    });
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_actions.value(QStringLiteral("connect")));
    file->addAction(m_actions.value(QStringLiteral("export")));
    file->addAction(m_actions.value(QStringLiteral("import")));
    file->addSeparator();
    auto* quit = file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    quit->setObjectName(QStringLiteral("quit"));
    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    for (const char* name : { "new", "save", "revert", "delete", "restore", "find" })
        edit->addAction(m_actions.value(QString::fromLatin1(name)));
    edit->addSeparator();
    QAction* merge = edit->addAction(tr("&Merge channel types…"), this, &MainWindow::mergeChannelTypes);
    merge->setObjectName(QStringLiteral("mergeChannelTypes"));
    merge->setEnabled(!m_readOnly);
    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_actions.value(QStringLiteral("showDeleted")));
    QAction* history
        = view->addAction(tr("Record &history"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Y), this, [this]() {
              if (TablePage* page = currentTablePage())
                  page->toggleHistory();
          });
    history->setObjectName(QStringLiteral("recordHistory"));
    m_actions.insert(QStringLiteral("recordHistory"), history);
    QAction* recent = view->addAction(
        tr("Recent &changes…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H), this, &MainWindow::showRecentChanges);
    recent->setObjectName(QStringLiteral("recentChanges"));
    m_actions.insert(QStringLiteral("recentChanges"), recent);
    QAction* overview
        = view->addAction(tr("Client &overview…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), this, [this]() {
              // The client selected on the Clients page, or the one whose campaign is selected.
              QString client;
              if (currentTablePage() == page(Clients))
                  client = page(Clients)->currentId();
              if (client.isEmpty()) {
                  showMessage(tr("Select a client on the Clients page first"));
                  return;
              }
              ClientOverviewDialog dialog(m_where, client, this);
              dialog.exec();
          });
    overview->setObjectName(QStringLiteral("clientOverview"));
    m_actions.insert(QStringLiteral("clientOverview"), overview);
    QMenu* theme = view->addMenu(tr("&Theme"));
    auto* themes = new QActionGroup(this);
    const QString current = QSettings().value(QStringLiteral("window/theme"), QStringLiteral("system")).toString();
    for (const auto& [key, label] : QList<QPair<QString, QString>> { { QStringLiteral("system"), tr("System") },
             { QStringLiteral("light"), tr("Light") }, { QStringLiteral("dark"), tr("Dark") } }) {
        QAction* choice = theme->addAction(label);
        choice->setCheckable(true);
        choice->setChecked(key == current);
        themes->addAction(choice);
        connect(choice, &QAction::triggered, this, [key = key]() {
            QSettings().setValue(QStringLiteral("window/theme"), key);
            applyTheme(key);
        });
    }
    // The language the window speaks, for people whose desktop speaks another (settings "window/language"; empty:
    // the desktop's). Read at start-up (agency::app::uiLocale), as every text is made then.
    QMenu* language = view->addMenu(tr("&Language"));
    language->setObjectName(QStringLiteral("languageMenu"));
    auto* languages = new QActionGroup(this);
    const QString spoken = QSettings().value(QStringLiteral("window/language")).toString();
    // Each language by its own name, as language pickers write them.
    for (const auto& [code, label] : QList<QPair<QString, QString>> { { QString(), tr("System language") },
             { QStringLiteral("en"), QStringLiteral("English") }, { QStringLiteral("de"), QStringLiteral("Deutsch") },
             { QStringLiteral("fr"), QStringLiteral("Français") } }) {
        QAction* choice = language->addAction(label);
        choice->setObjectName(QStringLiteral("language_") + (code.isEmpty() ? QStringLiteral("system") : code));
        choice->setCheckable(true);
        choice->setChecked(code == spoken);
        languages->addAction(choice);
        connect(choice, &QAction::triggered, this, [this, code = code, label = label]() {
            if (QSettings().value(QStringLiteral("window/language")).toString() == code)
                return;
            QSettings().setValue(QStringLiteral("window/language"), code);
            QMessageBox ask(QMessageBox::Question, tr("Language"),
                tr("Agency OS speaks %1 from its next start. Restart it now?").arg(label), QMessageBox::NoButton, this);
            QPushButton* now = ask.addButton(tr("Restart now"), QMessageBox::AcceptRole);
            ask.addButton(tr("Later"), QMessageBox::RejectRole);
            ask.exec();
            // Closing asks about unsaved edits first; only a window that did close starts again.
            if (ask.clickedButton() == now && close())
                QProcess::startDetached(QCoreApplication::applicationFilePath(), QCoreApplication::arguments().mid(1));
        });
    }
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* shortcuts = help->addAction(tr("&Keyboard shortcuts"), QKeySequence::HelpContents, this, [this]() {
        QList<QAction*> listed;
        for (const char* name : { "new", "save", "revert", "delete", "restore", "showDeleted", "recordHistory",
                 "recentChanges", "clientOverview", "find", "export", "connect", "import" })
            listed << m_actions.value(QString::fromLatin1(name));
        listed << findChild<QAction*>(QStringLiteral("quit"));
        ShortcutsDialog(listed, this).exec();
    });
    shortcuts->setObjectName(QStringLiteral("shortcutsHelp"));
    QAction* guide = help->addAction(tr("&User guide"), this, [this]() { UserGuideDialog(this).exec(); });
    guide->setObjectName(QStringLiteral("userGuideHelp"));
    help->addSeparator();
    QAction* about = help->addAction(tr("&About Agency OS"), this, [this]() {
        QMessageBox::about(this, tr("About Agency OS"),
            tr("<h3>Agency OS %1</h3><p>Clients, campaigns, channels and budgets for agencies running Plane.</p>"
               "<p>Licensed under the GNU GPL, version 3 or later.</p>")
                .arg(QCoreApplication::applicationVersion()));
    });
    about->setObjectName(QStringLiteral("about"));
}

} // namespace agency::ui
