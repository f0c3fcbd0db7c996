// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <optional>

namespace agency::db {

enum class Dialect { PostgreSQL, SQLite };

// A parsed database location: `postgresql://…` / `postgres://…` (libpq URI), `sqlite:PATH`, or a path ending in
// .db/.sqlite. Empty PostgreSQL parts stay empty so that libpq falls back to its environment, ~/.pgpass and service
// file.
struct ConnectionString {
    Dialect dialect = Dialect::SQLite;

    QString path; // SQLite file (absolute), or ":memory:"

    QString host; // PostgreSQL; a host starting with '/' is a Unix-socket directory
    int port = -1;
    QString database;
    QString user;
    QString password;
    QList<QPair<QString, QString>> options; // further libpq keywords, in the order given

    // Parses `input`; on failure returns nullopt and a one-sentence reason in `error` that never repeats a password.
    static std::optional<ConnectionString> parse(const QString& input, QString* error);

    // The libpq keyword value, or a null QString when absent.
    QString option(const QString& key) const;
    void setOption(const QString& key, const QString& value);

    // A form for people, logs and settings: the password and every other secret option are left out (libpq then looks
    // in ~/.pgpass for the password).
    QString redacted() const;
    // `text` (a driver's message) with the password and every secret option's value replaced by ***.
    QString withoutSecrets(QString text) const;
    // libpq's keywords whose values are secrets (its "*" display class): password, sslpassword.
    static bool isSecretOption(const QString& key);

    // The connect-options string for QPSQL (`key='value';…`), with fallback_application_name (so
    // PGAPPNAME and an application_name option win) and connect_timeout defaulted.
    QString qpsqlConnectOptions() const;

    static QString expectedForms();
};

} // namespace agency::db
