// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <optional>

namespace agency::timeentries {

// The time trackers whose CSV exports are read, recognised by their header (their detailed report, as a user
// downloads it): Harvest (Date, Client, Hours, First Name, Last Name…), Toggl Track (User or Member, Email,
// Client, Start date, Duration…), Clockify (User, Client, Start Date, Duration (h) or Duration (decimal)…).
enum class Tracker { Harvest, Toggl, Clockify };

QString trackerCode(Tracker tracker); // harvest, toggl, clockify: the entries' `source`

// One line of an export as an entry: its client by name, as the tracker calls it.
struct TimeLine {
    int line = 0;
    QDate date;
    QString person;
    QString clientName;
    QString note; // the project, the task and the description, as one line
    int minutes = 0;
    QString externalId; // the same line read again (this file or an overlapping export) is the same entry
};

struct TimeProblem {
    int line = 0; // 0: the file
    QString message;
};

struct TimeImportReport {
    std::optional<Tracker> tracker;
    int added = 0;
    int alreadyThere = 0; // imported before: left as they are
    QList<TimeProblem> problems; // any: nothing was written
    bool ok() const { return problems.isEmpty(); }
};

// Reads an export (UTF-8, its delimiter guessed), matches each line's client to a live client of that name (case
// and spacing aside) and adds what is not there yet, in one transaction; `dryRun` checks everything and writes
// nothing. A line whose client is unknown or ambiguous, whose date or duration cannot be read, refuses the file.
TimeImportReport importTimeEntries(QSqlDatabase db, const QByteArray& data, bool dryRun);

// The lines of an export, before any client is matched (for tests and the dry run's list).
std::optional<QList<TimeLine>> readTimeExport(
    const QByteArray& data, std::optional<Tracker>* tracker, QList<TimeProblem>* problems);

} // namespace agency::timeentries
