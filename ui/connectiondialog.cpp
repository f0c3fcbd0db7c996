// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectiondialog.h"

#include "db/database.h"
#include "filedialogs.h"
#include "passwordstore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

namespace agency::ui {

ConnectionDialog::ConnectionDialog(QWidget* parent)
    : QDialog(parent)
    , m_recent(new QComboBox(this))
    , m_postgres(new QRadioButton(tr("PostgreSQL server (shared with Plane)"), this))
    , m_sqlite(new QRadioButton(tr("SQLite file (this computer only)"), this))
    , m_host(new QLineEdit(this))
    , m_port(new QSpinBox(this))
    , m_database(new QLineEdit(this))
    , m_user(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_remember(new QCheckBox(tr("Remember the password in the desktop keychain"), this))
    , m_sslmode(new QComboBox(this))
    , m_file(new QLineEdit(this))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("connectionDialog"));
    setWindowTitle(tr("Connect to a database"));
    // Wide enough for its title beside the window manager's buttons (it was cut off), in any language.
    setMinimumWidth(std::max(480, fontMetrics().horizontalAdvance(windowTitle()) + 200));
    m_host->setObjectName(QStringLiteral("host"));
    m_host->setPlaceholderText(tr("localhost (empty: libpq's default)"));
    m_port->setObjectName(QStringLiteral("port"));
    m_port->setRange(1, 65535);
    m_port->setValue(5432);
    m_database->setObjectName(QStringLiteral("database"));
    m_database->setPlaceholderText(tr("plane"));
    m_user->setObjectName(QStringLiteral("user"));
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("empty: ~/.pgpass or the environment"));
    m_remember->setObjectName(QStringLiteral("rememberPassword"));
    m_sslmode->addItems({ QStringLiteral("prefer"), QStringLiteral("require"), QStringLiteral("verify-ca"),
        QStringLiteral("verify-full"), QStringLiteral("allow"), QStringLiteral("disable") });
    m_file->setObjectName(QStringLiteral("file"));
    m_file->setText(db::defaultEmbeddedPath());
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_postgres->setObjectName(QStringLiteral("postgres"));
    m_sqlite->setObjectName(QStringLiteral("sqlite"));
    m_sqlite->setChecked(true);

    m_recent->addItem(tr("Recent connections…"));
    for (const QString& dsn : recent())
        m_recent->addItem(dsn, dsn);
    connect(m_recent, &QComboBox::activated, this, &ConnectionDialog::useRecent);

    auto* pg = new QGroupBox(this);
    auto* pgForm = new QFormLayout(pg);
    pgForm->addRow(tr("Host"), m_host);
    pgForm->addRow(tr("Port"), m_port);
    pgForm->addRow(tr("Database"), m_database);
    pgForm->addRow(tr("User"), m_user);
    pgForm->addRow(tr("Password"), m_password);
    pgForm->addRow(QString(), m_remember);
    pgForm->addRow(tr("SSL mode"), m_sslmode);
    auto* browse = new QToolButton(this);
    browse->setText(tr("Browse…"));
    connect(browse, &QToolButton::clicked, this, [this]() {
        const QString file = chooseFileToSave(this, tr("SQLite database file"), m_file->text(),
            tr("Databases (*.db *.sqlite)"), QFileDialog::DontConfirmOverwrite);
        if (!file.isEmpty())
            m_file->setText(file);
    });
    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browse);

    auto* test = new QPushButton(tr("Test connection"), this);
    test->setObjectName(QStringLiteral("test"));
    connect(test, &QPushButton::clicked, this, &ConnectionDialog::testConnection);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Connect"));
    buttons->addButton(test, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &ConnectionDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_recent);
    layout->addWidget(m_postgres);
    layout->addWidget(pg);
    layout->addWidget(m_sqlite);
    layout->addLayout(fileRow);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    connect(m_postgres, &QRadioButton::toggled, this, &ConnectionDialog::updateEnabled);
    updateEnabled();
}

void ConnectionDialog::updateEnabled()
{
    const bool pg = m_postgres->isChecked();
    for (QWidget* w : std::initializer_list<QWidget*> { m_host, m_port, m_database, m_user, m_password, m_sslmode })
        w->setEnabled(pg);
    m_file->setEnabled(!pg);
    if (pg && !m_keychain) {
        QString why;
        m_keychain = PasswordStore::available(&why);
        if (!*m_keychain) {
            m_remember->setChecked(false);
            m_remember->setToolTip(
                tr("No desktop keychain is running (%1): the password is asked each time and never stored").arg(why));
        }
    }
    m_remember->setEnabled(pg && m_keychain.value_or(false));
}

bool ConnectionDialog::rememberPassword() const
{
    return m_remember->isEnabled() && m_remember->isChecked();
}

void ConnectionDialog::setRememberPassword(bool remember)
{
    m_remember->setChecked(remember && m_remember->isEnabled());
}

void ConnectionDialog::showProblem(const QString& text, bool passwordWanted)
{
    m_message->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_message->setText(text);
    if (passwordWanted) {
        m_password->setFocus();
        m_password->selectAll();
    } else {
        m_host->setFocus();
    }
}

QString ConnectionDialog::message() const
{
    return m_message->text();
}

std::optional<db::ConnectionString> ConnectionDialog::validate()
{
    auto refuse = [this](QWidget* field, const QString& text) -> std::optional<db::ConnectionString> {
        m_message->setStyleSheet(QStringLiteral("color: #c62828;"));
        m_message->setText(text);
        field->setFocus();
        return std::nullopt;
    };
    db::ConnectionString where;
    if (m_postgres->isChecked()) {
        where.dialect = db::Dialect::PostgreSQL;
        where.host = m_host->text().trimmed();
        for (const QChar c : std::as_const(where.host)) {
            if (c.isSpace() || c == u'@' || c == u'?' || c == u';')
                return refuse(m_host, tr("Host: '%1' cannot be part of a host name").arg(c));
        }
        where.port = m_port->value();
        where.database = m_database->text().trimmed();
        if (where.database.contains(u'/') || where.database.contains(u';'))
            return refuse(m_database, tr("Database: a database name cannot contain / or ;"));
        where.user = m_user->text().trimmed();
        if (where.user.contains(u';'))
            return refuse(m_user, tr("User: a user name cannot contain ;"));
        where.password = m_password->text();
        where.setOption(QStringLiteral("sslmode"), m_sslmode->currentText());
    } else {
        const QString file = m_file->text().trimmed();
        if (file.isEmpty())
            return refuse(m_file, tr("File: choose where the SQLite database is (or should be created)"));
        const QFileInfo info(file);
        if (info.isDir())
            return refuse(m_file, tr("File: %1 is a folder; give a file name such as agency.db").arg(file));
        if (info.exists() && !info.isWritable())
            return refuse(m_file, tr("File: %1 cannot be written").arg(file));
        where.dialect = db::Dialect::SQLite;
        where.path = info.absoluteFilePath();
    }
    m_message->clear();
    return where;
}

bool ConnectionDialog::testConnection()
{
    const auto where = validate();
    if (!where)
        return false;
    QString error;
    const QString name = QStringLiteral("connection-test");
    bool ok = false;
    {
        QSqlDatabase db = db::openDatabase(*where, name, &error);
        ok = db.isOpen();
    }
    db::closeDatabase(name);
    m_message->setStyleSheet(ok ? QStringLiteral("color: #2e7d32;") : QStringLiteral("color: #c62828;"));
    m_message->setText(ok ? tr("Connected to %1").arg(where->redacted()) : error);
    return ok;
}

void ConnectionDialog::accept()
{
    m_result = validate();
    if (m_result)
        QDialog::accept();
}

void ConnectionDialog::useRecent(int index)
{
    auto where = db::ConnectionString::parse(m_recent->itemData(index).toString(), nullptr);
    if (!where)
        return;
    setConnection(*where);
    if (where->dialect == db::Dialect::PostgreSQL && m_keychain.value_or(false)) {
        const PasswordStore::Result kept = PasswordStore::read(*where);
        m_password->setText(kept.password);
        m_remember->setChecked(kept.outcome == PasswordStore::Outcome::Done);
    }
}

void ConnectionDialog::setConnection(const db::ConnectionString& where)
{
    if (where.dialect == db::Dialect::SQLite) {
        m_sqlite->setChecked(true);
        m_file->setText(where.path);
        return;
    }
    m_postgres->setChecked(true);
    m_host->setText(where.host);
    m_port->setValue(where.port > 0 ? where.port : 5432);
    m_database->setText(where.database);
    m_user->setText(where.user);
    m_password->setText(where.password);
    const int ssl = m_sslmode->findText(where.option(QStringLiteral("sslmode")));
    m_sslmode->setCurrentIndex(ssl >= 0 ? ssl : 0);
}

std::optional<ConnectionDialog::Connected> ConnectionDialog::connectAsking(QWidget* parent, db::ConnectionString where,
    const Connector& connector, QString* error, std::optional<bool> remember)
{
    const bool postgres = where.dialect == db::Dialect::PostgreSQL;
    bool asked = remember.has_value(); // the person chose whether to remember it (else nothing changes in the keychain)
    bool ticked = remember.value_or(false);
    if (postgres && where.password.isEmpty()) {
        const PasswordStore::Result kept = PasswordStore::read(where);
        if (kept.outcome == PasswordStore::Outcome::Done) {
            where.password = kept.password;
            ticked = true;
        }
    }
    QString why;
    Connected connected;
    connected.db = connector(where, &why, &connected.readOnly);
    while (!connected.db.isOpen()) {
        if (!postgres) {
            if (error)
                *error = why;
            return std::nullopt;
        }
        ConnectionDialog dialog(parent);
        dialog.setConnection(where);
        dialog.setRememberPassword(ticked);
        const bool passwordWanted = db::passwordIsTheProblem(where);
        dialog.showProblem(passwordWanted
                ? tr("Type the password of %1 above.").arg(where.user.isEmpty() ? tr("your user") : where.user) + u'\n'
                    + why
                : why,
            passwordWanted);
        if (dialog.exec() != QDialog::Accepted || !dialog.connection()) {
            if (error)
                *error = why;
            return std::nullopt;
        }
        asked = true;
        where = *dialog.connection();
        ticked = dialog.rememberPassword();
        if (where.dialect != db::Dialect::PostgreSQL) // they chose an SQLite file instead
            return connectAsking(parent, where, connector, error);
        connected.db = connector(where, &why, &connected.readOnly);
    }
    if (asked)
        settleRememberedPassword(where, ticked);
    connected.where = where;
    return connected;
}

void ConnectionDialog::settleRememberedPassword(const db::ConnectionString& where, bool remember)
{
    if (where.dialect != db::Dialect::PostgreSQL)
        return;
    if (remember && !where.password.isEmpty())
        PasswordStore::write(where, where.password);
    else if (!remember)
        PasswordStore::forget(where);
}

QStringList ConnectionDialog::recent()
{
    return QSettings().value(QStringLiteral("database/recent")).toStringList();
}

void ConnectionDialog::remember(const db::ConnectionString& where)
{
    QStringList list = recent();
    const QString dsn = where.redacted(); // never the password
    list.removeAll(dsn);
    list.prepend(dsn);
    QSettings().setValue(QStringLiteral("database/recent"), list.mid(0, 8));
}

} // namespace agency::ui
