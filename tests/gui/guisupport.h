// SPDX-License-Identifier: GPL-3.0-or-later
// What the GUI tests share: the window on a scratch database, and answering a modal dialog.
#pragma once

#include "db/connectionstring.h"
#include "detailpanels.h"
#include "mainwindow.h"
#include "recordform.h"
#include "support/scratchdatabase.h"
#include "tablepage.h"

#include <QApplication>
#include <QChartView>
#include <QElapsedTimer>
#include <QFile>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QLineEdit>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTimer>
#include <QWidget>
#include <QtTest>
#include <functional>
#include <memory>

namespace agency::test {

// Runs `handle` on the next modal dialog of type T as soon as it is shown (the test itself waits in its exec());
// other modal windows, such as a progress dialog that comes and goes, are left alone.
template <typename T> void whenDialog(const std::function<void(T*)>& handle)
{
    auto* poll = new QTimer;
    auto started = std::make_shared<QElapsedTimer>();
    started->start();
    QObject::connect(poll, &QTimer::timeout, [poll, handle, started]() {
        T* dialog = qobject_cast<T*>(QApplication::activeModalWidget());
        if (dialog || started->elapsed() > 10000) {
            poll->stop();
            poll->deleteLater();
            if (dialog)
                handle(dialog);
        }
    });
    poll->start(20);
}

// Runs `handle` on the next modal dialog, whichever it is.
inline void whenModal(const std::function<void(QWidget*)>& handle)
{
    whenDialog<QWidget>(handle);
}

// The environment a command-line run of the app gets in a test: its own home and data folder, C.UTF-8.
inline QProcessEnvironment cliEnvironment(const QString& home)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    return env;
}

// Opens the client `id` on the Clients page (Ctrl+2) and types `text` into its `column` field as a person would
// (focus, select all, keys). Returns the field, or null when the client or the field is not there.
inline QLineEdit* typeIntoClient(ui::MainWindow& window, const QString& id, const char* column, const QString& text)
{
    QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
    ui::TablePage* clients = window.page(ui::MainWindow::Clients);
    if (!clients->showRecord(id))
        return nullptr;
    auto* field = qobject_cast<QLineEdit*>(clients->form()->editor(QString::fromLatin1(column)));
    if (!field)
        return nullptr;
    field->setFocus();
    field->selectAll();
    QTest::keyClicks(field, text);
    return field;
}

inline db::ConnectionString whereOf(const ScratchDatabase& scratch)
{
    return *db::ConnectionString::parse(scratch.dsn(), nullptr);
}

// Waits until the campaign detail panel (`root` itself or the one inside it) has shown the figures last asked for,
// which it reads on its own database thread.
inline bool campaignFiguresShown(QWidget& root, int timeoutMs = 10000)
{
    auto* panel = qobject_cast<ui::CampaignDetailPanel*>(&root);
    if (!panel)
        panel = root.findChild<ui::CampaignDetailPanel*>();
    return panel && QTest::qWaitFor([panel]() { return !panel->isReading(); }, timeoutMs);
}

// Shows the window and waits until it is on screen and has the keyboard (as a window manager gives it; keys typed
// go nowhere before that on X11).
inline bool shown(QWidget& window)
{
    window.show();
    window.activateWindow();
    return QTest::qWaitForWindowExposed(&window) && QTest::qWaitForWindowActive(&window);
}

// The texts a chart view draws now: each visible text item lying whole inside the view (a label pushed out of it,
// hidden by Qt, or elided counts as not drawn), with white space as laid out (runs of spaces as one).
inline QStringList drawnTexts(QChartView* view)
{
    view->viewport()->repaint();
    QStringList drawn;
    const QRectF inside = view->mapToScene(view->viewport()->rect()).boundingRect();
    const auto items = view->scene()->items();
    for (QGraphicsItem* item : items) {
        if (!item->isVisible() || !inside.contains(item->sceneBoundingRect().adjusted(1, 1, -1, -1)))
            continue;
        if (auto* text = dynamic_cast<QGraphicsTextItem*>(item))
            drawn << text->toPlainText().replace(QChar::LineSeparator, u' ').replace(u'\n', u' ').simplified();
        else if (auto* simple = dynamic_cast<QGraphicsSimpleTextItem*>(item))
            drawn << simple->text().simplified();
    }
    return drawn;
}

// The SQL statements of README's `block`th ```sql block after "### Three example roles" (0: the first), comments left
// out, one per semicolon, with each role name of `roles` given `suffix` (a test's roles do not meet another's).
inline QStringList readmeRoleStatements(int block, const QStringList& roles, const QString& suffix)
{
    QFile readme(QStringLiteral(AGENCY_OS_FIXTURES_DIR "/../../README.md"));
    if (!readme.open(QIODevice::ReadOnly))
        return {};
    const QString text = QString::fromUtf8(readme.readAll());
    qsizetype at = text.indexOf(QStringLiteral("### Three example roles"));
    if (at < 0)
        return {};
    qsizetype open = -1;
    qsizetype close = at;
    for (int b = 0; b <= block; ++b) {
        open = text.indexOf(QStringLiteral("```sql\n"), close);
        close = open < 0 ? -1 : text.indexOf(QStringLiteral("```"), open + 7);
        if (close < 0)
            return {};
        close += 3;
    }
    QString sql = text.mid(open + 7, close - 3 - open - 7);
    const QRegularExpression names(QStringLiteral("\\b(%1)\\b").arg(roles.join(u'|')));
    sql.replace(names, QStringLiteral("\\1") + suffix);
    QString plain; // the comments out first (they may hold a semicolon), then a statement per semicolon
    for (const QString& line : sql.split(u'\n')) {
        if (!line.trimmed().startsWith(QStringLiteral("--")))
            plain += line + u'\n';
    }
    QStringList statements;
    for (const QString& statement : plain.split(u';')) {
        if (!statement.trimmed().isEmpty())
            statements << statement.trimmed();
    }
    return statements;
}

} // namespace agency::test

// The main window over a scratch database, shown and exposed: the window fixture of the GUI tests.
#define AGENCY_WINDOW(var, scratch)                                                                                    \
    agency::ui::MainWindow var((scratch).db(), agency::test::whereOf(scratch), false);                                 \
    QVERIFY(agency::test::shown(var))
