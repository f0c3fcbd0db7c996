// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobprogress.h"

#include "db/backgroundjob.h"

#include <QCoreApplication>
#include <QProgressDialog>

namespace agency::ui {

void runWithProgress(QWidget* parent, const QString& label, const QString& objectName, db::BackgroundJob* job,
    std::function<void(const JobOutcome& outcome)> done)
{
    auto* progress = new QProgressDialog(label, QCoreApplication::translate("JobProgress", "Cancel"), 0, 0, parent);
    progress->setObjectName(objectName);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(300); // a short job never shows it
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    job->setParent(progress); // destroyed with it: cancelled and waited for
    QObject::connect(job, &db::BackgroundJob::progressed, progress, [progress](qint64, const QString& text) {
        if (!text.isEmpty())
            progress->setLabelText(text);
    });
    QObject::connect(progress, &QProgressDialog::canceled, job, &db::BackgroundJob::cancel);
    QObject::connect(job, &db::BackgroundJob::finished, progress,
        [progress, job, done = std::move(done)](bool ok, const QString& error) {
            const JobOutcome outcome { .ok = ok, .cancelled = job->wasCancelled(), .error = error };
            progress->hide();
            progress->deleteLater(); // with the job, whose thread has ended; not inside its own signal
            if (done)
                done(outcome);
        });
    job->start();
}

} // namespace agency::ui
