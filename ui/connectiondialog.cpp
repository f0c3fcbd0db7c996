// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectiondialog.h"

#include "db/database.h"
#include "filedialogs.h"

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
    const auto where = db::ConnectionString::parse(m_recent->itemData(index).toString(), nullptr);
    if (!where)
        return;
    if (where->dialect == db::Dialect::SQLite) {
        m_sqlite->setChecked(true);
        m_file->setText(where->path);
        return;
    }
    m_postgres->setChecked(true);
    m_host->setText(where->host);
    m_port->setValue(where->port > 0 ? where->port : 5432);
    m_database->setText(where->database);
    m_user->setText(where->user);
    m_password->clear();
    const int ssl = m_sslmode->findText(where->option(QStringLiteral("sslmode")));
    m_sslmode->setCurrentIndex(ssl >= 0 ? ssl : 0);
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
