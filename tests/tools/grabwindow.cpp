// SPDX-License-Identifier: GPL-3.0-or-later
// Saves what an X11 window shows, as a person sees it on the display (for docs/screenshots under Xvfb).
// Usage: grabwindow WINDOW_ID OUTPUT.png   (the id as xdotool prints it)
#include <QGuiApplication>
#include <QPixmap>
#include <QScreen>
#include <cstdio>

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "xcb");
    QGuiApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    bool ok = false;
    const WId window = args.size() == 3 ? args.at(1).toULongLong(&ok) : 0;
    if (!ok) {
        std::fputs("usage: grabwindow WINDOW_ID OUTPUT.png\n", stderr);
        return 2;
    }
    const QPixmap shot = QGuiApplication::primaryScreen()->grabWindow(window);
    if (shot.isNull() || !shot.save(args.at(2), "PNG")) {
        std::fprintf(stderr, "grabwindow: error: cannot grab window %s into %s\n", qPrintable(args.at(1)),
            qPrintable(args.at(2)));
        return 1;
    }
    return 0;
}
