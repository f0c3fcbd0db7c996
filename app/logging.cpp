// SPDX-License-Identifier: GPL-3.0-or-later
#include "logging.h"

#include "db/database.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringList>
#include <chrono>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

namespace agency::app {

namespace {
    void routeQtMessage(QtMsgType type, const QMessageLogContext& context, const QString& message)
    {
        const std::string text = message.toStdString();
        const char* category = context.category ? context.category : "qt";
        switch (type) {
        case QtDebugMsg:
            spdlog::debug("[{}] {}", category, text);
            break;
        case QtInfoMsg:
            spdlog::info("[{}] {}", category, text);
            break;
        case QtWarningMsg:
            spdlog::warn("[{}] {}", category, text);
            break;
        case QtCriticalMsg:
            spdlog::error("[{}] {}", category, text);
            break;
        case QtFatalMsg:
            spdlog::critical("[{}] {}", category, text);
            spdlog::default_logger()->flush();
            std::abort();
        }
    }
}

QString logLevelNames()
{
    return QStringLiteral("trace, debug, info, warning, error, critical, off");
}

bool isLogLevel(const QString& name)
{
    return QStringList { QStringLiteral("trace"), QStringLiteral("debug"), QStringLiteral("info"),
        QStringLiteral("warning"), QStringLiteral("warn"), QStringLiteral("error"), QStringLiteral("critical"),
        QStringLiteral("off") }
        .contains(name);
}

QString logFilePath()
{
    return db::dataFolder() + QStringLiteral("/logs/agency-os.log");
}

void setUpLogging(const QString& stderrLevel, bool verboseFile)
{
    // The log file is the first thing every mode writes into the data folder: an old doubled folder moves first.
    const QString moved = db::moveLegacyDataFolder();
    const QStringList madePrivate = db::makeDataFolderPrivate(); // before anything is written into them
    const auto level
        = spdlog::level::from_str(stderrLevel == QStringLiteral("warning") ? "warn" : stderrLevel.toStdString());
    std::vector<spdlog::sink_ptr> sinks;

    auto console = std::make_shared<spdlog::sinks::stderr_sink_mt>();
    console->set_pattern("agency-os: %l: %v");
    console->set_level(level);
    sinks.push_back(console);

    const QString path = logFilePath();
    if (QDir().mkpath(QFileInfo(path).absolutePath())) {
        try {
            auto file = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(path.toStdString(), 5 * 1024 * 1024, 3);
            file->set_pattern("%Y-%m-%dT%H:%M:%S.%e%z [%l] [pid %P] %v");
            file->set_level(verboseFile ? std::min(level, spdlog::level::info) : spdlog::level::info);
            sinks.push_back(file);
            QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        } catch (const spdlog::spdlog_ex&) {
            // No writable log folder: stderr still works, and start-up must not fail over a log file.
        }
    }
    auto logger = std::make_shared<spdlog::logger>("agency-os", sinks.begin(), sinks.end());
    logger->set_level(spdlog::level::trace);
    logger->flush_on(spdlog::level::warn);
    spdlog::set_default_logger(logger);
    // Lower levels reach the file within seconds too, not only at exit: a running window's log can be read.
    spdlog::flush_every(std::chrono::seconds(2));
    qInstallMessageHandler(routeQtMessage);
    if (!moved.isEmpty())
        spdlog::info("{}", moved.toStdString());
    if (!madePrivate.isEmpty())
        spdlog::warn("made private, readable by their owner alone now (they were open to others): {}",
            madePrivate.join(QStringLiteral(", ")).toStdString());
}

} // namespace agency::app
