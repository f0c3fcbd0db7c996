// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark for the change history (issue 29):
//  - saves: single-row saves as the window makes them (a campaign's budget set and saved through the table model),
//    N times, mean and median in ms — run on a schema with and without migration 0008's triggers to see their cost;
//  - recent: Recent changes opened on the database as it is, from the dialog's construction to its first paint of
//    the newest page, best / median / worst of five.
//   history DSN saves [N, default 200]
//   history DSN recent
#include "db/connectionstring.h"
#include "db/database.h"
#include "recentchangesdialog.h"
#include "tables/agencytablemodel.h"
#include "tables/tablespec.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTreeWidget>
#include <algorithm>
#include <cstdio>

using namespace agency;

namespace {

void print(const char* what, QList<double> ms)
{
    std::sort(ms.begin(), ms.end());
    double sum = 0;
    for (double m : ms)
        sum += m;
    std::printf("%-28s n=%-4lld best %7.2f  median %7.2f  mean %7.2f  worst %7.2f ms\n", what,
        static_cast<long long>(ms.size()), ms.constFirst(), ms.at(ms.size() / 2), sum / double(ms.size()),
        ms.constLast());
}

class FirstPaint : public QObject {
public:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint && !painted)
            painted = true;
        return QObject::eventFilter(watched, event);
    }
    bool painted = false;
};

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 3) {
        std::fprintf(stderr, "usage: history DSN saves [N] | history DSN recent\n");
        return 2;
    }
    QString error;
    const auto where = db::ConnectionString::parse(args.at(1), &error);
    if (!where) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 2;
    }
    QSqlDatabase db = db::openDatabase(*where, QStringLiteral("bench"), &error);
    if (!db.isOpen()) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    if (args.at(2) == QStringLiteral("saves")) {
        const int n = args.value(3, QStringLiteral("200")).toInt();
        tables::AgencyTableModel model(tables::campaignsSpec(), db);
        const int column = model.fieldIndex(tables::campaignsSpec().columnFor(tables::ColumnRole::Allocated));
        if (model.rowCount() == 0 || column < 0) {
            std::fprintf(stderr, "no campaigns to save\n");
            return 1;
        }
        QList<double> ms;
        for (int i = 0; i < n; ++i) {
            const int row = i % std::min(model.rowCount(), 50);
            QElapsedTimer took;
            took.start();
            model.setData(
                model.index(row, column), QStringLiteral("%1.%2").arg(1000 + i).arg(i % 100, 2, 10, QChar(u'0')));
            if (!model.save()) {
                std::fprintf(stderr, "save failed: %s\n", qPrintable(model.lastMessage()));
                return 1;
            }
            ms << double(took.nsecsElapsed()) / 1e6;
        }
        print("single-row save", ms);
        return 0;
    }
    if (args.at(2) == QStringLiteral("recent")) {
        QList<double> ms;
        QList<double> read;
        for (int i = 0; i < 5; ++i) {
            QElapsedTimer took;
            took.start();
            ui::RecentChangesDialog dialog(db);
            FirstPaint paint;
            dialog.list()->viewport()->installEventFilter(&paint);
            dialog.show();
            while (!paint.painted && took.elapsed() < 30000)
                QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
            ms << double(took.nsecsElapsed()) / 1e6;
            read << double(dialog.lastReadMs());
            if (i == 0)
                std::printf("recent changes: %d lines on the first page\n", dialog.list()->topLevelItemCount());
        }
        print("open to first paint", ms);
        print("newest page read", read);
        return 0;
    }
    std::fprintf(stderr, "unknown mode %s\n", qPrintable(args.at(2)));
    return 2;
}
