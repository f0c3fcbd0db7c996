// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <functional>

class QWidget;

namespace agency::db {
class BackgroundJob;
}

namespace agency::ui {

// How a job ended, told once on the GUI thread.
struct JobOutcome {
    bool ok = false; // as the work said: a job cancelled just as it finished may still have done it all
    bool cancelled = false;
    QString error; // why it failed, when it did
};

// Runs `job` behind a window-modal progress dialog whose Cancel cancels it, and returns at once: no nested event loop.
// `done` is called when the job has finished; the job and the dialog are gone after it. They belong to `parent`
// meanwhile: should `parent` go first, the job is cancelled and waited for and `done` is never called. The job's
// progress texts, when it reports any, replace `label`.
void runWithProgress(QWidget* parent, const QString& label, const QString& objectName, db::BackgroundJob* job,
    std::function<void(const JobOutcome& outcome)> done);

} // namespace agency::ui
