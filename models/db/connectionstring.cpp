// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionstring.h"

#include "changesource.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QUrl>
#include <algorithm>

namespace agency::db {

namespace {

    // What this file says to people, in lupdate's and the runtime's one context "ConnectionString".
    struct Text {
        Q_DECLARE_TR_FUNCTIONS(ConnectionString)
    };

    // libpq's URI decoding: %XX escapes only ('+' stays '+'). Returns nullopt on a broken escape.
    std::optional<QString> percentDecode(QStringView part)
    {
        QByteArray bytes;
        const QByteArray utf8 = part.toUtf8();
        for (qsizetype i = 0; i < utf8.size(); ++i) {
            const char c = utf8.at(i);
            if (c != '%') {
                bytes.append(c);
                continue;
            }
            auto hexValue = [](char h) -> int {
                if (h >= '0' && h <= '9')
                    return h - '0';
                if (h >= 'a' && h <= 'f')
                    return h - 'a' + 10;
                if (h >= 'A' && h <= 'F')
                    return h - 'A' + 10;
                return -1;
            };
            if (i + 2 >= utf8.size())
                return std::nullopt;
            const int high = hexValue(utf8.at(i + 1));
            const int low = hexValue(utf8.at(i + 2));
            if (high < 0 || low < 0)
                return std::nullopt;
            bytes.append(static_cast<char>(high * 16 + low));
            i += 2;
        }
        if (bytes.contains('\0'))
            return std::nullopt;
        return QString::fromUtf8(bytes);
    }

    bool isKeyword(const QString& key)
    {
        if (key.isEmpty())
            return false;
        for (const QChar c : key) {
            if (!(c.isLower() && c.unicode() < 128) && c != u'_')
                return false;
        }
        return true;
    }

    std::optional<ConnectionString> fail(QString* error, const QString& message)
    {
        if (error)
            *error = message;
        return std::nullopt;
    }

    bool validPort(QStringView text)
    {
        bool ok = false;
        const int port = text.toInt(&ok);
        return ok && port >= 1 && port <= 65535 && !text.isEmpty() && text.front().isDigit();
    }

    std::optional<ConnectionString> parsePostgres(QStringView rest, QString* error)
    {
        ConnectionString cs;
        cs.dialect = Dialect::PostgreSQL;

        QStringView query;
        if (const auto q = rest.indexOf(u'?'); q >= 0) {
            query = rest.mid(q + 1);
            rest = rest.left(q);
        }
        QStringView authority = rest;
        QStringView path;
        bool hasPath = false;
        if (const auto slash = rest.indexOf(u'/'); slash >= 0) {
            authority = rest.left(slash);
            path = rest.mid(slash + 1);
            hasPath = true;
        }

        if (const auto at = authority.lastIndexOf(u'@'); at >= 0) {
            const QStringView userInfo = authority.left(at);
            authority = authority.mid(at + 1);
            QStringView userPart = userInfo;
            if (const auto colon = userInfo.indexOf(u':'); colon >= 0) {
                userPart = userInfo.left(colon);
                const auto password = percentDecode(userInfo.mid(colon + 1));
                if (!password)
                    return fail(
                        error, Text::tr("the password has a broken %-escape (write %40 for @, %3A for :, %25 for %)"));
                cs.password = *password;
            }
            const auto user = percentDecode(userPart);
            if (!user)
                return fail(error, Text::tr("the user name has a broken %-escape"));
            cs.user = *user;
        }

        // One host[:port], or libpq's several (host1:5432,host2:5433), tried in turn; target_session_attrs says
        // which of them will do (read-write: the primary, wherever it is after a failover).
        QStringList hosts;
        QStringList ports;
        for (const QStringView item : authority.split(u',')) {
            QStringView hostPart = item;
            QStringView portPart;
            if (item.startsWith(u'[')) {
                const auto close = item.indexOf(u']');
                if (close < 0)
                    return fail(error, Text::tr("an IPv6 host must be closed with ']' (for example [::1]:5432)"));
                hostPart = item.mid(1, close - 1);
                const QStringView after = item.mid(close + 1);
                if (!after.isEmpty()) {
                    if (!after.startsWith(u':'))
                        return fail(error, Text::tr("unexpected text after the IPv6 host; expected ':port'"));
                    portPart = after.mid(1);
                    if (portPart.isEmpty())
                        return fail(error, Text::tr("the port after ':' is empty"));
                }
                if (hostPart.isEmpty())
                    return fail(error, Text::tr("the IPv6 host between '[' and ']' is empty"));
            } else if (const auto colon = item.lastIndexOf(u':'); colon >= 0) {
                hostPart = item.left(colon);
                portPart = item.mid(colon + 1);
                if (portPart.isEmpty())
                    return fail(error, Text::tr("the port after ':' is empty"));
            }
            const auto host = percentDecode(hostPart);
            if (!host)
                return fail(error, Text::tr("the host has a broken %-escape"));
            if (!host->isEmpty() && !host->startsWith(u'/')) {
                for (const QChar c : *host) {
                    if (c.isSpace() || c == u'/' || c == u'@' || c == u'[' || c == u']' || c == u'?')
                        return fail(
                            error, Text::tr("the host name contains '%1', which no host name may contain").arg(c));
                }
            }
            if (!portPart.isEmpty() && !validPort(portPart))
                return fail(error, Text::tr("the port must be a number from 1 to 65535"));
            hosts << *host;
            ports << portPart.toString();
        }
        if (hosts.size() > 1 && std::any_of(hosts.cbegin(), hosts.cend(), [](const QString& h) { return h.isEmpty(); }))
            return fail(error, Text::tr("a host of the list is empty (write host1,host2)"));
        cs.host = hosts.join(u',');
        if (hosts.size() == 1) {
            if (!ports.constFirst().isEmpty())
                cs.port = ports.constFirst().toInt();
        } else if (std::any_of(ports.cbegin(), ports.cend(), [](const QString& p) { return !p.isEmpty(); })) {
            cs.setOption(QStringLiteral("port"), ports.join(u',')); // one per host; an empty one is libpq's default
        }

        if (hasPath) {
            const auto database = percentDecode(path);
            if (!database)
                return fail(error, Text::tr("the database name has a broken %-escape"));
            cs.database = *database;
        }

        if (!query.isEmpty()) {
            for (const QStringView pair : query.split(u'&')) {
                if (pair.isEmpty())
                    continue;
                const auto eq = pair.indexOf(u'=');
                if (eq < 0)
                    return fail(error, Text::tr("the option '%1' has no value; write key=value").arg(pair.left(40)));
                const auto key = percentDecode(pair.left(eq));
                const auto value = percentDecode(pair.mid(eq + 1));
                if (!key || !value)
                    return fail(error, Text::tr("an option has a broken %-escape"));
                if (!isKeyword(*key))
                    return fail(error,
                        Text::tr("'%1' is not a connection option name (lowercase letters and _)").arg(key->left(40)));
                if (value->contains(u';'))
                    return fail(error, Text::tr("the value of option '%1' may not contain ';'").arg(*key));
                if (*key == u"host" || *key == u"hostaddr") {
                    if (*key == u"host")
                        cs.host = *value;
                    else
                        cs.setOption(*key, *value);
                } else if (*key == u"port") {
                    const QList<QStringView> list = QStringView(*value).split(u',');
                    if (std::any_of(list.cbegin(), list.cend(), [&](QStringView p) {
                            return list.size() == 1 ? !validPort(p) : !p.isEmpty() && !validPort(p);
                        }))
                        return fail(error, Text::tr("the port must be a number from 1 to 65535"));
                    if (list.size() == 1) {
                        cs.port = value->toInt();
                    } else {
                        cs.port = -1;
                        cs.setOption(QStringLiteral("port"), *value);
                    }
                } else if (*key == u"dbname") {
                    cs.database = *value;
                } else if (*key == u"user") {
                    cs.user = *value;
                } else if (*key == u"password") {
                    cs.password = *value;
                } else {
                    cs.setOption(*key, *value);
                }
            }
        }
        if (const QString timeout = cs.option(QStringLiteral("connect_timeout")); !timeout.isNull()) {
            bool ok = false;
            if (timeout.toInt(&ok) < 0 || !ok)
                return fail(error, Text::tr("connect_timeout must be a whole number of seconds"));
        }
        return cs;
    }

} // namespace

std::optional<ConnectionString> ConnectionString::parse(const QString& input, QString* error)
{
    const QString text = input.trimmed();
    if (text.isEmpty())
        return fail(error, Text::tr("the database location is empty; expected %1").arg(expectedForms()));

    for (const auto& scheme : { QStringLiteral("postgresql://"), QStringLiteral("postgres://") }) {
        if (text.startsWith(scheme, Qt::CaseInsensitive))
            return parsePostgres(QStringView(text).mid(scheme.size()), error);
    }

    QString path;
    if (text.startsWith(QStringLiteral("sqlite:"), Qt::CaseInsensitive)) {
        path = text.mid(7);
        if (path.startsWith(QStringLiteral("//")))
            path = path.mid(2);
        if (path.isEmpty())
            return fail(error, Text::tr("sqlite: needs a file path after it, for example sqlite:/home/me/agency.db"));
    } else if (text.endsWith(QStringLiteral(".db"), Qt::CaseInsensitive)
        || text.endsWith(QStringLiteral(".sqlite"), Qt::CaseInsensitive)) {
        if (text.contains(QStringLiteral("://")))
            return fail(error, Text::tr("unknown kind of database location; expected %1").arg(expectedForms()));
        path = text;
    } else {
        // Never echo the text: a mistyped scheme may still carry a password.
        return fail(error, Text::tr("unknown kind of database location; expected %1").arg(expectedForms()));
    }

    ConnectionString cs;
    cs.dialect = Dialect::SQLite;
    cs.path = path == QStringLiteral(":memory:") ? path : QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    return cs;
}

QString ConnectionString::option(const QString& key) const
{
    for (const auto& [k, v] : options) {
        if (k == key)
            return v;
    }
    return {};
}

void ConnectionString::setOption(const QString& key, const QString& value)
{
    for (auto& [k, v] : options) {
        if (k == key) {
            v = value;
            return;
        }
    }
    options.append({ key, value });
}

QString ConnectionString::redacted() const
{
    if (dialect == Dialect::SQLite)
        return QStringLiteral("sqlite:") + path;

    QString text = QStringLiteral("postgresql://");
    if (!user.isEmpty() || !password.isEmpty()) {
        text += QString::fromUtf8(QUrl::toPercentEncoding(user));
        text += u'@';
    }
    QStringList hosts; // several, comma-separated as libpq lists them
    for (const QString& one : host.split(u','))
        hosts << (one.contains(u':') ? u'[' + one + u']' : QString::fromUtf8(QUrl::toPercentEncoding(one)));
    text += hosts.join(u',');
    if (port > 0)
        text += u':' + QString::number(port);
    text += u'/' + QString::fromUtf8(QUrl::toPercentEncoding(database));
    QStringList parts;
    for (const auto& [k, v] : options)
        if (!isSecretOption(k))
            parts << k + u'=' + QString::fromUtf8(QUrl::toPercentEncoding(v));
    if (!parts.isEmpty())
        text += u'?' + parts.join(u'&');
    return text;
}

bool ConnectionString::isSecretOption(const QString& key)
{
    return key == u"password" || key == u"sslpassword";
}

QString ConnectionString::withoutSecrets(QString text) const
{
    QStringList secrets { password };
    for (const auto& [k, v] : options)
        if (isSecretOption(k))
            secrets << v;
    for (const QString& secret : std::as_const(secrets))
        if (!secret.isEmpty())
            text.replace(secret, QStringLiteral("***"));
    return text;
}

QString ConnectionString::qpsqlConnectOptions() const
{
    auto quoted = [](QString value) {
        value.replace(u'\\', QStringLiteral("\\\\"));
        value.replace(u'\'', QStringLiteral("\\'"));
        return u'\'' + value + u'\'';
    };
    auto all = options;
    auto ensure = [&all](const QString& key, const QString& value) {
        for (const auto& kv : std::as_const(all)) {
            if (kv.first == key)
                return;
        }
        all.append({ key, value });
    };
    ensure(QStringLiteral("fallback_application_name"), applicationName());
    ensure(QStringLiteral("connect_timeout"), QStringLiteral("10"));
    QStringList parts;
    for (const auto& [k, v] : std::as_const(all))
        parts << k + u'=' + quoted(v);
    return parts.join(u';');
}

QString ConnectionString::expectedForms()
{
    return Text::tr(
        "postgresql://user[:password]@host[:port]/dbname[?sslmode=…], sqlite:PATH, or a file path ending in "
        ".db or .sqlite");
}

} // namespace agency::db
