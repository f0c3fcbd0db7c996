// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QThread>
#include <atomic>
#include <memory>

namespace agency::test {

// A slow link between the app and a database server, on 127.0.0.1: a TCP proxy on a thread of its own that forwards
// every connection to `targetPort`, holding each piece of data `delayMs` in each direction (a remote server, as a
// person in another building meets it), and counts what the clients send (each read from a client is one message:
// a query, a sync, a cancel).
class LinkProxy {
public:
    explicit LinkProxy(quint16 targetPort, int delayMs = 0);
    ~LinkProxy();
    LinkProxy(const LinkProxy&) = delete;
    LinkProxy& operator=(const LinkProxy&) = delete;

    // The port to connect to instead of the server's (0 when it could not listen).
    quint16 port() const { return m_port; }
    // How many messages clients have sent through it since it started, or since resetCount().
    qint64 messagesFromClients() const { return m_messages.load(); }
    void resetCount() { m_messages.store(0); }

private:
    QThread m_thread;
    quint16 m_port = 0;
    std::atomic<qint64> m_messages { 0 };
};

} // namespace agency::test
