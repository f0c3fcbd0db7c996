// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionstring.h"

#include <QObject>
#include <QSqlDatabase>
#include <QString>
#include <QThread>
#include <atomic>
#include <functional>
#include <memory>

namespace agency::db {

// One piece of long work (an export, an import, the dashboard's figures) on a thread and a connection of its own. The
// work gets the connection and a Progress through which it reports and learns whether to stop; Cancel sets a flag the
// two threads share, so the caller never touches anything the worker owns (the exporter, the query), and the job may
// be destroyed at any time: it cancels and waits. Results travel in whatever the work captured, read after
// finished().
class BackgroundJob : public QObject {
    Q_OBJECT
public:
    class Progress {
    public:
        explicit Progress(BackgroundJob* job);
        bool isCancelled() const { return *m_cancelled; }
        std::shared_ptr<std::atomic<bool>> cancelFlag() const { return m_cancelled; }
        void report(qint64 done, const QString& text) const; // from the worker thread; told as progressed()

    private:
        BackgroundJob* m_job;
        std::shared_ptr<std::atomic<bool>> m_cancelled;
    };
    // Returns whether it succeeded; on failure sets `error`. Runs on the job's thread, with the job's connection.
    using Work = std::function<bool(QSqlDatabase db, const Progress& progress, QString* error)>;

    BackgroundJob(ConnectionString where, Work work, QObject* parent = nullptr);
    ~BackgroundJob() override;
    BackgroundJob(const BackgroundJob&) = delete;
    BackgroundJob& operator=(const BackgroundJob&) = delete;

    void start();
    void cancel() { *m_cancelled = true; } // from any thread
    bool wasCancelled() const { return *m_cancelled; }

Q_SIGNALS:
    void progressed(qint64 done, const QString& text);
    void finished(bool ok, const QString& error);

private:
    ConnectionString m_where;
    Work m_work;
    std::shared_ptr<std::atomic<bool>> m_cancelled = std::make_shared<std::atomic<bool>>(false);
    std::unique_ptr<QThread> m_thread;
};

} // namespace agency::db
