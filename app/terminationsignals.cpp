// SPDX-License-Identifier: GPL-3.0-or-later
#include "terminationsignals.h"

#include <QSocketNotifier>
#include <array>
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace agency::app {

namespace {
    std::array<int, 2> pair { -1, -1 }; // [0] written by the handler, [1] read in the event loop
    constexpr std::array<int, 3> watched { SIGTERM, SIGINT, SIGHUP };

    void onSignal(int number)
    {
        const char byte = static_cast<char>(number);
        [[maybe_unused]] const ssize_t written = ::write(pair[0], &byte, 1);
    }
}

TerminationSignals::TerminationSignals(QObject* parent)
    : QObject(parent)
{
    if (pair[0] < 0 && ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair.data()) != 0)
        return;
    m_notifier = new QSocketNotifier(pair[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, [this]() {
        char byte = 0;
        if (::read(pair[1], &byte, 1) == 1)
            Q_EMIT received(static_cast<int>(byte));
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (const int number : watched)
        ::sigaction(number, &action, nullptr);
}

TerminationSignals::~TerminationSignals()
{
    for (const int number : watched)
        std::signal(number, SIG_DFL);
}

} // namespace agency::app
