// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "db/connectionstring.h"

#include <QDialog>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;

namespace agency::ui {

// Where to connect: a PostgreSQL server (host, port, database, user, password, sslmode) or an SQLite file.
// The password is used for this session only and never written to settings; recent connections are kept without it.
class ConnectionDialog : public QDialog {
    Q_OBJECT
public:
    explicit ConnectionDialog(QWidget* parent = nullptr);

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
    QComboBox* m_sslmode;
    QLineEdit* m_file;
    QLabel* m_message;
    std::optional<db::ConnectionString> m_result;
};

} // namespace agency::ui
