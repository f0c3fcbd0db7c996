// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QVariant>

namespace agency::test {

QString newId();

// Rows of the agency_ tables a test starts from, written with plain SQL as another program would, declared with
// designated initialisers: test::add(db, test::Client { .name = QStringLiteral("Globex"), .tier = gold }). What is
// left out gets the schema's default (NULL where it has none); what is set is written as given, in the stored form
// ('5000.00', '2026-01-01', JSON text).
struct Tier {
    QString id = newId();
    QString name = QStringLiteral("Gold");
    QVariant priority = 1;
    QVariant description = {};
    QVariant responseTimeHours = {};
    QVariant monthlyHoursIncluded = {};
    QVariant hourlyRate = {};
    QVariant monthlyRetainer = {};
    QVariant features = {};
};

struct Client {
    QString id = newId();
    QString name = QStringLiteral("Acme");
    QVariant type = {}; // 'retainer' by default
    QVariant tier = {};
    QVariant legalName = {};
    QVariant industry = {};
    QVariant active = {};
    QVariant notes = {};
    QVariant workspace = {};
    QVariant contractStart = {};
    QVariant contractEnd = {};
    QVariant deletedAt = {};
};

struct Campaign {
    QString id = newId();
    QString client = {};
    QVariant type = {}; // 'other' by default
    QVariant status = {}; // 'draft' by default
    QVariant allocated = {};
    QVariant spent = {};
    QVariant start = {};
    QVariant end = {};
    QVariant targetKpis = {};
    QVariant actualKpis = {};
    QVariant metadata = {};
    QVariant project = {};
    QVariant brief = {};
    QVariant notes = {};
    QVariant deletedAt = {};
};

struct Channel {
    QString id = newId();
    QString campaign = {};
    QString type = QStringLiteral("google_ads");
    QVariant percentage = {};
    QVariant amount = {};
    QVariant active = {};
    QVariant performance = {};
    QVariant account = {};
    QVariant externalCampaign = {};
    QVariant notes = {};
    QVariant deletedAt = {};
};

struct TimeEntry {
    QString id = newId();
    QString client = {};
    QVariant campaign = {};
    QVariant issue = {};
    QString person = QStringLiteral("Jo");
    QString date = {}; // YYYY-MM-DD
    int minutes = 60;
    QVariant note = {};
    QVariant source = {};
    QVariant externalId = {};
    QVariant deletedAt = {};
};

// Writes the row; returns its id (empty, with a warning, when the database refuses it).
QString add(QSqlDatabase db, const Tier& row);
QString add(QSqlDatabase db, const Client& row);
QString add(QSqlDatabase db, const Campaign& row);
QString add(QSqlDatabase db, const Channel& row);
QString add(QSqlDatabase db, const TimeEntry& row);

} // namespace agency::test
