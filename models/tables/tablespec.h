// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace agency::tables {

enum class ColumnKind {
    Uuid, // the primary key, made by the app
    Reference, // uuid of another agency_ row (real foreign key)
    PlaneReference, // uuid of a Plane row (no foreign key)
    Text,
    Integer,
    Money,
    Percent,
    Date,
    Instant,
    Boolean,
    Choice, // one of a fixed vocabulary
    JsonObject, // any object (metadata)
    JsonArray, // array of texts (features)
    Kpis, // object of metric → number
};

struct ColumnSpec {
    QString name;
    ColumnKind kind = ColumnKind::Text;
    int size = 0; // varchar length, or digits before the point for money
    bool required = false; // NOT NULL without a default the app can rely on
    QStringList choices; // Choice
    QString references; // Reference: the agency_ table
    bool nonNegative = false; // Integer
    // JsonObject holding the row's name as {"name": "…"} (a campaign's metadata): lists head it "Name", show that
    // name (the Plane project's, when linked) and sort by it; forms and files keep the JSON.
    bool holdsName = false;
    // Text holding a code of an open vocabulary (a campaign's or channel's type): these are offered as it is typed,
    // and every known code is shown as people read it (domain::valueLabel), in their language; files keep the code.
    QStringList suggestions = {};
};

// What an export adds after a table's own columns, for a spreadsheet reader: the names its references show.
enum class ExportLookup {
    TierName, // sla_tier_name, through sla_tier_id
    ClientName, // client_name, through client_id, or through the campaign's client_id
    CampaignLabel, // campaign_label, through campaign_id
    EffectiveBudget, // effective_budget: the fixed amount, else the campaign's allocation × the percentage
};

// Rows of `table` whose `column` references a row of the table that declares the link.
struct Link {
    QString table;
    QString column;
};

// One agency_ table as the app knows it: described once, used by validation, formatting, lookups and export. Its
// behaviour is declared here too, so that code asks the spec, not the table's name.
struct TableSpec {
    QString table;
    QList<ColumnSpec> columns;
    // What a row is called where people see it; empty for campaigns, which are named by a label made of parts
    // (LookupNames::campaignLabel).
    QString nameColumn;
    // How a picker lists the rows (SQL over the row alias x).
    QString pickerOrder;
    // 0: a picker lists every live row; else the first this many, and typing searches the rest on the server.
    int pickerLimit = 0;
    // The reference to the row this one belongs to: restored only while that one is live.
    QString parentColumn;
    // Rows that belong to one of these: deleted with it and restored with it (recursively).
    QList<Link> children;
    // Live rows that use one of these: it cannot be deleted while there are any.
    QList<Link> users;
    // QT_TRANSLATE_NOOP("SoftDeletion", …): why a row cannot be restored (%1: the parent's name, when it has one);
    // why it cannot be deleted (%1: its name, %2: how many live rows use it).
    const char* parentDeletedMessage = nullptr;
    const char* inUseMessage = nullptr;
    // A pair of dates whose end may not come before its start (both columns of this table); empty: none.
    QString startColumn;
    QString endColumn;
    // The column naming the campaign whose budget split a row takes part in ("id" for a campaign itself); empty:
    // none. A save or an import that touches it checks that campaign for over-allocation.
    QString splitCampaignColumn;
    // Whether the CSV import takes this table.
    bool importable = true;
    QList<ExportLookup> exportLookups;
    // Whether migration 0003 gave the table a search index over its searchable columns (RowFilter::searchColumns):
    // <table>_search (FTS5 trigram) on SQLite, <table>_search_idx (pg_trgm) on PostgreSQL.
    bool searchIndexed = false;
    // QT_TRANSLATE_N_NOOP("TableSpec", …): how many rows of it, for people ("3 channels"); see rowCountText().
    const char* rowsMessage = nullptr;
    // A searchable column of few distinct values that leads the index of the page's order (a channel's type): a
    // search in that order takes the values that match from the index (a skip over it, one step per value) and their
    // rows straight from it, and finds only the rest of its matches through a search index over the other columns
    // (RowFilter::searchSplit; on PostgreSQL <table>_search_rest_idx, migration 0005). Empty: none.
    QString searchSplitColumn;
    // What tells two rows of one name apart where people see them (a client's legal name: two "Müller GmbH" in two
    // cities), else a short id (domain::distinctNames). Empty: none.
    QString detailColumn;

    int indexOf(const QString& name) const;
    const ColumnSpec* column(const QString& name) const;
};

const TableSpec& slaTiersSpec();
const TableSpec& clientsSpec();
const TableSpec& campaignsSpec();
const TableSpec& channelsSpec();
const TableSpec* specFor(const QString& table);

// created_at, updated_at, deleted_at: the database's own, never written by the app.
bool isAuditColumn(const QString& column);

// "%n campaign(s)" of `spec`, translated, for `count` rows.
QString rowCountText(const TableSpec& spec, qint64 count);

// A column's name for people (translated), e.g. "Budget allocated".
QString columnLabel(const QString& column);

} // namespace agency::tables
