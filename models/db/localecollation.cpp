// SPDX-License-Identifier: GPL-3.0-or-later
#include "localecollation.h"

#include "database.h"

#include <QCollator>
#include <QHash>
#include <QLocale>
#include <QMutex>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QStringList>
#include <algorithm>
#include <cstring>
#include <sqlite3.h>

namespace agency::db {

namespace {

    // The order of the user's language (English where the process runs in the C locale, whose QCollator compares
    // code points).
    const QCollator& collator()
    {
        thread_local const QCollator collator = [] {
            QLocale locale;
            if (locale.language() == QLocale::C)
                locale = QLocale(QLocale::English, QLocale::UnitedStates);
            QCollator made(locale);
            made.setCaseSensitivity(Qt::CaseSensitive);
            made.setNumericMode(false);
            return made;
        }();
        return collator;
    }

    int compareText(void* /*unused*/, int leftSize, const void* left, int rightSize, const void* right)
    {
        const char* a = static_cast<const char*>(left);
        const char* b = static_cast<const char*>(right);
        // Plain ASCII letters and digits of one case compare as bytes do in every language: the common case, kept
        // cheap. Anything else goes to the collator.
        const auto plain = [](const char* text, int size) {
            for (int i = 0; i < size; ++i) {
                const auto c = static_cast<unsigned char>(text[i]);
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
                    return false;
            }
            return true;
        };
        if (plain(a, leftSize) && plain(b, rightSize)) {
            const int common = std::min(leftSize, rightSize);
            const int order = std::memcmp(a, b, static_cast<size_t>(common));
            return order != 0 ? order : leftSize - rightSize;
        }
        const int order = collator().compare(QString::fromUtf8(a, leftSize), QString::fromUtf8(b, rightSize));
        if (order != 0)
            return order;
        // Equal to the collator (it ignores what it may): still two texts, in a stable order.
        const int common = std::min(leftSize, rightSize);
        const int bytes = std::memcmp(a, b, static_cast<size_t>(common));
        return bytes != 0 ? bytes : leftSize - rightSize;
    }

    QString sqliteCollation(QSqlDatabase db)
    {
        const QVariant handle = db.driver()->handle();
        if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0 || !handle.data())
            return {};
        sqlite3* connection = *static_cast<sqlite3* const*>(handle.data());
        if (!connection)
            return {};
        // Registered once per connection: SQLite refuses to replace a collation while a statement of the connection
        // runs (a page being read, an export streaming), so an existing one is left as it is.
        bool registered = false;
        sqlite3_stmt* listed = nullptr;
        if (sqlite3_prepare_v2(
                connection, "SELECT 1 FROM pragma_collation_list WHERE name = 'agency_locale'", -1, &listed, nullptr)
            == SQLITE_OK)
            registered = sqlite3_step(listed) == SQLITE_ROW;
        sqlite3_finalize(listed);
        if (!registered
            && sqlite3_create_collation_v2(connection, "agency_locale", SQLITE_UTF8, nullptr, compareText, nullptr)
                != SQLITE_OK)
            return {};
        return QStringLiteral(" COLLATE agency_locale");
    }

    QString postgresCollation(QSqlDatabase db)
    {
        static QMutex lock;
        static QHash<QString, bool> known; // by connection and server: whether the server has the ICU root collation
        const QString key
            = QStringList { db.connectionName(), db.hostName(), QString::number(db.port()), db.databaseName() }.join(
                u'\x1f');
        {
            const QMutexLocker locked(&lock);
            if (const auto it = known.constFind(key); it != known.cend())
                return *it ? QStringLiteral(" COLLATE \"und-x-icu\"") : QString();
        }
        QSqlQuery query(db);
        const bool has
            = query.exec(QStringLiteral("SELECT 1 FROM pg_collation WHERE collname = 'und-x-icu'")) && query.next();
        const QMutexLocker locked(&lock);
        known.insert(key, has);
        return has ? QStringLiteral(" COLLATE \"und-x-icu\"") : QString();
    }

} // namespace

QString localeCollation(QSqlDatabase db)
{
    if (!db.isOpen())
        return {};
    return dialectOf(db) == Dialect::PostgreSQL ? postgresCollation(db) : sqliteCollation(db);
}

} // namespace agency::db
