// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "csvwriter.h"
#include "tables/rowfilter.h"

#include <QIODevice>
#include <QSet>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <atomic>
#include <functional>
#include <memory>

namespace agency::exporting {

struct ExportRequest {
    QString table; // agency_sla_tiers, agency_clients, agency_campaigns, agency_campaign_channels
    tables::RowFilter filter; // which rows: live ones unless includeDeleted, a model's scope and search
    CsvOptions csv;
    QStringList columns; // a subset in the order to write (the GUI's visible columns); empty: all
    QString sortColumn; // one of the table's own columns; empty: by id
    Qt::SortOrder sortOrder = Qt::AscendingOrder;
    // The order text people read sorts in (db::localeCollation() of the connection, as the table model's pages use);
    // the exporter sets it from its connection.
    QString sortCollate;
    // The database formats every value and its rows go straight to the CSV writer: PostgreSQL's COPY, SQLite's own
    // statement API. false forces the generic path (a QSqlQuery formatted here), which yields the same bytes.
    bool allowDirect = true;
    // The table's columns the role may not read (TableRights::hidden()): read as NULL, never named to the server; the
    // exporter sets it from its connection and leaves them (and what is worked out from them) out of the file.
    QSet<QString> hidden;
    // CSV (csv's options), or an .xlsx workbook of real number, date and boolean cells (SheetWriter).
    enum class Format { Csv, Xlsx };
    Format format = Format::Csv;
};

// The columns an export of `table` writes: the table's own, then the lookups a spreadsheet reader needs
// (sla_tier_name; client_name; client_name, campaign_label, effective_budget).
QStringList exportHeaders(const QString& table);

// The PostgreSQL SELECT that yields exactly the exported text of every column (what the COPY path streams), its
// literals formatted by `driver`. `withPlane`: look up Plane project names.
QString postgresExportSelect(const ExportRequest& request, bool withPlane, const QSqlDriver* driver);
// The same for SQLite (what the direct path steps through).
QString sqliteExportSelect(const ExportRequest& request, const QSqlDriver* driver);

// Streams one table to CSV with bounded memory, on a connection of its own (a streaming query discards any other
// pending result on its connection). On PostgreSQL the server formats every value in SQL and streams it through
// COPY … TO STDOUT on the QPSQL connection; on SQLite it does the same in SQL and the rows are stepped through with
// SQLite's own API, each value handed to the writer as the bytes SQLite holds. The generic path (a forward-only
// QSqlQuery formatted here) is the reference both are tested against; all feed the same CsvWriter, so the files are
// byte-identical.
class TableExporter {
public:
    // `cancelled`: a flag the caller shares (and keeps after this exporter is gone), so another thread can stop the
    // export by setting it without ever touching the exporter itself.
    explicit TableExporter(QSqlDatabase db, std::shared_ptr<std::atomic<bool>> cancelled = {});

    void setProgressHandler(std::function<void(qint64 rows)> handler) { m_progress = std::move(handler); }
    bool exportTable(const ExportRequest& asked, QIODevice* out);
    void cancel() { *m_cancelled = true; } // from any thread
    bool wasCancelled() const { return *m_cancelled; }
    bool usedDirect() const { return m_usedDirect; }
    qint64 rows() const { return m_rows; }
    // The columns the last export left out because the role may not read them (or what they are worked out from).
    const QStringList& leftOut() const { return m_leftOut; }
    QString lastError() const { return m_error; }

private:
    bool exportGeneric(const ExportRequest& request, RowSink& writer);
    bool exportWithCopy(const ExportRequest& request, RowSink& writer);
    bool exportWithSqlite(const ExportRequest& request, RowSink& writer);
    bool fail(const QString& message);

    QSqlDatabase m_db;
    std::function<void(qint64)> m_progress;
    std::shared_ptr<std::atomic<bool>> m_cancelled;
    bool m_usedDirect = false;
    qint64 m_rows = 0;
    QStringList m_leftOut;
    QString m_error;
};

// Exports to `path` atomically (QSaveFile: a failed or cancelled export leaves no file and never replaces a good
// one), or to standard output when `path` is "-".
bool exportToFile(TableExporter& exporter, const ExportRequest& request, const QString& path, QString* error);

} // namespace agency::exporting
