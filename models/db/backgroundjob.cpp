// SPDX-License-Identifier: GPL-3.0-or-later
#include "backgroundjob.h"

#include "database.h"

#include <QCoreApplication>

namespace agency::db {

namespace {
    std::atomic<int> jobs { 0 };
}

BackgroundJob::Progress::Progress(BackgroundJob* job)
    : m_job(job)
    , m_cancelled(job->m_cancelled)
{
}

void BackgroundJob::Progress::report(qint64 done, const QString& text) const
{
    QMetaObject::invokeMethod(
        m_job, [job = m_job, done, text]() { Q_EMIT job->progressed(done, text); }, Qt::QueuedConnection);
}

BackgroundJob::BackgroundJob(ConnectionString where, Work work, QObject* parent)
    : QObject(parent)
    , m_where(std::move(where))
    , m_work(std::move(work))
{
}

BackgroundJob::~BackgroundJob()
{
    cancel();
    if (m_thread)
        m_thread->wait();
}

void BackgroundJob::start()
{
    if (m_thread)
        return;
    const QString name = QStringLiteral("job-%1").arg(++jobs);
    auto result = std::make_shared<std::pair<bool, QString>>(false, QString());
    m_thread.reset(QThread::create([this, name, result]() {
        {
            QString error;
            QSqlDatabase db = openDatabase(m_where, name, &error);
            const Progress progress(this);
            if (!db.isOpen())
                result->second = error;
            else if (progress.isCancelled())
                result->second = QCoreApplication::translate("BackgroundJob", "cancelled");
            else
                result->first = m_work(db, progress, &result->second);
        }
        closeDatabase(name);
    }));
    m_thread->setObjectName(QStringLiteral("background job"));
    connect(
        m_thread.get(), &QThread::finished, this, [this, result]() { Q_EMIT finished(result->first, result->second); });
    m_thread->start();
}

} // namespace agency::db
