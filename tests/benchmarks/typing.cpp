// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark: the real window (MainWindow on a real database, painted by the platform the environment chooses: run it
// under Xvfb with QT_QPA_PLATFORM=xcb), measured from the key a person presses to the paint that shows its result:
//  - page switch: Ctrl+1 … Ctrl+5 to the first paint of that page's table (or the dashboard), first visit and again;
//  - typing: a digit typed into a campaign's "Budget allocated" to the next paint of that field, on the first row and
//    on a row far down (the page scrolled that far), with the budget split following every key.
//  - the dashboard: Ctrl+1 to its figures (worked out off the GUI thread) and their paint;
//  - search: a text typed into the Channels page's search box (Ctrl+F), from its last key to the paint of the rows
//    found; the window waits 250 ms after a key for the next one before it searches, so the time from the search's
//    start (read in the background) is printed too.
// Prints best, median and worst in milliseconds.
//   typing DSN [deep row, default 20000]
#include "dashboardpage.h"
#include "db/connectionstring.h"
#include "db/database.h"
#include "mainwindow.h"
#include "recordform.h"
#include "tablepage.h"
#include "tables/agencytablemodel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <algorithm>
#include <cstdio>

using namespace agency;

namespace {

// The times (ms on `clock`) at which a widget is painted.
class PaintClock : public QObject {
public:
    PaintClock(QWidget* widget, const QElapsedTimer& clock)
        : m_widget(widget)
        , m_clock(clock)
    {
        widget->installEventFilter(this);
    }
    ~PaintClock() override { m_widget->removeEventFilter(this); }
    PaintClock(const PaintClock&) = delete;
    PaintClock& operator=(const PaintClock&) = delete;
    // The first paint after `ms`, waiting up to `timeout` ms for it (the event loop running meanwhile); -1 when none
    // came.
    double firstAfter(double ms, int timeout = 5000) const
    {
        QElapsedTimer waited;
        waited.start();
        while (waited.elapsed() < timeout) {
            for (const double at : m_paints) {
                if (at > ms)
                    return at;
            }
            QCoreApplication::processEvents(QEventLoop::AllEvents, 2);
        }
        return -1;
    }
    bool eventFilter(QObject* /*watched*/, QEvent* event) override
    {
        if (event->type() == QEvent::Paint)
            m_paints << static_cast<double>(m_clock.nsecsElapsed()) / 1e6;
        return false;
    }

private:
    QWidget* m_widget;
    const QElapsedTimer& m_clock;
    QList<double> m_paints;
};

// The process's peak resident memory so far (VmHWM), as /proc says it.
QByteArray peakMemory()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray& line : status.readAll().split('\n')) {
            if (line.startsWith("VmHWM:"))
                return line.mid(6).trimmed();
        }
    }
    return "unknown";
}

// Milliseconds from `act` to the next paint of `widget` (the event loop running meanwhile), or -1 after 10 s.
double untilPainted(QWidget* widget, const std::function<void()>& act)
{
    QElapsedTimer timer;
    timer.start();
    const PaintClock paints(widget, timer);
    act();
    return paints.firstAfter(-1, 10000);
}

void report(const char* what, QList<double> ms)
{
    std::sort(ms.begin(), ms.end());
    std::printf("%-44s best %7.1f ms  median %7.1f ms  worst %7.1f ms  (%lld)\n", what, ms.constFirst(),
        ms.at(ms.size() / 2), ms.constLast(), static_cast<long long>(ms.size()));
}

void settle()
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 300)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("agency-os-bench"));
    QCoreApplication::setApplicationName(QStringLiteral("typing"));
    QSettings().clear();
    if (argc < 2) {
        std::fprintf(stderr, "usage: typing DSN [deep row]\n");
        return 2;
    }
    const int deep = argc > 2 ? std::atoi(argv[2]) : 20000;
    QString error;
    const auto where = db::ConnectionString::parse(QString::fromLocal8Bit(argv[1]), &error);
    if (!where) {
        std::fprintf(stderr, "typing: %s\n", qPrintable(error));
        return 2;
    }
    QSqlDatabase db = db::openDatabase(*where, QStringLiteral("bench"), &error);
    if (!db.isOpen()) {
        std::fprintf(stderr, "typing: %s\n", qPrintable(error));
        return 1;
    }
    ui::MainWindow window(db, *where, false);
    window.resize(1500, 900);
    window.show();
    window.activateWindow(); // shortcuts reach an active window only
    if (!QTest::qWaitForWindowExposed(&window) || !QTest::qWaitForWindowActive(&window)) {
        std::fprintf(stderr, "typing: the window was not shown and activated\n");
        return 1;
    }
    settle();

    // Page switches: each page's first visit reads its table; the second shows what was read.
    const QList<std::pair<ui::MainWindow::Page, const char*>> pages { { ui::MainWindow::Campaigns, "Campaigns" },
        { ui::MainWindow::Channels, "Channels" }, { ui::MainWindow::SlaTiers, "SLA tiers" },
        { ui::MainWindow::Clients, "Clients" } };
    for (const bool again : { false, true }) {
        for (const auto& [page, name] : pages) {
            QWidget* view = window.page(page)->view()->viewport();
            const double ms = untilPainted(view, [&, p = page]() {
                QTest::keyClick(&window, static_cast<Qt::Key>(Qt::Key_1 + int(p)), Qt::ControlModifier);
            });
            std::printf("%-44s %7.1f ms, %d rows\n",
                qPrintable(
                    QStringLiteral("page switch to %1 (%2)")
                        .arg(QLatin1String(name), again ? QStringLiteral("again") : QStringLiteral("first visit"))),
                ms, window.page(page)->model()->rowCount());
            settle();
        }
    }

    // The dashboard: from Ctrl+1 to its figures painted (worked out on a thread of their own), first visit and again
    // after a refresh.
    for (const bool again : { false, true }) {
        ui::DashboardPage* dashboard = window.dashboard();
        QSignalSpy refreshed(dashboard, &ui::DashboardPage::refreshed);
        QElapsedTimer timer;
        timer.start();
        if (again)
            dashboard->refresh();
        else
            QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
        while (refreshed.isEmpty() && timer.elapsed() < 60000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        const double figures = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        const double painted = figures + untilPainted(dashboard, []() {});
        std::printf("%-44s %7.1f ms to the figures, %7.1f ms to their paint\n",
            again ? "dashboard refreshed" : "dashboard (Ctrl+1, first visit)", figures, painted);
        settle();
    }

    // Typing into a campaign's budget, on the first row and far down.
    QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
    settle();
    ui::TablePage* campaigns = window.page(ui::MainWindow::Campaigns);
    tables::AgencyTableModel* model = campaigns->model();
    for (const int row : { 0, deep }) {
        while (model->rowCount() <= row && model->canFetchMore({}))
            model->fetchMore({});
        const int at = std::min(row, model->rowCount() - 1);
        if (!campaigns->showRecord(model->idAt(at)))
            return 1;
        settle();
        auto* budget = campaigns->form()->editor(QStringLiteral("budget_allocated"));
        budget->setFocus();
        settle();
        QList<double> keys;
        for (int i = 0; i < 12; ++i) {
            QTest::keyClick(budget, Qt::Key_End);
            settle();
            keys << untilPainted(budget, [&]() { QTest::keyClick(budget, Qt::Key_7); });
            QTest::keyClick(budget, Qt::Key_Backspace); // back to a budget the campaign can hold
            settle();
        }
        report(qPrintable(QStringLiteral("typing a digit into the budget, row %L1").arg(at + 1)), keys);
        model->discardChanges();
    }
    std::printf("peak memory before the searches (VmHWM)      %s\n", peakMemory().constData());
    // Searching the channels as a person does: Ctrl+F, the text typed key by key.
    QTest::keyClick(&window, static_cast<Qt::Key>(Qt::Key_1 + int(ui::MainWindow::Channels)), Qt::ControlModifier);
    settle();
    tables::AgencyTableModel* channels = window.page(ui::MainWindow::Channels)->model();
    QWidget* viewport = window.page(ui::MainWindow::Channels)->view()->viewport();
    const auto waitFor = [&](const QString& text) {
        QElapsedTimer timer;
        timer.start();
        while ((channels->searchText() != text || channels->isBusy()) && timer.elapsed() < 20000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 2);
    };
    for (const QString& text :
        { QStringLiteral("tiktok"), QStringLiteral("ads"), QStringLiteral("acct"), QStringLiteral("zzqx") }) {
        QList<double> fromKey;
        QList<double> fromStart;
        QList<double> toPaint;
        QList<double> freeAgain;
        for (int run = 0; run < 3; ++run) {
            QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier); // the box, its text selected
            QWidget* box = QApplication::focusWidget();
            QTest::keyClick(box, Qt::Key_Delete);
            waitFor({});
            settle();
            QTest::keyClicks(box, text.chopped(1));
            QElapsedTimer timer;
            double started = -1;
            double replaced = -1;
            const auto busy = QObject::connect(channels, &tables::AgencyTableModel::busyChanged, [&](bool on) {
                if (on)
                    started = static_cast<double>(timer.nsecsElapsed()) / 1e6;
            });
            const auto reset = QObject::connect(channels, &QAbstractItemModel::modelReset,
                [&]() { replaced = static_cast<double>(timer.nsecsElapsed()) / 1e6; });
            timer.start();
            const PaintClock paints(viewport, timer);
            QTest::keyClick(box, text.back().toLatin1());
            waitFor(text);
            QObject::disconnect(busy);
            QObject::disconnect(reset);
            // The rows found are on screen at the first paint after they replaced the others.
            const double painted = replaced < 0 ? -1 : paints.firstAfter(replaced);
            if (painted < 0) {
                std::printf("search \"%s\": no paint of the rows found within 5 s\n", qPrintable(text));
                continue;
            }
            fromKey << painted;
            if (started >= 0)
                fromStart << painted - started;
            toPaint << painted - replaced;
            // And the window free for the next key: a zero-timer posted after the paint, to when it runs.
            bool free = false;
            QTimer::singleShot(0, [&free]() { free = true; });
            while (!free)
                QCoreApplication::processEvents(QEventLoop::AllEvents, 2);
            freeAgain << static_cast<double>(timer.nsecsElapsed()) / 1e6 - painted;
        }
        if (fromKey.isEmpty())
            return 1;
        report(qPrintable(QStringLiteral("search \"%1\": last key to rows painted").arg(text)), fromKey);
        if (!fromStart.isEmpty())
            report(qPrintable(QStringLiteral("search \"%1\": its start to rows painted").arg(text)), fromStart);
        report(qPrintable(QStringLiteral("search \"%1\": rows replaced to painted").arg(text)), toPaint);
        report(qPrintable(QStringLiteral("search \"%1\": painted to the window free").arg(text)), freeAgain);
        std::printf("%-44s %lld rows, peak memory now %s\n",
            qPrintable(QStringLiteral("search \"%1\" found").arg(text)), static_cast<long long>(channels->rowCount()),
            peakMemory().constData());
    }

    // The process's peak memory over all of it (every page read, the campaigns scrolled that far, the dashboard, the
    // searches).
    std::printf("peak memory (VmHWM)                          %s\n", peakMemory().constData());
    return 0;
}
