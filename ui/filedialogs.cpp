// SPDX-License-Identifier: GPL-3.0-or-later
#include "filedialogs.h"

#include <QAbstractFileIconProvider>
#include <QCoreApplication>
#include <QFileInfo>

namespace agency::ui {

namespace {

    // Icons and types from what the file system says (folder or file) and the file's suffix; never its content.
    class NameOnlyIconProvider : public QAbstractFileIconProvider {
    public:
        QIcon icon(const QFileInfo& info) const override
        {
            return QAbstractFileIconProvider::icon(info.isDir() ? Folder : File);
        }
        QString type(const QFileInfo& info) const override
        {
            if (info.isDir())
                return QCoreApplication::translate("FileDialogs", "Folder");
            if (info.suffix().isEmpty())
                return QCoreApplication::translate("FileDialogs", "File");
            return QCoreApplication::translate("FileDialogs", "%1 file").arg(info.suffix().toUpper());
        }
    };

    QString choose(QWidget* parent, const QString& caption, const QString& where, const QString& filter,
        QFileDialog::AcceptMode mode, QFileDialog::Options options)
    {
        static NameOnlyIconProvider icons; // outlives every dialog
        QFileDialog dialog(parent, caption, where, filter);
        dialog.setObjectName(QStringLiteral("fileDialog"));
        dialog.setOptions(options | QFileDialog::DontUseNativeDialog | QFileDialog::DontUseCustomDirectoryIcons);
        dialog.setIconProvider(&icons);
        dialog.setAcceptMode(mode);
        dialog.setFileMode(mode == QFileDialog::AcceptOpen ? QFileDialog::ExistingFile : QFileDialog::AnyFile);
        if (dialog.exec() != QDialog::Accepted)
            return {};
        return dialog.selectedFiles().value(0);
    }

} // namespace

QString chooseFileToOpen(QWidget* parent, const QString& caption, const QString& folder, const QString& filter)
{
    return choose(parent, caption, folder, filter, QFileDialog::AcceptOpen, {});
}

QString chooseFileToSave(
    QWidget* parent, const QString& caption, const QString& path, const QString& filter, QFileDialog::Options options)
{
    return choose(parent, caption, path, filter, QFileDialog::AcceptSave, options);
}

} // namespace agency::ui
