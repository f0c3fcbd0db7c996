// SPDX-License-Identifier: GPL-3.0-or-later
#include "tableexport.h"

#include "db/database.h"
#include "db/localecollation.h"
#include "db/sqlerror.h"
#include "domain/budget.h"
#include "exportplan.h"
#include "exportvalues.h"
#include "jsontext.h"
#include "sheetwriter.h"
#include "tables/columnvalues.h"
#include "tables/keysetpager.h"
#include "tables/lookupnames.h"
#include "tables/tablerights.h"
#include "tables/tablespec.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <cstdio>
#include <libpq-fe.h>
#include <sqlite3.h>
#include <unistd.h>

namespace agency::exporting {

namespace {
    using tables::ColumnKind;
    using tables::ColumnSpec;

    // What this file says to people, in lupdate's and the runtime's one context "TableExport".
    struct Text {
        Q_DECLARE_TR_FUNCTIONS(TableExport)
    };

    using namespace plan; // NOLINT(google-build-using-namespace): what an export writes, shared by its paths
    using namespace values; // NOLINT(google-build-using-namespace)

    // What the direct SQLite path finishes here per value; every other column goes to the writer as SQLite holds it.
    enum class Finish { AsStored, Instant, Boolean, Json, EffectiveBudget };

}

QStringList exportHeaders(const QString& table)
{
    QStringList headers;
    for (const Column& column : planFor(table))
        headers << column.header;
    return headers;
}

QString postgresExportSelect(const ExportRequest& request, bool withPlane, const QSqlDriver* driver)
{
    QStringList select;
    const QList<Column> plan = planFor(request.table);
    QString error;
    const auto picked = selection(plan, request.columns, &error);
    for (const int i : picked.value_or(QList<int> {}))
        select << plan.at(i).postgres;
    return QStringLiteral("SELECT ") + select.join(QStringLiteral(", "))
        + fromClause(request, withPlane ? Joins::PostgresWithPlane : Joins::Postgres, driver);
}

QString sqliteExportSelect(const ExportRequest& request, const QSqlDriver* driver)
{
    QStringList select;
    const QList<Column> plan = planFor(request.table);
    QString error;
    bool budget = false;
    for (const int i : selection(plan, request.columns, &error).value_or(QList<int> {})) {
        select << plan.at(i).sqlite;
        budget = budget || plan.at(i).source == Source::EffectiveBudget;
    }
    if (budget) // after the exported columns: what DirectFormat works the effective budget out of
        select << QStringLiteral("t.budget_amount") << QStringLiteral("t.budget_percentage")
               << QStringLiteral("k.budget_allocated");
    QString with;
    if (throughCampaign(request.table)) {
        // Each campaign's label once, not once per channel: SQLite indexes the hundred thousand labels in memory,
        // which is also faster to join a million channels to than the campaigns table itself.
        with = QStringLiteral("WITH k AS MATERIALIZED (SELECT c.id, c.budget_allocated, cl.client_name, %1 AS label "
                              "FROM agency_campaigns c JOIN agency_clients cl ON cl.id = c.client_id) ")
                   .arg(tables::LookupNames::labelSql(db::Dialect::SQLite));
    }
    return with + QStringLiteral("SELECT ") + select.join(QStringLiteral(", "))
        + fromClause(request, Joins::SQLiteDirect, driver);
}

TableExporter::TableExporter(QSqlDatabase db, std::shared_ptr<std::atomic<bool>> cancelled)
    : m_db(db)
    , m_cancelled(cancelled ? std::move(cancelled) : std::make_shared<std::atomic<bool>>(false))
{
}

bool TableExporter::fail(const QString& message)
{
    m_error = message;
    return false;
}

namespace {
    // What a sheet makes of a column: a number, money, a date… or text.
    SheetWriter::Kind sheetKind(const Column& column)
    {
        if (column.source == Source::EffectiveBudget)
            return SheetWriter::Kind::Money;
        if (column.source != Source::Own)
            return SheetWriter::Kind::Text;
        switch (column.spec->kind) {
        case tables::ColumnKind::Money:
            return SheetWriter::Kind::Money;
        case tables::ColumnKind::Percent:
            return SheetWriter::Kind::Percent;
        case tables::ColumnKind::Integer:
            return SheetWriter::Kind::Number;
        case tables::ColumnKind::Date:
            return SheetWriter::Kind::Date;
        case tables::ColumnKind::Instant:
            return SheetWriter::Kind::Instant;
        case tables::ColumnKind::Boolean:
            return SheetWriter::Kind::Boolean;
        default:
            return SheetWriter::Kind::Text;
        }
    }

    // Leaves out of `picked` what the role may not read and what is worked out from it; what it left out.
    QStringList leaveOutHidden(QSqlDatabase db, ExportRequest* request, const QList<Column>& plan, QList<int>* picked)
    {
        QStringList leftOut;
        // What the role may not read is not in the file: PostgreSQL's column grants (SQLite has none).
        if (db::dialectOf(db) != db::Dialect::PostgreSQL)
            return leftOut;
        request->hidden = tables::TableRights::on(db, request->table).hidden();
        bool budgetHidden = false; // a channel's effective budget is worked out from the shares and the allocation
        if (throughCampaign(request->table)) {
            const tables::TableSpec& spec = *tables::specFor(request->table);
            const tables::TableSpec& campaigns = tables::campaignsSpec();
            budgetHidden = request->hidden.contains(spec.columnFor(tables::ColumnRole::ShareAmount))
                || request->hidden.contains(spec.columnFor(tables::ColumnRole::SharePercentage))
                || tables::TableRights::on(db, campaigns.table)
                       .hidden()
                       .contains(campaigns.columnFor(tables::ColumnRole::Allocated));
        }
        if (request->hidden.isEmpty() && !budgetHidden)
            return leftOut;
        QList<int> kept;
        QStringList headers;
        for (const int i : std::as_const(*picked)) {
            const Column& column = plan.at(i);
            if ((column.source == Source::Own && request->hidden.contains(column.spec->name))
                || (column.source == Source::EffectiveBudget && budgetHidden)) {
                leftOut << column.header;
                continue;
            }
            kept << i;
            headers << column.header;
        }
        *picked = kept;
        request->columns = headers;
        return leftOut;
    }
}

bool TableExporter::exportTable(const ExportRequest& asked, QIODevice* out)
{
    ExportRequest request = asked;
    request.sortCollate = db::localeCollation(m_db); // the order the window shows the view in
    m_rows = 0;
    m_error.clear();
    m_usedDirect = false;
    m_leftOut.clear();
    const QList<Column> plan = planFor(request.table);
    if (plan.isEmpty())
        return fail(Text::tr("unknown table '%1'").arg(request.table));
    if (!request.sortColumn.isEmpty() && !tables::specFor(request.table)->column(request.sortColumn))
        return fail(Text::tr("cannot sort by '%1': not a column of %2").arg(request.sortColumn, request.table));
    QString error;
    auto picked = selection(plan, request.columns, &error);
    if (!picked)
        return fail(error);
    m_leftOut = leaveOutHidden(m_db, &request, plan, &*picked);
    QStringList headers;
    QList<bool> text;
    for (const int i : *picked) {
        headers << plan.at(i).header;
        text << plan.at(i).text;
    }
    std::unique_ptr<RowSink> sink;
    if (request.format == ExportRequest::Format::Xlsx) {
        // More rows than a sheet holds are refused before anything is read: with the count, and what to do.
        const tables::TableSpec& spec = *tables::specFor(request.table);
        const QString where = request.filter.sql(tables::searchableSpec(spec, request.hidden), m_db.driver());
        QSqlQuery count(m_db);
        if (!count.exec(QStringLiteral("SELECT count(*) FROM %1%2")
                            .arg(request.table, where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where))
            || !count.next())
            return fail(db::reportSqlError(Text::tr("Counting %1").arg(request.table), count.lastError()));
        if (const qint64 rows = count.value(0).toLongLong(); rows > SheetWriter::maxRows - 1)
            return fail(Text::tr("%L1 rows are more than a sheet holds (%L2 below its header): export them as CSV, or "
                                 "narrow the view first")
                            .arg(rows)
                            .arg(SheetWriter::maxRows - 1));
        QList<SheetWriter::Kind> kinds;
        for (const int i : *picked)
            kinds << sheetKind(plan.at(i));
        sink = std::make_unique<SheetWriter>(out, kinds);
    } else {
        auto csv = std::make_unique<CsvWriter>(out, request.csv, text);
        QList<bool> decimal;
        for (const int i : *picked) {
            const SheetWriter::Kind kind = sheetKind(plan.at(i));
            decimal << (kind == SheetWriter::Kind::Money || kind == SheetWriter::Kind::Percent);
        }
        csv->setDecimalColumns(decimal);
        sink = std::move(csv);
    }
    RowSink& writer = *sink;
    if (!writer.writeHeader(headers))
        return fail(Text::tr("could not write the file: %1").arg(writer.errorString()));
    bool ok = false;
    if (!request.allowDirect)
        ok = exportGeneric(request, writer);
    else if (db::dialectOf(m_db) == db::Dialect::PostgreSQL)
        ok = exportWithCopy(request, writer);
    else
        ok = exportWithSqlite(request, writer);
    if (!ok)
        return false;
    if (!writer.flush())
        return fail(Text::tr("could not write the file: %1").arg(writer.errorString()));
    return true;
}

bool TableExporter::exportGeneric(const ExportRequest& request, RowSink& writer)
{
    const bool sqlite = db::dialectOf(m_db) == db::Dialect::SQLite;
    const bool plane = planeAvailable(m_db);
    const QList<Column> plan = planFor(request.table);
    QString error;
    const QList<int> picked = *selection(plan, request.columns, &error);
    const bool channels = throughCampaign(request.table);
    const ColumnSpec dateColumn { .name = QStringLiteral("start_date"), .kind = ColumnKind::Date };

    QStringList select;
    for (const Column& column : plan) {
        if (column.source == Source::Own)
            select << QStringLiteral("t.") + column.spec->name; // a hidden one is NULL in t (fromClause)
        else if (column.source == Source::LookupText)
            select << column.postgres;
    }
    const int helpers = static_cast<int>(select.size());
    if (channels) { // the allocation only where the effective budget is written (it may be hidden)
        QStringList helpers = campaignHelpers;
        if (!picked.contains(static_cast<int>(plan.size()) - 1))
            helpers.last() = QStringLiteral("NULL");
        select << helpers << (sqlite ? QStringLiteral("NULL") : QStringLiteral("p_name"));
    }
    QSqlQuery query(m_db);
    query.setForwardOnly(true); // streams: QPSQL single-row mode, QSQLITE step by step
    if (!query.exec(QStringLiteral("SELECT ") + select.join(QStringLiteral(", "))
            + fromClause(
                request, sqlite ? Joins::SQLite : (plane ? Joins::PostgresWithPlane : Joins::Postgres), m_db.driver())))
        return fail(db::reportSqlError(Text::tr("Exporting %1").arg(request.table), query.lastError()));

    const tables::TableSpec& spec = *tables::specFor(request.table);
    const int amount = spec.indexOf(spec.columnFor(tables::ColumnRole::ShareAmount));
    const int percentage = spec.indexOf(spec.columnFor(tables::ColumnRole::SharePercentage));
    QList<QByteArray> values(plan.size());
    QList<bool> nulls(plan.size());
    QList<QByteArrayView> fields(picked.size());
    while (query.next()) {
        if (*m_cancelled)
            return fail(Text::tr("export cancelled"));
        int position = 0;
        for (int i = 0; i < plan.size(); ++i) {
            const Column& column = plan.at(i);
            if (column.source == Source::Own || column.source == Source::LookupText) {
                const QVariant raw = query.value(position++);
                nulls[i] = raw.isNull();
                values[i]
                    = nulls[i] ? QByteArray() : (column.spec ? formatOwn(*column.spec, raw) : raw.toString().toUtf8());
            }
        }
        if (channels) {
            const int label = static_cast<int>(plan.size()) - 2;
            const int effective = static_cast<int>(plan.size()) - 1;
            const QVariant startDate = query.value(helpers + 2);
            values[label] = tables::LookupNames::campaignLabel(query.value(helpers + 4).toString(),
                query.value(helpers).toString(),
                values[label - 1].isEmpty() ? QString() : QString::fromUtf8(values[label - 1]),
                query.value(helpers + 1).toString(),
                startDate.isNull() ? QString()
                                   : tables::fromStorage(dateColumn, startDate).toDate().toString(Qt::ISODate))
                                .toUtf8();
            nulls[label] = false;
            domain::ChannelShare share;
            if (!nulls[amount])
                share.amount = domain::Money::parse(QString::fromUtf8(values[amount]));
            if (!nulls[percentage])
                share.percentage = domain::Percent::parse(QString::fromUtf8(values[percentage]));
            const QVariant allocated = query.value(helpers + 3);
            const auto money = domain::effectiveAmount(
                share, allocated.isNull() ? std::nullopt : domain::Money::parse(allocated.toString()));
            nulls[effective] = !money;
            values[effective] = money ? money->toDecimalString().toUtf8() : QByteArray();
        }
        for (qsizetype k = 0; k < picked.size(); ++k) {
            const int i = picked.at(k);
            // A null view is NULL; an empty but non-null view is the empty string.
            fields[k] = nulls[i] ? QByteArrayView() : QByteArrayView(values[i].constData(), values[i].size());
        }
        if (!writer.writeRow(fields))
            return fail(Text::tr("could not write the file: %1").arg(writer.errorString()));
        if (++m_rows % 10000 == 0 && m_progress)
            m_progress(m_rows);
    }
    if (query.lastError().isValid())
        return fail(db::reportSqlError(Text::tr("Exporting %1").arg(request.table), query.lastError()));
    if (m_progress)
        m_progress(m_rows);
    return true;
}

bool TableExporter::exportWithCopy(const ExportRequest& request, RowSink& writer)
{
    const QVariant handle = m_db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "pg_conn*") != 0 || !handle.data())
        return exportGeneric(request, writer);
    PGconn* conn = *static_cast<PGconn* const*>(handle.data());
    if (!conn)
        return exportGeneric(request, writer);
    m_usedDirect = true;

    const QString sql = postgresExportSelect(request, planeAvailable(m_db), m_db.driver());
    PGresult* started = PQexec(conn, QStringLiteral("COPY (%1) TO STDOUT").arg(sql).toUtf8().constData());
    if (PQresultStatus(started) != PGRES_COPY_OUT) {
        const QString why = QString::fromUtf8(PQresultErrorMessage(started)).simplified();
        PQclear(started);
        return fail(Text::tr("Exporting %1: %2").arg(request.table, why));
    }
    PQclear(started);

    bool cancelSent = false;
    bool writeFailed = false; // the output refused a row: the server is stopped as for a cancel
    QList<QByteArray> escaped; // the few unescaped copies; their data stays put while the list grows
    QList<QByteArrayView> fields;
    char* buffer = nullptr;
    int length = 0;
    while ((length = PQgetCopyData(conn, &buffer, 0)) > 0) {
        if ((*m_cancelled || writeFailed) && !cancelSent) {
            // Ask the server to stop; keep reading until it does, so the connection stays usable.
            if (PGcancel* cancel = PQgetCancel(conn)) {
                char why[256];
                PQcancel(cancel, why, sizeof why);
                PQfreeCancel(cancel);
            }
            cancelSent = true;
        }
        if (!cancelSent) {
            QByteArrayView row(buffer, length);
            if (row.endsWith('\n'))
                row.chop(1);
            // Views straight into libpq's buffer; only a field holding a backslash escape needs a copy.
            escaped.clear();
            fields.clear();
            qsizetype start = 0;
            while (true) {
                const qsizetype tab = row.indexOf('\t', start);
                const QByteArrayView raw = row.sliced(start, (tab < 0 ? row.size() : tab) - start);
                if (raw == QByteArrayView("\\N")) {
                    fields << QByteArrayView();
                } else if (raw.contains('\\')) {
                    escaped << unescapeCopyField(raw);
                    fields << QByteArrayView(escaped.constLast().constData(), escaped.constLast().size());
                } else {
                    fields << QByteArrayView(raw.isEmpty() ? "" : raw.data(), raw.size());
                }
                if (tab < 0)
                    break;
                start = tab + 1;
            }
            if (!writer.writeRow(fields)) {
                PQfreemem(buffer);
                writeFailed = true;
                continue;
            }
            if (++m_rows % 10000 == 0 && m_progress)
                m_progress(m_rows);
        }
        PQfreemem(buffer);
    }
    PGresult* finished = PQgetResult(conn);
    const bool ok = PQresultStatus(finished) == PGRES_COMMAND_OK;
    const QString why = QString::fromUtf8(PQresultErrorMessage(finished)).simplified();
    PQclear(finished);
    while (PGresult* rest = PQgetResult(conn))
        PQclear(rest);
    if (writeFailed)
        return fail(Text::tr("could not write the file: %1").arg(writer.errorString()));
    if (*m_cancelled)
        return fail(Text::tr("export cancelled"));
    if (!ok || length == -2)
        return fail(Text::tr("Exporting %1: %2").arg(request.table, why));
    if (m_progress)
        m_progress(m_rows);
    return true;
}

bool TableExporter::exportWithSqlite(const ExportRequest& request, RowSink& writer)
{
    const QVariant handle = m_db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0 || !handle.data())
        return exportGeneric(request, writer);
    sqlite3* connection = *static_cast<sqlite3* const*>(handle.data());
    if (!connection)
        return exportGeneric(request, writer);
    m_usedDirect = true;

    const QByteArray sql = sqliteExportSelect(request, m_db.driver()).toUtf8();
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(connection, sql.constData(), static_cast<int>(sql.size()), &statement, nullptr)
        != SQLITE_OK) {
        sqlite3_finalize(statement);
        return fail(Text::tr("Exporting %1: %2").arg(request.table, QString::fromUtf8(sqlite3_errmsg(connection))));
    }
    // A sort on a column without an index can take seconds before the first row: let Cancel stop that too.
    sqlite3_progress_handler(
        connection, 10000, [](void* flag) -> int { return static_cast<std::atomic<bool>*>(flag)->load() ? 1 : 0; },
        m_cancelled.get());
    const QList<Column> plan = planFor(request.table);
    QString error;
    const QList<int> picked = *selection(plan, request.columns, &error);
    const auto count = picked.size();
    QList<Finish> finish;
    for (const int i : picked) {
        const Column& column = plan.at(i);
        if (column.source == Source::EffectiveBudget)
            finish << Finish::EffectiveBudget;
        else if (column.spec && column.spec->kind == ColumnKind::Instant)
            finish << Finish::Instant;
        else if (column.spec && column.spec->kind == ColumnKind::Boolean)
            finish << Finish::Boolean;
        else if (column.spec
            && (column.spec->kind == ColumnKind::JsonObject || column.spec->kind == ColumnKind::JsonArray
                || column.spec->kind == ColumnKind::Kpis))
            finish << Finish::Json;
        else
            finish << Finish::AsStored;
    }
    const auto stored = [statement](int i) {
        // The bytes SQLite holds, valid until the next step: no copy, no conversion to UTF-16 and back.
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, i));
        return text ? QByteArrayView(text, sqlite3_column_bytes(statement, i)) : QByteArrayView();
    };
    QList<QByteArrayView> fields(count);
    QList<QByteArray> finished(count); // values worked out here; their views stay valid until the next row
    bool written = true;
    int step = SQLITE_DONE;
    while (!*m_cancelled && (step = sqlite3_step(statement)) == SQLITE_ROW) {
        for (qsizetype k = 0; k < count; ++k) {
            const int i = static_cast<int>(k);
            const QByteArrayView value = stored(i);
            switch (finish.at(k)) {
            case Finish::AsStored:
                fields[k] = value;
                break;
            case Finish::Instant:
                if (value.isNull() || isCanonicalInstant(value)) {
                    fields[k] = value;
                } else { // anything else as the generic path reads it
                    finished[k] = formatOwn(*plan.at(picked.at(k)).spec, QString::fromUtf8(value));
                    fields[k] = finished[k];
                }
                break;
            case Finish::Boolean:
                if (value.isNull())
                    fields[k] = value;
                else if (sqlite3_column_type(statement, i) == SQLITE_INTEGER)
                    fields[k] = sqlite3_column_int64(statement, i) != 0 ? "true" : "false";
                else
                    fields[k] = (finished[k] = formatOwn(*plan.at(picked.at(k)).spec, QString::fromUtf8(value)));
                break;
            case Finish::Json: // as PostgreSQL prints jsonb: the same bytes from both backends
                if (!value.isNull() && writeAsJsonbText(value, &finished[k]))
                    fields[k] = finished[k];
                else
                    fields[k] = value;
                break;
            case Finish::EffectiveBudget: {
                domain::ChannelShare share;
                const QByteArrayView amount = stored(static_cast<int>(count));
                share.amount = storedMoney(amount);
                share.percentage = storedPercent(stored(static_cast<int>(count) + 1));
                const auto money = domain::effectiveAmount(share, storedMoney(stored(static_cast<int>(count) + 2)));
                if (!money)
                    fields[k] = QByteArrayView();
                else if (share.amount && storedHundredths(amount) && (amount[0] != '0' || amount[1] == '.'))
                    fields[k] = amount; // a fixed amount, already in its exported form (no leading zero)
                else
                    fields[k] = (finished[k] = money->toDecimalString().toUtf8());
                break;
            }
            }
        }
        if (!writer.writeRow(fields)) {
            written = false;
            break;
        }
        if (++m_rows % 10000 == 0 && m_progress)
            m_progress(m_rows);
    }
    const QString why = QString::fromUtf8(sqlite3_errmsg(connection));
    sqlite3_progress_handler(connection, 0, nullptr, nullptr);
    sqlite3_finalize(statement);
    if (*m_cancelled)
        return fail(Text::tr("export cancelled"));
    if (!written)
        return fail(Text::tr("could not write the file: %1").arg(writer.errorString()));
    if (step != SQLITE_DONE && step != SQLITE_ROW)
        return fail(Text::tr("Exporting %1: %2").arg(request.table, why));
    if (m_progress)
        m_progress(m_rows);
    return true;
}

bool exportToFile(TableExporter& exporter, const ExportRequest& request, const QString& path, QString* error)
{
    // Standard output, a device, a FIFO or a socket are written in place, unbuffered, every write checked (a temporary
    // file renamed over a special file would replace it, and its reader would get nothing).
    const bool toStdout = path == QStringLiteral("-");
    const QFileInfo info(path); // through links: what is written is what they point at
    if (toStdout || (info.exists() && !info.isFile() && !info.isDir())) {
        QFile out;
        const bool opened = toStdout
            ? out.open(STDOUT_FILENO, QIODevice::WriteOnly | QIODevice::Unbuffered, QFileDevice::DontCloseHandle)
            : (out.setFileName(path), out.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
        if (!opened) {
            *error = toStdout ? Text::tr("cannot write to standard output: %1").arg(out.errorString())
                              : Text::tr("cannot write %1: %2").arg(path, out.errorString());
            return false;
        }
        if (!exporter.exportTable(request, &out)) {
            *error = exporter.lastError();
            return false;
        }
        return true;
    }
    QSaveFile file(path);
    // Unbuffered: the writer buffers; a buffer of QFileDevice's own would be flushed at commit(), where a full disk
    // reads "Unknown error" (a short write carries no reason).
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
        *error = Text::tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    if (!exporter.exportTable(request, &file)) {
        file.cancelWriting();
        *error = exporter.lastError();
        return false;
    }
    if (!file.commit()) {
        *error = Text::tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace agency::exporting
