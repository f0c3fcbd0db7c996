// SPDX-License-Identifier: GPL-3.0-or-later
#include "linkproxy.h"

#include <QHostAddress>
#include <QPointer>
#include <QSemaphore>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace agency::test {

namespace {

    // Forwards what `from` reads to `to`, `delayMs` later, in order.
    void forward(QTcpSocket* from, QTcpSocket* to, int delayMs, std::atomic<qint64>* counter)
    {
        QObject::connect(from, &QTcpSocket::readyRead, from, [from, to, delayMs, counter]() {
            const QByteArray data = from->readAll();
            if (counter)
                ++*counter;
            QPointer<QTcpSocket> target(to);
            QTimer::singleShot(delayMs, to, [target, data]() {
                if (target)
                    target->write(data);
            });
        });
    }

} // namespace

LinkProxy::LinkProxy(quint16 targetPort, int delayMs)
{
    auto* server = new QTcpServer;
    server->moveToThread(&m_thread);
    QSemaphore listening;
    QObject::connect(&m_thread, &QThread::started, server, [&, server, targetPort, delayMs]() {
        if (server->listen(QHostAddress::LocalHost, 0))
            m_port = server->serverPort();
        listening.release();
        QObject::connect(server, &QTcpServer::newConnection, server, [this, server, targetPort, delayMs]() {
            while (QTcpSocket* client = server->nextPendingConnection()) {
                auto* upstream = new QTcpSocket(client);
                forward(client, upstream, delayMs, &m_messages);
                forward(upstream, client, delayMs, nullptr);
                // Either side closing closes the other, once what is held has gone through.
                QObject::connect(client, &QTcpSocket::disconnected, upstream, [upstream, delayMs]() {
                    QTimer::singleShot(delayMs + 1, upstream, &QTcpSocket::disconnectFromHost);
                });
                QObject::connect(upstream, &QTcpSocket::disconnected, client,
                    [client, delayMs]() { QTimer::singleShot(delayMs + 1, client, &QTcpSocket::disconnectFromHost); });
                QObject::connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
                upstream->connectToHost(QHostAddress::LocalHost, targetPort);
            }
        });
    });
    QObject::connect(&m_thread, &QThread::finished, server, &QObject::deleteLater);
    m_thread.start();
    listening.acquire();
}

LinkProxy::~LinkProxy()
{
    m_thread.quit();
    m_thread.wait();
}

} // namespace agency::test
