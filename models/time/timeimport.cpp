// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeimport.h"

#include "db/database.h"
#include "db/sqlerror.h"
#include "domain/filedate.h"
#include "export/csvreader.h"
#include "tables/tablespec.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QHash>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace agency::timeentries {

namespace {
    struct Text {
        Q_DECLARE_TR_FUNCTIONS(TimeImport)
    };

    QString key(const QString& name)
    {
        return name.simplified().toCaseFolded();
    }

    // "1:30:00", "01:30", "1.5", "1,25": seconds; nullopt when it is none of these.
    std::optional<qint64> durationSeconds(const QString& text)
    {
        static const QRegularExpression clock(QStringLiteral("^(\\d{1,4}):(\\d{2})(?::(\\d{2}))?$"));
        static const QRegularExpression decimal(QStringLiteral("^(\\d{1,4})(?:[.,](\\d{1,6}))?$"));
        const QString trimmed = text.trimmed();
        if (const auto match = clock.match(trimmed); match.hasMatch()) {
            const qint64 minutes = match.captured(2).toLongLong();
            const qint64 seconds = match.captured(3).isEmpty() ? 0 : match.captured(3).toLongLong();
            if (minutes > 59 || seconds > 59)
                return std::nullopt;
            return match.captured(1).toLongLong() * 3600 + minutes * 60 + seconds;
        }
        if (const auto match = decimal.match(trimmed); match.hasMatch()) {
            const QString fraction = match.captured(2);
            qint64 scale = 1;
            for (qsizetype i = 0; i < fraction.size(); ++i)
                scale *= 10;
            const qint64 part = fraction.isEmpty() ? 0 : fraction.toLongLong();
            return match.captured(1).toLongLong() * 3600 + (part * 3600 * 2 + scale) / (scale * 2);
        }
        return std::nullopt;
    }

    struct Columns {
        Tracker tracker = Tracker::Toggl;
        int date = -1;
        int first = -1; // the person (Harvest: the first name)
        int last = -1; // Harvest: the last name
        int client = -1;
        int project = -1;
        int task = -1;
        int description = -1;
        int start = -1; // the start time, where the export has one
        int duration = -1;
    };

    std::optional<Columns> recognise(const QStringList& header)
    {
        QHash<QString, int> at;
        for (int i = 0; i < header.size(); ++i)
            at.insert(header.at(i).trimmed().toCaseFolded(), i);
        const auto col = [&](std::initializer_list<const char*> names) {
            for (const char* name : names)
                if (const auto it = at.constFind(QString::fromLatin1(name)); it != at.cend())
                    return *it;
            return -1;
        };
        Columns c;
        c.client = col({ "client" });
        c.project = col({ "project" });
        c.task = col({ "task" });
        if (col({ "duration (decimal)", "duration (h)" }) >= 0) {
            c.tracker = Tracker::Clockify;
            c.date = col({ "start date" });
            c.first = col({ "user" });
            c.description = col({ "description" });
            c.start = col({ "start time" });
            c.duration = col({ "duration (decimal)", "duration (h)" });
        } else if (col({ "start date" }) >= 0 && col({ "duration" }) >= 0) {
            c.tracker = Tracker::Toggl;
            c.date = col({ "start date" });
            c.first = col({ "user", "member" });
            c.description = col({ "description" });
            c.start = col({ "start time" });
            c.duration = col({ "duration" });
        } else if (col({ "date" }) >= 0 && col({ "hours" }) >= 0) {
            c.tracker = Tracker::Harvest;
            c.date = col({ "date" });
            c.first = col({ "first name" });
            c.last = col({ "last name" });
            c.description = col({ "notes" });
            c.duration = col({ "hours" });
        } else {
            return std::nullopt;
        }
        if (c.date < 0 || c.client < 0 || c.first < 0 || c.duration < 0)
            return std::nullopt;
        return c;
    }

    QString field(const exporting::CsvRecord& record, int column)
    {
        return column >= 0 && column < record.fields.size() ? record.fields.at(column).text.trimmed() : QString();
    }
}

QString trackerCode(Tracker tracker)
{
    switch (tracker) {
    case Tracker::Harvest:
        return QStringLiteral("harvest");
    case Tracker::Toggl:
        return QStringLiteral("toggl");
    case Tracker::Clockify:
        return QStringLiteral("clockify");
    }
    return {};
}

std::optional<QList<TimeLine>> readTimeExport(
    const QByteArray& data, std::optional<Tracker>* tracker, QList<TimeProblem>* problems)
{
    exporting::CsvReader reader(data);
    const auto header = reader.next();
    if (!header) {
        problems->append({ 0, reader.error().isEmpty() ? Text::tr("the file is empty") : reader.error() });
        return std::nullopt;
    }
    QStringList names;
    for (const auto& f : header->fields)
        names << f.text;
    const auto columns = recognise(names);
    if (!columns) {
        problems->append({ 1,
            Text::tr("not a time tracker's export this app reads: it reads the detailed report of Harvest (Date, "
                     "Client, Hours, First Name), Toggl Track (User, Client, Start date, Duration) or Clockify (User, "
                     "Client, Start Date, Duration (h))") });
        return std::nullopt;
    }
    *tracker = columns->tracker;
    QList<exporting::CsvRecord> records;
    while (const auto record = reader.next())
        records << *record;
    if (!reader.error().isEmpty()) {
        problems->append({ 0, reader.error() });
        return std::nullopt;
    }
    bool dayFirst = false;
    static const QRegularExpression slashed(QStringLiteral("^(\\d{1,2})/\\d{1,2}/\\d{4}$"));
    for (const auto& record : std::as_const(records))
        if (const auto m = slashed.match(field(record, columns->date)); m.hasMatch() && m.captured(1).toInt() > 12)
            dayFirst = true;

    QList<TimeLine> lines;
    QHash<QByteArray, int> seen; // identical lines: the first, the second… each its own entry
    for (const auto& record : std::as_const(records)) {
        if (record.fields.size() == 1 && record.fields.constFirst().text.trimmed().isEmpty())
            continue; // an empty line at the end
        TimeLine line;
        line.line = record.line;
        line.date = domain::parseFileDate(field(record, columns->date), dayFirst);
        if (!line.date.isValid()) {
            problems->append(
                { record.line, Text::tr("the date '%1' cannot be read").arg(field(record, columns->date).left(40)) });
            continue;
        }
        const QString duration = field(record, columns->duration);
        const auto seconds = durationSeconds(duration);
        if (!seconds) {
            problems->append({ record.line, Text::tr("the duration '%1' cannot be read").arg(duration.left(40)) });
            continue;
        }
        if (*seconds == 0)
            continue; // nothing worked
        line.minutes = static_cast<int>(std::max<qint64>(1, (*seconds + 30) / 60));
        line.person = field(record, columns->first);
        if (columns->last >= 0)
            line.person = (line.person + u' ' + field(record, columns->last)).trimmed();
        if (line.person.isEmpty())
            line.person = Text::tr("(unknown)");
        line.clientName = field(record, columns->client);
        QStringList parts;
        for (int column : { columns->project, columns->task, columns->description })
            if (const QString part = field(record, column); !part.isEmpty())
                parts << part;
        line.note = parts.join(QStringLiteral(" — "));
        const QByteArray identity = QStringList { trackerCode(columns->tracker), line.date.toString(Qt::ISODate),
            line.person, line.clientName, field(record, columns->project), field(record, columns->task),
            field(record, columns->description), field(record, columns->start), duration }
                                        .join(QChar(0x1f))
                                        .toUtf8();
        const int occurrence = ++seen[identity];
        line.externalId = QString::fromLatin1(QCryptographicHash::hash(identity, QCryptographicHash::Sha1).toHex())
            + u'-' + QString::number(occurrence);
        lines << line;
    }
    return lines;
}

TimeImportReport importTimeEntries(QSqlDatabase db, const QByteArray& data, bool dryRun)
{
    TimeImportReport report;
    const auto lines = readTimeExport(data, &report.tracker, &report.problems);
    if (!lines)
        return report;

    // The live clients by name, as people write them.
    const tables::TableSpec& clients = tables::clientsSpec();
    QHash<QString, QStringList> byName;
    QSqlQuery read(db);
    read.setForwardOnly(true);
    if (!read.exec(QStringLiteral("SELECT %1, %2 FROM %3 WHERE %4 IS NULL")
                       .arg(tables::idColumn(), clients.nameColumn, clients.table, tables::deletedColumn()))) {
        report.problems.append({ 0, db::reportSqlError(Text::tr("Reading the clients"), read.lastError()) });
        return report;
    }
    while (read.next())
        byName[key(read.value(1).toString())] << read.value(0).toString();

    QList<std::pair<TimeLine, QString>> matched;
    for (const TimeLine& line : *lines) {
        const QStringList ids = byName.value(key(line.clientName));
        if (line.clientName.isEmpty())
            report.problems.append({ line.line, Text::tr("no client: every entry must name one") });
        else if (ids.isEmpty())
            report.problems.append({ line.line, Text::tr("no live client is called \"%1\"").arg(line.clientName) });
        else if (ids.size() > 1)
            report.problems.append({ line.line,
                Text::tr("%1 clients are called \"%2\": rename one").arg(ids.size()).arg(line.clientName) });
        else
            matched.append({ line, ids.constFirst() });
    }
    if (!report.ok())
        return report;

    const QString source = trackerCode(*report.tracker);
    QSqlError error;
    if (!dryRun && !db::beginWrite(db, &error)) {
        report.problems.append({ 0, db::reportSqlError(Text::tr("Starting the import"), error) });
        return report;
    }
    QSqlQuery exists(db);
    exists.prepare(QStringLiteral("SELECT 1 FROM agency_time_entries WHERE source = ? AND external_id = ?"));
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO agency_time_entries (id, client_id, person, work_date, minutes, note, "
                                  "source, external_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const auto& [line, client] : std::as_const(matched)) {
        exists.addBindValue(source);
        exists.addBindValue(line.externalId);
        if (!exists.exec()) {
            report.problems.append(
                { line.line, db::reportSqlError(Text::tr("Reading the entries"), exists.lastError()) });
            break;
        }
        if (exists.next()) {
            ++report.alreadyThere;
            continue;
        }
        exists.finish();
        ++report.added;
        if (dryRun)
            continue;
        insert.addBindValue(QUuid::createUuid().toString(QUuid::WithoutBraces));
        insert.addBindValue(client);
        insert.addBindValue(line.person);
        insert.addBindValue(line.date.toString(Qt::ISODate));
        insert.addBindValue(line.minutes);
        insert.addBindValue(line.note.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(line.note));
        insert.addBindValue(source);
        insert.addBindValue(line.externalId);
        if (!insert.exec()) {
            report.problems.append({ line.line, db::reportSqlError(Text::tr("Adding the entry"), insert.lastError()) });
            break;
        }
    }
    exists.finish();
    if (dryRun)
        return report;
    if (!report.ok() || !db::commitWrite(db, &error)) {
        if (report.ok())
            report.problems.append({ 0, db::reportSqlError(Text::tr("Saving the import"), error) });
        db.rollback();
        report.added = 0;
        report.alreadyThere = 0;
    }
    return report;
}

} // namespace agency::timeentries
