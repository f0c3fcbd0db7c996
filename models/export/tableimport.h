// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QIODevice>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QVariant>
#include <functional>
#include <optional>

namespace agency::exporting {

struct ImportProblem {
    int line = 0; // 0: not tied to one line (a campaign's budget over all its rows)
    QString column;
    QString message;
};

// One field an import would change (or did): its line, the row, and the value before and after, as stored.
struct FieldChange {
    int line = 0;
    QString id;
    QString column;
    QVariant before;
    QVariant after;
};

struct ImportReport {
    int inserts = 0;
    int updates = 0;
    int unchanged = 0;
    QStringList ignoredColumns; // headers that are not the table's own (lookups such as client_name)
    QList<ImportProblem> problems;
    // Each field of each updated row, old → new (the first maxChanges; how many more in changesLeftOut), so that a
    // person sees what a dry run would change before anything is written.
    static constexpr int maxChanges = 10000;
    QList<FieldChange> changes;
    qint64 changesLeftOut = 0;
    bool cancelled = false; // stopped on request (TableImporter::setProgress): nothing was written
    // The first maxProblems problems; how many more in problemsLeftOut (a file of a million bad lines is told in
    // bounded memory).
    static constexpr int maxProblems = 1000;
    qint64 problemsLeftOut = 0;
    void addProblem(ImportProblem problem)
    {
        if (problems.size() < maxProblems)
            problems.append(std::move(problem));
        else
            ++problemsLeftOut;
    }
    qint64 problemCount() const { return problems.size() + problemsLeftOut; }
    bool ok() const { return problems.isEmpty(); }
};

// CSV import for clients, campaigns and channels, in the format the export writes (header names matched
// case-insensitively). A row whose id exists updates exactly the columns whose value differs, guarded like the
// forms: if the row changed in the database since the file's updated_at, it is a conflict. Other rows insert.
// Everything happens in one transaction; dryRun() does all the checks (rules, foreign keys, budgets) and rolls back.
class TableImporter {
public:
    TableImporter(QSqlDatabase db, QString table);

    ImportReport dryRun(const QByteArray& csv);
    ImportReport import(const QByteArray& csv);
    // Read from `file` as the import goes (open; any size: only a chunk of it is held at a time).
    ImportReport dryRun(QIODevice* file) { return run(file, false); }
    ImportReport import(QIODevice* file) { return run(file, true); }
    // Told the line reached before the first row and every 200 lines; returning false stops the run, which then
    // writes nothing (a background import's Cancel).
    void setProgress(std::function<bool(int line)> progress) { m_progress = std::move(progress); }
    // The field separator; by default guessed from the header line.
    void setDelimiter(std::optional<char> delimiter) { m_delimiter = delimiter; }
    // Whether amounts and percentages have a decimal comma ("1.234,56"); by default, when the file is separated by
    // semicolons. A dot is a decimal point either way.
    void setDecimalComma(std::optional<bool> decimalComma) { m_decimalComma = decimalComma; }

private:
    ImportReport run(QIODevice* file, bool commit);
    // `careful`: a savepoint per row on PostgreSQL, to go on after a row the database refuses. Without, such a row
    // ends the run with `*again` set, for run() to read the file again carefully.
    ImportReport runOnce(QIODevice* file, bool commit, bool careful, bool* again);

    QSqlDatabase m_db;
    QString m_table;
    std::function<bool(int line)> m_progress;
    std::optional<char> m_delimiter;
    std::optional<bool> m_decimalComma;
};

} // namespace agency::exporting
