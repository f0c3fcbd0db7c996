// SPDX-License-Identifier: GPL-3.0-or-later
#include "historycommand.h"

#include "cli.h"
#include "export/csvwriter.h"
#include "export/exportvalues.h"
#include "history/changelog.h"
#include "logging.h"
#include "tables/tablespec.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <cstdio>
#include <memory>
#include <unistd.h>

namespace agency::app {

namespace {
    struct Text {
        Q_DECLARE_TR_FUNCTIONS(CommandLine)
    };

    // The columns an audit gets, in this order (a contract: README documents it).
    const QStringList kHeader { QStringLiteral("changed_at"), QStringLiteral("table"), QStringLiteral("row_id"),
        QStringLiteral("operation"), QStringLiteral("column"), QStringLiteral("old_value"), QStringLiteral("new_value"),
        QStringLiteral("db_role"), QStringLiteral("app_user"), QStringLiteral("source") };

    // A day (YYYY-MM-DD, its start in UTC) or an instant (ISO 8601 with its offset or Z). `endOfDay`: a day means
    // the start of the next one (--until a day includes that day).
    std::optional<QDateTime> parseWhen(const QString& text, bool endOfDay)
    {
        const QDate day = QDate::fromString(text, Qt::ISODate);
        if (day.isValid() && text.size() == 10)
            return QDateTime(endOfDay ? day.addDays(1) : day, QTime(0, 0), Qt::UTC);
        const QDateTime at = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (at.isValid() && (text.endsWith(u'Z') || text.contains(u'+') || text.lastIndexOf(u'-') > 9))
            return at.toUTC();
        return std::nullopt;
    }

    // A value as our CSV writes the column (money as stored, true/false, instants in UTC with milliseconds).
    QByteArray valueText(const QString& table, const QString& column, const QVariant& value)
    {
        if (value.isNull())
            return {};
        const tables::TableSpec* spec = tables::specFor(table);
        const tables::ColumnSpec* described = spec ? spec->column(column) : nullptr;
        if (!described)
            return value.toString().toUtf8();
        return exporting::values::formatOwn(*described, value);
    }

    QString commandName(const QString& table)
    {
        const tables::TableSpec* spec = tables::specFor(table);
        return spec ? spec->commandName : table;
    }

    // Writes the changes `filter` selects to `out`, a batch at a time, oldest first.
    bool writeChanges(QSqlDatabase& db, history::ChangeFilter filter, bool json, QIODevice* out, QString* error)
    {
        exporting::CsvWriter csv(out, {}, QList<bool>(kHeader.size(), true));
        if (!json && !csv.writeHeader(kHeader)) {
            *error = csv.errorString();
            return false;
        }
        if (json && out->write("[") < 0) {
            *error = out->errorString();
            return false;
        }
        bool first = true;
        filter.oldestFirst = true;
        filter.limit = 2000;
        QList<history::Change> batch;
        do {
            if (!history::readChanges(db, filter, &batch, error))
                return false;
            for (const history::Change& change : std::as_const(batch)) {
                const QByteArray at = change.at.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")).toUtf8() + 'Z';
                const QByteArray table = commandName(change.table).toUtf8();
                const QByteArray row = change.rowId.toUtf8();
                const QByteArray operation = change.operation.toUtf8();
                const QByteArray role = change.dbRole.toUtf8();
                const QByteArray person = change.appUser.toUtf8();
                const QByteArray source = change.source.toUtf8();
                for (const history::FieldChange& field : change.fields) {
                    const QByteArray before = valueText(change.table, field.column, field.before);
                    const QByteArray after = valueText(change.table, field.column, field.after);
                    if (json) {
                        auto text = [](const QVariant& raw, const QByteArray& written) {
                            return raw.isNull() ? QJsonValue() : QJsonValue(QString::fromUtf8(written));
                        };
                        QJsonObject line { { kHeader.at(0), QString::fromUtf8(at) },
                            { kHeader.at(1), QString::fromUtf8(table) }, { kHeader.at(2), change.rowId },
                            { kHeader.at(3), change.operation }, { kHeader.at(4), field.column },
                            { kHeader.at(5), text(field.before, before) }, { kHeader.at(6), text(field.after, after) },
                            { kHeader.at(7), change.dbRole.isEmpty() ? QJsonValue() : QJsonValue(change.dbRole) },
                            { kHeader.at(8), change.appUser.isEmpty() ? QJsonValue() : QJsonValue(change.appUser) },
                            { kHeader.at(9), change.source } };
                        const QByteArray written
                            = (first ? "\n" : ",\n") + QJsonDocument(line).toJson(QJsonDocument::Compact);
                        if (out->write(written) < 0) {
                            *error = out->errorString();
                            return false;
                        }
                        first = false;
                    } else {
                        const QByteArray column = field.column.toUtf8();
                        auto orNull = [](const QByteArray& text, bool isNull) {
                            return isNull ? QByteArrayView()
                                          : QByteArrayView(text.isNull() ? "" : text.constData(), text.size());
                        };
                        if (!csv.writeRow({ at, table, row, operation, column, orNull(before, field.before.isNull()),
                                orNull(after, field.after.isNull()), orNull(role, change.dbRole.isEmpty()),
                                orNull(person, change.appUser.isEmpty()), source })) {
                            *error = csv.errorString();
                            return false;
                        }
                    }
                }
            }
            if (!batch.isEmpty())
                filter.afterId = batch.constLast().id;
        } while (batch.size() == filter.limit);
        if (json && out->write(first ? "]\n" : "\n]\n") < 0) {
            *error = out->errorString();
            return false;
        }
        if (!json && !csv.flush()) {
            *error = csv.errorString();
            return false;
        }
        return true;
    }

    int runPrune(const QString& dsn, const QDateTime& before)
    {
        return withWorkDatabase(
            dsn, QStringLiteral("history"), [&](QSqlDatabase& database, const db::ConnectionString&) {
                QString error;
                const bool tty = isatty(STDERR_FILENO);
                const qint64 deleted = history::prune(
                    database, before,
                    [tty](qint64 done) {
                        if (tty)
                            std::fputs(qPrintable(u'\r' + Text::tr("history prune: %1 rows").arg(done)), stderr);
                        return true;
                    },
                    &error);
                if (tty)
                    std::fputs("\n", stderr);
                if (deleted < 0) {
                    printError(error);
                    return int(ExitFailure);
                }
                std::fputs(qPrintable(Text::tr("deleted %1 history rows from before %2\n")
                                          .arg(deleted)
                                          .arg(before.toString(Qt::ISODate))),
                    stdout);
                return int(ExitOk);
            });
    }
}

int runHistory(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Writes the change history of the agency tables for an audit: one row per changed column, oldest "
                 "first, with changed_at, table, row_id, operation, column, old_value, new_value, db_role, app_user "
                 "and source (app, cli-import or other). Changes made outside the app are there too.\n\n"
                 "  agency-os history prune --before DATE   deletes the history from before DATE."));
    const QCommandLineOption db(
        QStringLiteral("db"), Text::tr("Database: postgresql://…, sqlite:PATH or FILE.db."), Text::tr("DSN"));
    const QCommandLineOption table(QStringLiteral("table"),
        Text::tr("Only this table: sla-tiers, clients, campaigns, channels or time-entries."), Text::tr("TABLE"));
    const QCommandLineOption id(QStringLiteral("id"), Text::tr("Only the row with this id."), Text::tr("ID"));
    const QCommandLineOption since(QStringLiteral("since"),
        Text::tr("From this day (YYYY-MM-DD, UTC) or instant (ISO 8601) on."), Text::tr("DATE"));
    const QCommandLineOption until(QStringLiteral("until"),
        Text::tr("Up to and including this day (YYYY-MM-DD, UTC), or before this instant."), Text::tr("DATE"));
    const QCommandLineOption format(QStringLiteral("format"), Text::tr("csv or json."), Text::tr("FORMAT"));
    const QCommandLineOption output(QStringList { QStringLiteral("output"), QStringLiteral("o") },
        Text::tr("Where to write: a file (written atomically) or - for standard output."), Text::tr("FILE"));
    const QCommandLineOption before(QStringLiteral("before"),
        Text::tr("With prune: delete what was changed before this day (YYYY-MM-DD, UTC) or instant (ISO 8601)."),
        Text::tr("DATE"));
    const QCommandLineOption logLevel(QStringLiteral("log-level"),
        Text::tr("Messages on stderr from this level (%1). Default: only errors.").arg(logLevelNames()),
        Text::tr("LEVEL"), QStringLiteral("critical"));
    parser.addOptions({ db, table, id, since, until, format, output, before, logLevel });
    const auto help = parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("history"), Text::tr("The command."), QStringLiteral("history"));
    parser.addPositionalArgument(
        QStringLiteral("prune"), Text::tr("Delete the history from before --before."), QStringLiteral("[prune]"));
    if (!parser.parse(arguments)) {
        printError(parser.errorText() + Text::tr(" (see --help)"));
        return ExitUsage;
    }
    if (parser.isSet(help)) {
        std::fputs(parser.helpText().toLocal8Bit().constData(), stdout);
        return ExitOk;
    }
    if (!isLogLevel(parser.value(logLevel))) {
        printError(Text::tr("--log-level must be one of %1").arg(logLevelNames()));
        return ExitUsage;
    }
    setUpLogging(parser.value(logLevel), false);
    if (refuseEmptyDbOption(parser, db))
        return ExitUsage;
    const QStringList words = parser.positionalArguments();
    if (words.size() > 2 || (words.size() == 2 && words.at(1) != QStringLiteral("prune"))) {
        printError(Text::tr("history takes no '%1' (did you mean: agency-os history prune --before DATE?)")
                       .arg(words.constLast().left(40)));
        return ExitUsage;
    }
    if (words.size() == 2) {
        const auto when = parseWhen(parser.value(before), false);
        if (!when) {
            printError(
                Text::tr("history prune needs --before DATE (YYYY-MM-DD or an ISO 8601 instant)%1")
                    .arg(parser.isSet(before) ? Text::tr(", not '%1'").arg(parser.value(before).left(40)) : QString()));
            return ExitUsage;
        }
        return runPrune(parser.value(db), *when);
    }
    if (parser.isSet(before)) {
        printError(Text::tr("--before goes with prune: agency-os history prune --before DATE"));
        return ExitUsage;
    }
    history::ChangeFilter filter;
    if (parser.isSet(table)) {
        const tables::TableSpec* spec = tables::specForCommandName(parser.value(table));
        if (!spec) {
            printError(Text::tr("--table must be sla-tiers, clients, campaigns, channels or time-entries, not '%1'")
                           .arg(parser.value(table).left(40)));
            return ExitUsage;
        }
        filter.table = spec->table;
    }
    if (parser.isSet(id)) {
        const QString rowId = parser.value(id).trimmed().toLower();
        static const QRegularExpression uuid(
            QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
        if (!uuid.match(rowId).hasMatch()) {
            printError(Text::tr("--id must be a row's id (a UUID), not '%1'").arg(parser.value(id).left(40)));
            return ExitUsage;
        }
        filter.rowId = rowId;
    }
    for (const auto& [option, endOfDay, into] :
        { std::tuple { &since, false, &filter.since }, std::tuple { &until, true, &filter.until } }) {
        if (!parser.isSet(*option))
            continue;
        const auto when = parseWhen(parser.value(*option), endOfDay);
        if (!when) {
            printError(Text::tr("--%1 must be a day (YYYY-MM-DD) or an ISO 8601 instant, not '%2'")
                           .arg(option->names().constFirst(), parser.value(*option).left(40)));
            return ExitUsage;
        }
        *into = *when;
    }
    const QString how = parser.value(format);
    if (how != QStringLiteral("csv") && how != QStringLiteral("json")) {
        printError(Text::tr("--format must be csv or json%1")
                       .arg(how.isEmpty() ? QString() : Text::tr(", not '%1'").arg(how.left(20))));
        return ExitUsage;
    }
    const QString path = parser.value(output);
    if (path.isEmpty()) {
        printError(Text::tr("--output needs a file name, or - for standard output"));
        return ExitUsage;
    }
    return withWorkDatabase(
        parser.value(db), QStringLiteral("history"),
        [&](QSqlDatabase& database, const db::ConnectionString&) {
            if (!history::isAvailable(database)) {
                printError(Text::tr("this database keeps no history this role may read (agency-os migrate up adds "
                                    "it; an administrator grants SELECT on agency_change_log)"));
                return int(ExitFailure);
            }
            QString error;
            const bool json = how == QStringLiteral("json");
            if (path == QStringLiteral("-")) {
                QFile out;
                if (standardOutputWasClosed() || !out.open(stdout, QIODevice::WriteOnly)
                    || !writeChanges(database, filter, json, &out, &error)) {
                    printError(Text::tr("history to standard output failed: %1")
                                   .arg(error.isEmpty() ? Text::tr("standard output is closed") : error));
                    return int(ExitFailure);
                }
                out.flush();
                return int(ExitOk);
            }
            QSaveFile out(path);
            if (!out.open(QIODevice::WriteOnly) || !writeChanges(database, filter, json, &out, &error)
                || !out.commit()) {
                printError(
                    Text::tr("history failed, no file written: %1").arg(error.isEmpty() ? out.errorString() : error));
                return int(ExitFailure);
            }
            return int(ExitOk);
        },
        DataUse::Reads);
}

} // namespace agency::app
