// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

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

// What a column is to the budget rules (a campaign's split, its spent flags, the plausibility questions): code asks a
// table for the column of a role (TableSpec::columnFor()), never for a name.
enum class ColumnRole {
    None,
    Allocated, // a campaign's budget
    Spent, // what it has spent
    Status, // its status (what the attention rules weigh)
    SharePercentage, // a channel's share of its campaign's budget, in percent
    ShareAmount, // a channel's fixed amount (it overrides the percentage)
    Active, // whether the row counts (an inactive channel takes no share, an inactive client owes no retainer)
    ResponseHours, // a tier's promised first response, in hours
    IncludedHours, // the hours a tier's retainer includes each month
    HourlyRate, // what an hour beyond those costs
    Retainer, // a tier's monthly fee
    ExternalAccount, // a channel's ad account at its platform (what a spend report names it by)
    ExternalCampaign, // a channel's campaign at its platform
    Results, // a channel's counts (impressions, clicks…): the sums of its imported spend reports
};

// Which Plane table a PlaneReference column points to (read-only: Plane's own rows).
enum class PlaneLink { None, Workspace, Project, Issue };

// One column, declared once with designated initialisers: what it holds, how people see and edit it, how it is
// searched, sorted and imported. Code asks the column, never its name.
struct ColumnSpec {
    QString name = {};
    ColumnKind kind = ColumnKind::Text;
    const char* label = nullptr; // QT_TRANSLATE_NOOP("Column", …): its name for people (columnLabel())
    int size = 0; // varchar length, or digits before the point for money
    bool required = false; // NOT NULL without a default the app can rely on
    QStringList choices = {}; // Choice
    QString references = {}; // Reference: the agency_ table
    bool nonNegative = false; // Integer
    // JsonObject holding the row's name as {"name": "…"} (a campaign's metadata): lists head it "Name", show that
    // name (the Plane project's, when linked) and sort by it; forms and files keep the JSON.
    bool holdsName = false;
    // Text holding a code of an open vocabulary (a campaign's or channel's type): these are offered as it is typed,
    // and every known code is shown as people read it (domain::valueLabel), in their language; files keep the code.
    QStringList suggestions = {};
    // Text a person writes at length (notes, a brief, an address): a multi-line editor.
    bool multiline = false;
    // PlaneReference: the Plane table it points to.
    PlaneLink plane = PlaneLink::None;
    // PlaneLink::Project: the reference to the client whose Plane workspace lists the projects to pick from.
    QString narrowedBy = {};
    // What a new row starts with (invalid: nothing, or the database's default when saved).
    QVariant newRowValue = {};
    ColumnRole role = ColumnRole::None;
    // Written by an import only, shown but never edited (which time tracker's entry a row is).
    bool readOnly = false;
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
    QString table = {};
    QString column = {};
};

// One agency_ table as the app knows it: described once (designated initialisers, tablespec.cpp), used by the models,
// forms, validation, formatting, lookups, import and export. Its behaviour is declared here too, so that code asks
// the spec, not the table's name.
struct TableSpec {
    QString table = {};
    // What the command line and file names call it ("sla-tiers").
    QString commandName = {};
    QList<ColumnSpec> columns = {};
    // The order a page opens in: this column, ascending unless `sortDescending`.
    QString sortColumn = {};
    bool sortDescending = false;
    // What a row is called where people see it; empty for campaigns, which are named by a label made of parts
    // (LookupNames::campaignLabel).
    QString nameColumn = {};
    // How a picker lists the rows (SQL over the row alias x; {collate} after a name: in the reader's language's order,
    // LookupNames::pickerOrder()).
    QString pickerOrder = {};
    // 0: a picker lists every live row; else the first this many, and typing searches the rest on the server.
    int pickerLimit = 0;
    // The reference to the row this one belongs to: restored only while that one is live.
    QString parentColumn = {};
    // Rows that belong to one of these: deleted with it and restored with it (recursively).
    QList<Link> children = {};
    // Live rows that use one of these: it cannot be deleted while there are any.
    QList<Link> users = {};
    // QT_TRANSLATE_NOOP("SoftDeletion", …): why a row cannot be restored (%1: the parent's name, when it has one);
    // why it cannot be deleted (%1: its name, %2: how many live rows use it).
    const char* parentDeletedMessage = nullptr;
    const char* inUseMessage = nullptr;
    // A pair of dates whose end may not come before its start (both columns of this table); empty: none.
    QString startColumn = {};
    QString endColumn = {};
    // The column naming the campaign whose budget split a row takes part in ("id" for a campaign itself); empty:
    // none. A save or an import that touches it checks that campaign for over-allocation.
    QString splitCampaignColumn = {};
    // Whether the CSV import takes this table.
    bool importable = true;
    QList<ExportLookup> exportLookups = {};
    // Whether migration 0003 gave the table a search index over its searchable columns (RowFilter::searchColumns):
    // <table>_search (FTS5 trigram) on SQLite, <table>_search_idx (pg_trgm) on PostgreSQL.
    bool searchIndexed = false;
    // QT_TRANSLATE_N_NOOP("TableSpec", …): how many rows of it, for people ("3 channels"); see rowCountText().
    const char* rowsMessage = nullptr;
    // A searchable column of few distinct values that leads the index of the page's order (a channel's type): a
    // search in that order takes the values that match from the index (a skip over it, one step per value) and their
    // rows straight from it, and finds only the rest of its matches through a search index over the other columns
    // (RowFilter::searchSplit; on PostgreSQL <table>_search_rest_idx, migration 0005). Empty: none.
    QString searchSplitColumn = {};
    // What tells two rows of one name apart where people see them (a client's legal name: two "Müller GmbH" in two
    // cities), else a short id (domain::distinctNames). Empty: none.
    QString detailColumn = {};
    // What a list of these rows under their parent shows (a client's campaigns, a campaign's channels); empty: all.
    QStringList listColumns = {};

    int indexOf(const QString& name) const;
    const ColumnSpec* column(const QString& name) const;
    // The column holding the row's name in JSON (ColumnSpec::holdsName), or null.
    const ColumnSpec* namingColumn() const;
    // The name of the column of `role`, or empty when the table has none.
    QString columnFor(ColumnRole role) const;
    // The column referencing rows of the agency table `other` (a client's tier), or empty.
    QString referenceTo(const QString& other) const;
    // The column linking a row to a Plane table of that kind, or null.
    const ColumnSpec* planeColumn(PlaneLink link) const;
};

const TableSpec& slaTiersSpec();
const TableSpec& clientsSpec();
const TableSpec& campaignsSpec();
const TableSpec& channelsSpec();
const TableSpec& timeEntriesSpec();
const TableSpec* specFor(const QString& table);
// The spec of the table the command line calls `name` ("channels"), or null.
const TableSpec* specForCommandName(const QString& name);
// The tables the window has a page for, in its order.
QList<const TableSpec*> allSpecs();

// The columns every agency_ table has: its primary key, and the database's own stamps.
inline QString idColumn()
{
    return QStringLiteral("id");
}
inline QString createdColumn()
{
    return QStringLiteral("created_at");
}
inline QString stampColumn()
{
    return QStringLiteral("updated_at");
}
inline QString deletedColumn()
{
    return QStringLiteral("deleted_at");
}

// created_at, updated_at, deleted_at: the database's own, never written by the app.
bool isAuditColumn(const QString& column);

// "%n campaign(s)" of `spec`, translated, for `count` rows.
QString rowCountText(const TableSpec& spec, qint64 count);

// A column's name for people (translated), e.g. "Budget allocated".
QString columnLabel(const QString& column);

} // namespace agency::tables
