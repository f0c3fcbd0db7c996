// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QSocketNotifier;

namespace agency::app {

// SIGTERM, SIGINT and SIGHUP (a shutdown, Ctrl+C in the terminal that started the window, a logout) as a Qt signal
// in the event loop, where the window can keep its unsaved edits before it goes. The handler itself only writes the
// signal's number into a socket pair (the one thing a handler may safely do); there is one watcher per process.
class TerminationSignals : public QObject {
    Q_OBJECT
public:
    explicit TerminationSignals(QObject* parent = nullptr);
    ~TerminationSignals() override; // the signals' default actions again

Q_SIGNALS:
    void received(int signal);

private:
    QSocketNotifier* m_notifier = nullptr;
};

} // namespace agency::app
