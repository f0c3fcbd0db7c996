// SPDX-License-Identifier: GPL-3.0-or-later
#include "tableimport.h"

#include "csvreader.h"
#include "csvwriter.h"
#include "db/database.h"
#include "db/sqlerror.h"
#include "domain/budget.h"
#include "domain/money.h"
#include "parentlookup.h"
#include "tables/agencytablemodel.h"
#include "tables/budgetqueries.h"
#include "tables/columnvalues.h"
#include "tables/rowwriter.h"
#include "tables/tablespec.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUuid>

namespace agency::exporting {

namespace {
    using tables::ColumnKind;
    using tables::ColumnSpec;

    // What this file says to people, in lupdate's and the runtime's one context "TableImport".
    struct Text {
        Q_DECLARE_TR_FUNCTIONS(TableImport)
    };

    // An amount or percentage as a German or French spreadsheet writes it — "1234,56", "1.234,56" — as the app
    // writes it ("1234.56"); anything else as it is (a dot is still a decimal point: "12.50").
    QString fromDecimalComma(const QString& text)
    {
        static const QRegularExpression grouped(QStringLiteral("^[+-]?\\d{1,3}(\\.\\d{3})+(,\\d+)?$"));
        static const QRegularExpression plain(QStringLiteral("^[+-]?\\d*,\\d+$"));
        const QString trimmed = text.trimmed();
        if (grouped.match(trimmed).hasMatch())
            return QString(trimmed).remove(u'.').replace(u',', u'.');
        if (plain.match(trimmed).hasMatch())
            return QString(trimmed).replace(u',', u'.');
        return text;
    }

    // The file's text → the app's value for `column`, or a problem.
    QVariant parseValue(const ColumnSpec& column, const CsvField& field, bool decimalComma, QString* problem)
    {
        if (field.isNull)
            return {};
        QString text = field.text;
        const bool isText = column.kind == ColumnKind::Text || column.kind == ColumnKind::Choice;
        // Undo the export's formula guard: '= '+ '- '@ 'tab 'CR '' become what they were.
        if (isText && CsvWriter::hasFormulaGuard(text))
            text.remove(0, 1);
        switch (column.kind) {
        case ColumnKind::Boolean: {
            const QString b = text.trimmed().toLower();
            if (b == QStringLiteral("true") || b == QStringLiteral("1") || b == QStringLiteral("yes"))
                return true;
            if (b == QStringLiteral("false") || b == QStringLiteral("0") || b == QStringLiteral("no"))
                return false;
            *problem = Text::tr("%1: '%2' is not true or false").arg(tables::columnLabel(column.name), text.left(20));
            return {};
        }
        case ColumnKind::Date: {
            const QDate date = QDate::fromString(text.trimmed(), Qt::ISODate);
            if (!date.isValid())
                *problem = Text::tr("%1: '%2' is not a date (YYYY-MM-DD)")
                               .arg(tables::columnLabel(column.name), text.left(20));
            return date;
        }
        case ColumnKind::Instant:
            return QDateTime::fromString(text.trimmed(), Qt::ISODateWithMs).toUTC();
        case ColumnKind::Integer: {
            bool ok = false;
            const qlonglong n = text.trimmed().toLongLong(&ok);
            if (!ok)
                *problem
                    = Text::tr("%1: '%2' is not a whole number").arg(tables::columnLabel(column.name), text.left(20));
            return n;
        }
        case ColumnKind::Money:
        case ColumnKind::Percent:
            return decimalComma ? fromDecimalComma(text) : text;
        default:
            return text;
        }
    }

    bool sameValue(const ColumnSpec& column, const QVariant& a, const QVariant& b)
    {
        if (tables::isNullValue(a) || tables::isNullValue(b))
            return tables::isNullValue(a) == tables::isNullValue(b) && a.isNull() == b.isNull();
        switch (column.kind) {
        case ColumnKind::Money:
        case ColumnKind::Percent: {
            const auto x = domain::Money::parse(a.toString());
            const auto y = domain::Money::parse(b.toString());
            return x && y ? *x == *y : a.toString() == b.toString();
        }
        case ColumnKind::JsonObject:
        case ColumnKind::JsonArray:
        case ColumnKind::Kpis:
            return QJsonDocument::fromJson(a.toString().toUtf8()) == QJsonDocument::fromJson(b.toString().toUtf8());
        case ColumnKind::Date:
            return a.toDate() == b.toDate();
        case ColumnKind::Boolean:
            return a.toBool() == b.toBool();
        case ColumnKind::Integer:
            return a.toLongLong() == b.toLongLong();
        default:
            return a.toString() == b.toString();
        }
    }

    // PRAGMA temp_store = MEMORY on an SQLite connection for as long as it lives (set and reset outside a
    // transaction: SQLite refuses to change it inside one).
    class TempStoreInMemory {
    public:
        explicit TempStoreInMemory(QSqlDatabase db)
            : m_db(db::dialectOf(db) == db::Dialect::SQLite ? std::optional<QSqlDatabase>(db) : std::nullopt)
        {
            if (m_db)
                QSqlQuery(*m_db).exec(QStringLiteral("PRAGMA temp_store = MEMORY"));
        }
        ~TempStoreInMemory()
        {
            if (m_db)
                QSqlQuery(*m_db).exec(QStringLiteral("PRAGMA temp_store = DEFAULT"));
        }
        TempStoreInMemory(const TempStoreInMemory&) = delete;
        TempStoreInMemory& operator=(const TempStoreInMemory&) = delete;

    private:
        std::optional<QSqlDatabase> m_db;
    };

    bool exec(QSqlDatabase db, const QString& sql, const QVariantList& bind, QString* error, QSqlQuery* out = nullptr)
    {
        QSqlQuery query(db);
        bool ok = false;
        if (bind.isEmpty()) {
            ok = query.exec(sql);
        } else {
            ok = query.prepare(sql);
            for (const QVariant& value : bind)
                query.addBindValue(value);
            ok = ok && query.exec();
        }
        if (!ok && error)
            *error = db::reportSqlError(Text::tr("Importing"), query.lastError());
        if (ok && out)
            *out = std::move(query);
        return ok;
    }
}

TableImporter::TableImporter(QSqlDatabase db, QString table)
    : m_db(db)
    , m_table(std::move(table))
{
}

ImportReport TableImporter::dryRun(const QByteArray& csv)
{
    QBuffer buffer;
    buffer.setData(csv);
    buffer.open(QIODevice::ReadOnly);
    return run(&buffer, false);
}

ImportReport TableImporter::import(const QByteArray& csv)
{
    QBuffer buffer;
    buffer.setData(csv);
    buffer.open(QIODevice::ReadOnly);
    return run(&buffer, true);
}

ImportReport TableImporter::run(QIODevice* file, bool commit)
{
    // PostgreSQL ends a transaction at its first failed statement. A savepoint per row lets the import go on and tell
    // every row the database refuses, at two more round trips a row; such rows are rare (the rules are checked here
    // first), so the file is read without them, and read again with them only when the database refused a row — if
    // it can be read again (a file, not a pipe).
    const bool postgres = db::dialectOf(m_db) == db::Dialect::PostgreSQL;
    const qint64 start = file->pos();
    bool again = false;
    ImportReport report = runOnce(file, commit, postgres && file->isSequential(), &again);
    if (again && file->seek(start))
        report = runOnce(file, commit, true, &again);
    return report;
}

ImportReport TableImporter::runOnce(QIODevice* file, bool commit, bool careful, bool* again)
{
    *again = false;
    ImportReport report;
    const tables::TableSpec* spec = tables::specFor(m_table);
    if (!spec || !spec->importable) {
        report.addProblem({ 0, {}, Text::tr("import works for SLA tiers, clients, campaigns and channels") });
        return report;
    }
    CsvReader reader(file, m_delimiter);
    const auto header = reader.next();
    if (!header) {
        report.addProblem({ 1, {}, reader.error().isEmpty() ? Text::tr("the file is empty") : reader.error() });
        return report;
    }
    // A file separated by semicolons is a German or French spreadsheet's: its amounts have a decimal comma.
    const bool decimalComma = m_decimalComma.value_or(reader.delimiter() == ';');
    QList<const ColumnSpec*> mapped;
    // The lookup columns the export writes beside a parent's id: a row without the id names its parent by them.
    int clientNameAt = -1;
    int campaignLabelAt = -1;
    for (const CsvField& name : header->fields) {
        if (name.text.trimmed().compare(QStringLiteral("client_name"), Qt::CaseInsensitive) == 0
            && !spec->column(QStringLiteral("client_name")))
            clientNameAt = static_cast<int>(mapped.size());
        if (name.text.trimmed().compare(QStringLiteral("campaign_label"), Qt::CaseInsensitive) == 0)
            campaignLabelAt = static_cast<int>(mapped.size());
        const ColumnSpec* column = spec->column(name.text.trimmed().toLower());
        if (column && mapped.contains(column)) { // which of the two would be meant?
            report.addProblem({ 1, column->name,
                Text::tr("the header names the column %1 twice (fields %2 and %3)")
                    .arg(column->name)
                    .arg(mapped.indexOf(column) + 1)
                    .arg(mapped.size() + 1) });
            return report;
        }
        mapped << column;
        if (!column)
            report.ignoredColumns << name.text;
    }
    if (std::none_of(mapped.cbegin(), mapped.cend(), [](const ColumnSpec* c) { return c != nullptr; })) {
        report.addProblem({ 1, {}, Text::tr("no column of the header names a column of %1").arg(m_table) });
        return report;
    }

    QSqlError began;
    // SQLite journals each page a row's statement changes (its history trigger makes every INSERT and UPDATE one
    // that may need undoing alone) into a temporary file, a write per page: kept in memory instead, an import takes
    // half the time. Each statement's journal ends with it, so memory does not grow; back to the default after.
    const TempStoreInMemory journalInMemory(m_db);
    if (!db::beginWrite(m_db, &began)) {
        report.addProblem({ 0, {}, db::reportSqlError(Text::tr("Starting the import"), began) });
        return report;
    }
    const bool postgres = db::dialectOf(m_db) == db::Dialect::PostgreSQL;
    bool ended = false; // SQLite rolled the transaction back itself (a full disk, an I/O error)
    ParentLookup parents(m_db, *spec);
    const bool byName = parents.applies() && clientNameAt >= 0 && (!parents.needsLabel() || campaignLabelAt >= 0);
    const auto lookupText = [](const CsvField& field) {
        QString text = field.isNull ? QString() : field.text;
        if (CsvWriter::hasFormulaGuard(text))
            text.remove(0, 1);
        return text;
    };
    QSet<QString> campaignsToCheck;
    QHash<QString, int> campaignLine;
    int sinceReport = 0;
    tables::RowWriter::Statements statements; // each shape of INSERT or UPDATE prepared once for the whole file
    while (const auto record = reader.next()) {
        const int line = record->line;
        if (m_progress && sinceReport-- == 0) {
            sinceReport = 199;
            if (!m_progress(line)) {
                report.cancelled = true;
                break;
            }
        }
        if (record->fields.size() == 1 && record->fields.constFirst().isNull)
            continue; // a blank line
        if (record->fields.size() != mapped.size()) {
            report.addProblem({ line, {},
                Text::tr("%1 fields, where the header has %2").arg(record->fields.size()).arg(mapped.size()) });
            continue;
        }
        QVariantMap values;
        QVariant fileStamp;
        const qint64 problemsBefore = report.problemCount();
        for (int i = 0; i < mapped.size(); ++i) {
            const ColumnSpec* column = mapped.at(i);
            if (!column || column->name == QStringLiteral("created_at") || column->name == QStringLiteral("deleted_at"))
                continue;
            QString problem;
            const QVariant value = parseValue(*column, record->fields.at(i), decimalComma, &problem);
            if (column->name == QStringLiteral("updated_at")) {
                fileStamp = value;
                continue;
            }
            // An empty id means a new row: it gets one below; an empty parent is looked up by name below.
            const bool parentByName = byName && column->name == parents.parentColumn() && value.toString().isEmpty();
            if (problem.isEmpty() && !(column->kind == ColumnKind::Uuid && value.isNull()) && !parentByName)
                problem = tables::problemWith(*column, value);
            if (!problem.isEmpty())
                report.addProblem({ line, column->name, problem });
            values.insert(column->name, value);
        }

        if (byName && values.value(parents.parentColumn()).toString().isEmpty()) {
            // No parent id: the parent the file names (client_name; for a channel with campaign_label).
            const auto found = parents.byName(lookupText(record->fields.at(clientNameAt)),
                campaignLabelAt >= 0 ? lookupText(record->fields.at(campaignLabelAt)) : QString());
            if (found.id.isEmpty())
                report.addProblem({ line, parents.parentColumn(), found.problem });
            else
                values.insert(parents.parentColumn(), found.id);
        }

        QString id = values.value(QStringLiteral("id")).toString();
        QVariantMap current;
        QVariant currentStamp;
        if (!id.isEmpty() && report.problemCount() == problemsBefore) {
            QSqlQuery existing;
            QString error;
            if (!exec(m_db, QStringLiteral("SELECT * FROM %1 WHERE id = ?").arg(m_table), { id }, &error, &existing)) {
                report.addProblem({ line, QStringLiteral("id"), error });
                continue;
            }
            if (existing.next()) {
                for (const ColumnSpec& column : spec->columns)
                    current.insert(column.name, tables::fromStorage(column, existing.value(column.name)));
                currentStamp = existing.value(QStringLiteral("updated_at"));
            }
        }
        // The whole row as it would be, for the rules that span columns.
        QVariantMap merged = current;
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            merged.insert(it.key(), it.value());
        // A new row, or one moved, under a deleted parent (a live campaign under a deleted client): refused.
        if (parents.applies() && values.contains(parents.parentColumn())
            && (current.isEmpty() || current.value(parents.parentColumn()) != values.value(parents.parentColumn()))) {
            if (const QString deleted = parents.deletedParent(values.value(parents.parentColumn()).toString());
                !deleted.isEmpty())
                report.addProblem({ line, parents.parentColumn(), deleted });
        }
        QList<tables::FieldProblem> ruleProblems;
        if (!spec->startColumn.isEmpty())
            tables::checkDateOrder(*spec, id, merged, ruleProblems);
        for (const auto& p : std::as_const(ruleProblems))
            report.addProblem({ line, p.column, p.message });
        if (report.problemCount() != problemsBefore)
            continue;

        // What changed (the file's other columns are as stored): a row whose every field is unchanged is not written.
        QVariantMap changed;
        if (!current.isEmpty()) {
            for (auto it = values.cbegin(); it != values.cend(); ++it) {
                const ColumnSpec* column = spec->column(it.key());
                if (column->kind != ColumnKind::Uuid && !sameValue(*column, it.value(), current.value(it.key())))
                    changed.insert(it.key(), it.value());
            }
            if (changed.isEmpty()) {
                ++report.unchanged;
                continue;
            }
            for (auto it = changed.cbegin(); it != changed.cend(); ++it) {
                if (report.changes.size() < ImportReport::maxChanges)
                    report.changes.append({ line, id, it.key(), current.value(it.key()), it.value() });
                else
                    ++report.changesLeftOut;
            }
            const QDateTime stored = current.value(QStringLiteral("updated_at")).toDateTime();
            if (fileStamp.isValid() && fileStamp.toDateTime().isValid() && fileStamp.toDateTime() != stored) {
                report.addProblem({ line, QStringLiteral("updated_at"),
                    Text::tr("this row was changed in the database at %1, after the file's version (%2): export again "
                             "and redo the edit")
                        .arg(stored.toString(Qt::ISODateWithMs), fileStamp.toDateTime().toString(Qt::ISODateWithMs)) });
                continue;
            }
        }
        QString error;
        // On PostgreSQL, careful: a savepoint to go back to (see run()). SQLite undoes only the failed statement, and
        // a savepoint per row would journal every page the import writes (half its time): none there, but a check
        // that the transaction is still open after a failure.
        if (postgres && careful)
            exec(m_db, QStringLiteral("SAVEPOINT agency_import_row"), {}, &error);
        bool ok = false;
        tables::RowWriter writer(m_db, *spec, &statements); // the same writer as the window's Save
        QSqlError failure;
        if (!current.isEmpty()) {
            switch (writer.update(id, changed, currentStamp, &failure)) {
            case tables::RowWriter::Update::Written:
                ok = true;
                ++report.updates;
                break;
            case tables::RowWriter::Update::Stale:
                error = Text::tr("the row changed while importing");
                break;
            case tables::RowWriter::Update::Failed:
                error = db::reportSqlError(Text::tr("Importing"), failure);
                break;
            }
        } else {
            if (id.isEmpty())
                id = QUuid::createUuid().toString(QUuid::WithoutBraces);
            values.insert(QStringLiteral("id"), id);
            QVariantMap given; // an empty field is NULL; a column the file does not have gets its default
            for (auto it = values.cbegin(); it != values.cend(); ++it) {
                if (!(tables::isNullValue(it.value()) && !it.value().isValid()))
                    given.insert(it.key(), it.value());
            }
            ok = writer.insert(given, &failure);
            if (ok)
                ++report.inserts;
            else
                error = db::reportSqlError(Text::tr("Importing"), failure);
        }
        if (ok) {
            if (postgres && careful)
                exec(m_db, QStringLiteral("RELEASE SAVEPOINT agency_import_row"), {}, nullptr);
        } else {
            if (postgres && !careful) { // the transaction is over: read the file again with savepoints
                *again = true;
                report.addProblem({ line, {}, error });
                ended = true;
                break;
            }
            if (postgres)
                exec(m_db, QStringLiteral("ROLLBACK TO SAVEPOINT agency_import_row"), {}, nullptr);
            report.addProblem({ line, {}, error });
            if (!postgres && !db::stillInTransaction(m_db)) {
                report.addProblem(
                    { 0, {}, Text::tr("the database ended the import at line %1: nothing was written").arg(line) });
                ended = true;
                break;
            }
            continue;
        }
        const QString campaign = spec->splitCampaignColumn.isEmpty() ? QString()
            : spec->splitCampaignColumn == QStringLiteral("id")      ? id
                                                                : merged.value(spec->splitCampaignColumn).toString();
        if (!campaign.isEmpty()) {
            campaignsToCheck.insert(campaign);
            campaignLine.insert(campaign, line);
        }
    }
    if (!reader.error().isEmpty())
        report.addProblem({ 0, {}, reader.error() });

    if (report.cancelled) {
        report.addProblem({ 0, {}, Text::tr("cancelled: nothing was written") });
        campaignsToCheck.clear();
    }
    if (ended)
        campaignsToCheck.clear();
    // Budgets as they would be after the whole file: no campaign may end up over-allocated.
    for (const QString& campaign : std::as_const(campaignsToCheck)) {
        QString error;
        const auto budget = tables::readCampaignBudget(m_db, campaign, &error);
        if (!budget) {
            report.addProblem({ campaignLine.value(campaign), {}, error });
            continue;
        }
        const auto split = domain::splitBudget(budget->allocated, budget->channels);
        if (split.isOverAllocated())
            report.addProblem(
                { campaignLine.value(campaign), tables::channelsSpec().columnFor(tables::ColumnRole::ShareAmount),
                    tables::overAllocationMessage(split) });
    }

    statements.clear(); // finished before the transaction ends
    if (commit && report.ok()) {
        QSqlError committed;
        if (!db::commitWrite(m_db, &committed))
            report.addProblem({ 0, {}, db::reportSqlError(Text::tr("Committing the import"), committed) });
        else
            return report;
    }
    m_db.rollback();
    if (commit) { // a refused import wrote nothing; a dry run keeps the counts of what it would do
        report.inserts = 0;
        report.updates = 0;
        report.changes.clear();
        report.changesLeftOut = 0;
    }
    return report;
}

} // namespace agency::exporting
