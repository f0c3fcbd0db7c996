// SPDX-License-Identifier: GPL-3.0-or-later
// What the GUI tests share: the window on a scratch database, and answering a modal dialog.
#pragma once

#include "db/connectionstring.h"
#include "detailpanels.h"
#include "support/scratchdatabase.h"

#include <QApplication>
#include <QChartView>
#include <QElapsedTimer>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QTimer>
#include <QWidget>
#include <QtTest>
#include <functional>
#include <memory>

namespace agency::test {

// Runs `handle` on the next modal dialog of type T as soon as it is shown (the test itself waits in its exec());
// other modal windows, such as a progress dialog that comes and goes, are left alone.
template<typename T> void whenDialog(const std::function<void(T*)>& handle)
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

} // namespace agency::test

// The main window over a scratch database, shown and exposed: the window fixture of the GUI tests.
#define AGENCY_WINDOW(var, scratch)                                                                                    \
    agency::ui::MainWindow var((scratch).db(), agency::test::whereOf(scratch), false);                                 \
    QVERIFY(agency::test::shown(var))
