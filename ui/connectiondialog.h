// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "db/connectionstring.h"

#include <QDialog>
#include <QSqlDatabase>
#include <functional>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;

namespace agency::ui {

// Where to connect: a PostgreSQL server (host, port, database, user, password, sslmode) or an SQLite file.
// The password is never written to settings (recent connections are kept without it): it is used for this session,
// or, when the person ticks "Remember", kept in the desktop keychain (PasswordStore).
class ConnectionDialog : public QDialog {
    Q_OBJECT
public:
    explicit ConnectionDialog(QWidget* parent = nullptr);

    // Opens a database for a window (the app's start-up and File → Connect): `where`, error, read-only → the open
    // database, or closed with `error` saying why.
    using Connector = std::function<QSqlDatabase(const db::ConnectionString&, QString*, bool*)>;
    struct Connected {
        QSqlDatabase db;
        db::ConnectionString where; // as connected, with the password that worked
        bool readOnly = false;
    };
    // Connects to `where` as a desktop database tool does: with no password given, one remembered in the keychain is
    // tried first; while a PostgreSQL server refuses, this dialog opens filled in with why (the password field
    // focused when a password is what is missing) and what the person changes is tried, until it connects or they
    // cancel (nullopt, `error` says why). `remember`: what the person chose about remembering the password in a dialog
    // before (nullopt: not asked yet); once it connected, the keychain follows the last choice made.
    static std::optional<Connected> connectAsking(QWidget* parent, db::ConnectionString where,
        const Connector& connector, QString* error, std::optional<bool> remember = std::nullopt);
    // After a connection worked: keeps its password in the keychain, or forgets one kept there.
    static void settleRememberedPassword(const db::ConnectionString& where, bool remember);

    // Fills the fields in from a connection (its password too).
    void setConnection(const db::ConnectionString& where);
    // Shows why the last try failed; focuses the password field when `passwordWanted`, else the host.
    void showProblem(const QString& text, bool passwordWanted);
    bool rememberPassword() const;
    void setRememberPassword(bool remember);
    QCheckBox* rememberEdit() const { return m_remember; }

    // What was chosen (with the password), valid after accept().
    std::optional<db::ConnectionString> connection() const { return m_result; }
    // Checks the fields; on failure shows the message and returns nullopt.
    std::optional<db::ConnectionString> validate();
    bool testConnection(); // opens and closes a connection, shows the outcome
    QString message() const;

    QRadioButton* postgresChoice() const { return m_postgres; }
    QRadioButton* sqliteChoice() const { return m_sqlite; }
    QLineEdit* hostEdit() const { return m_host; }
    QSpinBox* portEdit() const { return m_port; }
    QLineEdit* databaseEdit() const { return m_database; }
    QLineEdit* userEdit() const { return m_user; }
    QLineEdit* passwordEdit() const { return m_password; }
    QLineEdit* fileEdit() const { return m_file; }

    static void remember(const db::ConnectionString& where); // into recent connections, without the password
    static QStringList recent();

    void accept() override;

private:
    void useRecent(int index);
    void updateEnabled();

    QComboBox* m_recent;
    QRadioButton* m_postgres;
    QRadioButton* m_sqlite;
    QLineEdit* m_host;
    QSpinBox* m_port;
    QLineEdit* m_database;
    QLineEdit* m_user;
    QLineEdit* m_password;
    QCheckBox* m_remember;
    std::optional<bool> m_keychain; // whether a keychain service answered, once asked
    QComboBox* m_sslmode;
    QLineEdit* m_file;
    QLabel* m_message;
    std::optional<db::ConnectionString> m_result;
};

} // namespace agency::ui
