// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace agency::domain {

// Rows that people tell apart by name: two clients called "Müller GmbH" (in different cities), two campaigns of one
// client with one name. Where a name is shared, each of its rows is named with what tells it apart: its detail (a
// client's legal name, a campaign's start date) when that is its own among them, else a short id.
struct NamedRow {
    QString id;
    QString name;
    QString detail; // empty: none
    QString group; // names are compared within a group only (a campaign's client); empty: all one group
};

// The name to show for each row, in `rows`' order: the name alone where no other row of its group has it (compared
// ignoring case and surrounding space), else "name (detail)" or "name (#1a2b3c4d)".
QList<QString> distinctNames(const QList<NamedRow>& rows);

// The first eight characters of an id (a UUID's first group), after '#'.
QString shortId(const QString& id);

} // namespace agency::domain
