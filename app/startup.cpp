// SPDX-License-Identifier: GPL-3.0-or-later
#include "startup.h"

#include "db/database.h"
#include "db/migrator.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>
#include <spdlog/spdlog.h>

namespace agency::app {

namespace {
    // What this file says to people, in lupdate's and the runtime's one context "Startup".
    struct Text {
        Q_DECLARE_TR_FUNCTIONS(Startup)
    };
}

std::optional<db::ConnectionString> resolveDatabase(const QString& option, const QString& fallback, QString* error)
{
    QString text = option;
    QString source = QStringLiteral("--db");
    if (text.isEmpty()) {
        text = qEnvironmentVariable("AGENCY_OS_DB");
        source = QStringLiteral("AGENCY_OS_DB");
    }
    if (text.isEmpty()) {
        text = fallback;
        source = Text::tr("the last database used");
    }
    if (text.isEmpty()) {
        text = QStringLiteral("sqlite:") + db::defaultEmbeddedPath();
        source = Text::tr("the embedded database");
    }
    QString why;
    auto parsed = db::ConnectionString::parse(text, &why);
    if (!parsed && error)
        *error = QStringLiteral("%1: %2").arg(source, why);
    return parsed;
}

QList<QTranslator*> installTranslations(const QLocale& locale)
{
    const struct {
        QString name;
        QString folder;
    } catalogues[] = { { QStringLiteral("agency_os"), QStringLiteral(":/i18n") },
        { QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath) } };
    QList<QTranslator*> installed;
    for (const auto& [name, folder] : catalogues) {
        auto* translator = new QTranslator(QCoreApplication::instance());
        // Ours in English (the sources' language, whose file holds the plural forms) where there is none for the
        // locale: "3 channels", not "3 channel(s)", in the C locale too.
        if (translator->load(locale, name, QStringLiteral("_"), folder)
            || (name == QStringLiteral("agency_os")
                && translator->load(QLocale(QLocale::English), name, QStringLiteral("_"), folder))) {
            QCoreApplication::installTranslator(translator);
            installed << translator;
            spdlog::debug("translation loaded: {}", translator->filePath().toStdString());
        } else {
            spdlog::debug("no {} translation for {} in {}", name.toStdString(), locale.name().toStdString(),
                folder.toStdString());
            delete translator;
        }
    }
    return installed;
}

QLocale uiLocale(const QSettings& settings)
{
    const QString chosen = settings.value(QStringLiteral("window/language")).toString();
    return chosen.isEmpty() ? QLocale() : QLocale(chosen);
}

void forgetRememberedSecrets(QSettings& settings)
{
    auto shown = [](const QString& remembered) {
        const auto where = db::ConnectionString::parse(remembered, nullptr);
        return where ? where->redacted() : remembered;
    };
    const QString last = settings.value(QStringLiteral("database/last")).toString();
    if (!last.isEmpty() && shown(last) != last)
        settings.setValue(QStringLiteral("database/last"), shown(last));
    const QStringList recent = settings.value(QStringLiteral("database/recent")).toStringList();
    QStringList cleaned;
    for (const QString& remembered : recent)
        cleaned << shown(remembered);
    cleaned.removeDuplicates();
    if (cleaned != recent)
        settings.setValue(QStringLiteral("database/recent"), cleaned);
}

void followMovedDataFolder(QSettings& settings)
{
    const QString legacy = QStringLiteral("sqlite:") + db::dataFolder() + QStringLiteral("/agency-os/agency-os.db");
    const QString current = QStringLiteral("sqlite:") + db::defaultEmbeddedPath();
    if (QFileInfo::exists(legacy.mid(7)))
        return; // not moved (the new place was taken): the old file is still the one in use
    if (settings.value(QStringLiteral("database/last")).toString() == legacy)
        settings.setValue(QStringLiteral("database/last"), current);
    QStringList recent = settings.value(QStringLiteral("database/recent")).toStringList();
    if (recent.contains(legacy)) {
        recent.replace(recent.indexOf(legacy), current);
        recent.removeDuplicates();
        settings.setValue(QStringLiteral("database/recent"), recent);
    }
}

QSqlDatabase openForWork(const db::ConnectionString& where, const QString& connectionName, QString* error, DataUse use)
{
    QSqlDatabase db = db::openDatabase(where, connectionName, error);
    if (!db.isOpen())
        return {};
    db::Migrator migrator(db, db::Migrator::builtIn(where.dialect));
    QString problem;
    const db::SchemaState state = migrator.state();
    if (state == db::SchemaState::Newer) {
        // Read-only, as README promises: its tables still hold what this app knows; nothing is written into them.
        if (use == DataUse::Reads)
            return db;
        problem = Text::tr("the Agency OS schema in %1 is newer than this app (version %2): it can be read (export, "
                           "report, history) but not changed; update Agency OS to change it")
                      .arg(where.redacted())
                      .arg(migrator.latestVersion());
    } else if (where.dialect == db::Dialect::SQLite) {
        if (!migrator.up())
            problem = Text::tr("cannot prepare the database %1: %2").arg(where.redacted(), migrator.lastError());
    } else {
        switch (state) {
        case db::SchemaState::Current:
        case db::SchemaState::Newer: // above
            break;
        case db::SchemaState::Missing:
        case db::SchemaState::Behind:
            problem = migrator.lastError().isEmpty()
                ? Text::tr(
                    "the Agency OS schema in %1 is not up to date (this app needs version %2): ask an administrator "
                    "to run: agency-os migrate up --db %1")
                      .arg(where.redacted())
                      .arg(migrator.latestVersion())
                : migrator.lastError();
            break;
        case db::SchemaState::Edited:
            problem = Text::tr("an applied migration in %1 differs from this app's copy: run agency-os migrate status")
                          .arg(where.redacted());
            break;
        case db::SchemaState::NoAccess:
            problem = migrator.lastError();
            break;
        }
    }
    if (problem.isEmpty())
        return db;
    if (error)
        *error = problem;
    db = {};
    db::closeDatabase(connectionName);
    return {};
}

} // namespace agency::app
