// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark for the client overview (issue 30): the dialog as a person opens it, from its construction to the first
// paint of its page with the month's figures, best / median / worst of five; in calendar hours, then with response
// times counted in business hours (Mon-Fri 09:00-17:00 UTC).
//   overview DSN CLIENT_ID
#include "businesshoursdialog.h"
#include "clientoverviewdialog.h"
#include "db/connectionstring.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTextBrowser>
#include <algorithm>
#include <cstdio>

using namespace agency;

namespace {

void print(const char* what, QList<double> ms)
{
    std::sort(ms.begin(), ms.end());
    std::printf("%-36s best %7.1f  median %7.1f  worst %7.1f ms\n", what, ms.constFirst(), ms.at(ms.size() / 2),
        ms.constLast());
}

// Paints of a widget once the figures are there.
class PaintAfter : public QObject {
public:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint && shown)
            painted = true;
        return QObject::eventFilter(watched, event);
    }
    bool shown = false;
    bool painted = false;
};

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("agency-os-bench"));
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 3) {
        std::fprintf(stderr, "usage: overview DSN CLIENT_ID\n");
        return 2;
    }
    QString error;
    const auto where = db::ConnectionString::parse(args.at(1), &error);
    if (!where) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 2;
    }
    QString hoursError;
    ui::BusinessHoursDialog::rememberHours(
        *domain::BusinessHours::parse(QStringLiteral("Mon-Fri 09:00-17:00 UTC"), &hoursError));
    for (const bool business : { false, true }) {
        ui::BusinessHoursDialog::setCountsBusinessHours(business);
        QList<double> ms;
        for (int i = 0; i < 5; ++i) {
            QElapsedTimer took;
            took.start();
            ui::ClientOverviewDialog dialog(*where, args.at(2));
            PaintAfter paint;
            auto* page = dialog.findChild<QTextBrowser*>(QStringLiteral("overviewPage"));
            page->viewport()->installEventFilter(&paint);
            QObject::connect(&dialog, &ui::ClientOverviewDialog::shown, &dialog, [&paint, page]() {
                paint.shown = true;
                page->viewport()->update();
            });
            dialog.show();
            while (!paint.painted && took.elapsed() < 60000)
                QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
            if (!paint.painted) {
                std::fprintf(stderr, "the overview did not show within a minute\n");
                return 1;
            }
            ms << double(took.nsecsElapsed()) / 1e6;
            if (i == 0 && !business)
                std::printf(
                    "client overview: %lld characters on the page\n", static_cast<long long>(dialog.text().size()));
        }
        print(business ? "overview, business hours" : "overview, calendar hours", ms);
    }
    return 0;
}
