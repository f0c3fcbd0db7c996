// SPDX-License-Identifier: GPL-3.0-or-later
#include "passwordstore.h"

#include <QEventLoop>
#include <QTimer>
#include <memory>
#include <qt6keychain/keychain.h>
#include <spdlog/spdlog.h>

namespace agency::ui {

namespace {
    const QString service = QStringLiteral("Agency OS");
    constexpr int answerWithinMs = 5000; // a keychain that asks the person to unlock it may take a moment

    // Runs a job to its end (or the time limit) and says how it went.
    PasswordStore::Result finish(QKeychain::Job* job)
    {
        PasswordStore::Result result;
        bool finished = false;
        QEventLoop loop;
        QObject::connect(job, &QKeychain::Job::finished, &loop, [&]() {
            finished = true;
            loop.quit();
        });
        QTimer::singleShot(answerWithinMs, &loop, &QEventLoop::quit);
        job->start();
        if (!finished)
            loop.exec();
        if (!finished) {
            job->setAutoDelete(true); // it deletes itself when it ends
            result.outcome = PasswordStore::Outcome::Unavailable;
            result.error = PasswordStore::tr("the desktop keychain did not answer");
            return result;
        }
        const std::unique_ptr<QKeychain::Job> done(job);
        switch (job->error()) {
        case QKeychain::NoError:
            result.outcome = PasswordStore::Outcome::Done;
            if (auto* read = qobject_cast<QKeychain::ReadPasswordJob*>(job))
                result.password = read->textData();
            break;
        case QKeychain::EntryNotFound:
            result.outcome = PasswordStore::Outcome::NotFound;
            break;
        case QKeychain::NoBackendAvailable:
        case QKeychain::NotImplemented:
        case QKeychain::OtherError: // e.g. no session bus: "Cannot autolaunch D-Bus without X11 $DISPLAY"
            result.outcome = PasswordStore::Outcome::Unavailable;
            result.error = job->errorString();
            break;
        default:
            result.outcome = PasswordStore::Outcome::Failed;
            result.error = job->errorString();
            break;
        }
        return result;
    }

    template <typename JobType> JobType* job(const QString& key)
    {
        auto* made = new JobType(service);
        made->setAutoDelete(false); // finish() reads it after it ended
        made->setInsecureFallback(false); // never a plain-text file instead of the keychain
        made->setKey(key);
        return made;
    }
}

QString PasswordStore::keyFor(const db::ConnectionString& where)
{
    return QStringLiteral("%1@%2:%3/%4")
        .arg(where.user, where.host.isEmpty() ? QStringLiteral("localhost") : where.host)
        .arg(where.port > 0 ? where.port : 5432)
        .arg(where.database);
}

bool PasswordStore::available(QString* why)
{
    const Result probe = finish(job<QKeychain::ReadPasswordJob>(QStringLiteral("availability probe")));
    if (why)
        *why = probe.error;
    return probe.outcome == Outcome::Done || probe.outcome == Outcome::NotFound;
}

PasswordStore::Result PasswordStore::read(const db::ConnectionString& where)
{
    Result result = finish(job<QKeychain::ReadPasswordJob>(keyFor(where)));
    if (result.outcome == Outcome::Failed || result.outcome == Outcome::Unavailable)
        spdlog::info(
            "keychain: no password read for {}: {}", where.redacted().toStdString(), result.error.toStdString());
    return result;
}

PasswordStore::Result PasswordStore::write(const db::ConnectionString& where, const QString& password)
{
    auto* writing = job<QKeychain::WritePasswordJob>(keyFor(where));
    writing->setTextData(password);
    Result result = finish(writing);
    if (result.outcome == Outcome::Done)
        spdlog::info("keychain: password for {} remembered", where.redacted().toStdString());
    else
        spdlog::warn(
            "keychain: password for {} not remembered: {}", where.redacted().toStdString(), result.error.toStdString());
    return result;
}

PasswordStore::Result PasswordStore::forget(const db::ConnectionString& where)
{
    Result result = finish(job<QKeychain::DeletePasswordJob>(keyFor(where)));
    if (result.outcome == Outcome::Done)
        spdlog::info("keychain: password for {} forgotten", where.redacted().toStdString());
    return result;
}

} // namespace agency::ui
