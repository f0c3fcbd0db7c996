// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "db/connectionstring.h"

#include <QCoreApplication>
#include <QString>

namespace agency::ui {

// Passwords of PostgreSQL connections in the desktop's keychain (the Secret Service of GNOME Keyring or KWallet,
// through QtKeychain). Never in the settings, the recent list or the log; without a keychain service nothing is kept
// and the password is asked each time. Each call waits for the keychain (at most a few seconds).
class PasswordStore {
    Q_DECLARE_TR_FUNCTIONS(PasswordStore)
public:
    enum class Outcome { Done, NotFound, Unavailable, Failed };
    struct Result {
        Outcome outcome = Outcome::Failed;
        QString password; // read(): what is stored
        QString error; // Unavailable, Failed: why, for people
    };

    // Whether a keychain service answers (a probe read).
    static bool available(QString* why = nullptr);
    static Result read(const db::ConnectionString& where);
    static Result write(const db::ConnectionString& where, const QString& password);
    static Result forget(const db::ConnectionString& where);

    // The entry's name in the keychain: user@host:port/database, the same for every way of writing the connection.
    static QString keyFor(const db::ConnectionString& where);
};

} // namespace agency::ui
