// SPDX-License-Identifier: GPL-3.0-or-later
#include "recoveryfile.h"

#include "db/database.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDataStream>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace agency::tables {

namespace {
    constexpr quint32 magic = 0x41475245; // "AGRE"
    constexpr quint32 format = 1;

    struct Text {
        Q_DECLARE_TR_FUNCTIONS(RecoveryFile)
    };
}

QString recoveryPath(const QString& database)
{
    const QByteArray key = QCryptographicHash::hash(database.toUtf8(), QCryptographicHash::Sha256).toHex().left(32);
    return db::dataFolder() + QStringLiteral("/recovery/") + QString::fromLatin1(key) + QStringLiteral(".edits");
}

bool writeRecovery(const QString& path, const RecoveredEdits& edits, QString* error)
{
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder)
        || !QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner)) {
        *error = Text::tr("cannot make the folder %1").arg(folder);
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QDataStream out(&file);
    out.setVersion(QDataStream::Qt_6_4);
    out << magic << format << edits.at << edits.database << edits.tables;
    if (out.status() != QDataStream::Ok || !file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

std::optional<RecoveredEdits> readRecovery(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.exists())
        return std::nullopt;
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return std::nullopt;
    }
    QDataStream in(&file);
    in.setVersion(QDataStream::Qt_6_4);
    quint32 readMagic = 0;
    quint32 readFormat = 0;
    RecoveredEdits edits;
    in >> readMagic >> readFormat;
    if (readMagic != magic || readFormat != format) {
        *error = Text::tr("%1 is not a recovery file this version can read").arg(path);
        return std::nullopt;
    }
    in >> edits.at >> edits.database >> edits.tables;
    if (in.status() != QDataStream::Ok) {
        *error = Text::tr("%1 is cut short").arg(path);
        return std::nullopt;
    }
    return edits;
}

} // namespace agency::tables
