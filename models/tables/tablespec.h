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
};

// One agency_ table as the app knows it: described once, used by validation, formatting, lookups and export.
struct TableSpec {
    QString table;
    QList<ColumnSpec> columns;

    int indexOf(const QString& column) const;
    const ColumnSpec* column(const QString& name) const;
};

const TableSpec& slaTiersSpec();
const TableSpec& clientsSpec();
const TableSpec& campaignsSpec();
const TableSpec& channelsSpec();
const TableSpec* specFor(const QString& table);

// A column's name for people (translated), e.g. "Budget allocated".
QString columnLabel(const QString& column);

} // namespace agency::tables
