// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFileDialog>
#include <QString>

namespace agency::ui {

// The app's file dialogs. They never open a file they list: a dialog that reads each file's first bytes to tell its
// type (Qt's own, and GTK's, which runs inside this process) opens and closes the embedded database's file and its
// -wal and -shm beside it, and closing any descriptor of a file drops every POSIX lock this process holds on it —
// SQLite's included. Another process could then take the database for unused and delete the log this window still
// writes to. So these dialogs are Qt's own, with icons and types told from the name alone.
// Each returns the chosen path, or an empty string when the person cancels.
QString chooseFileToOpen(QWidget* parent, const QString& caption, const QString& folder, const QString& filter);
QString chooseFileToSave(QWidget* parent, const QString& caption, const QString& path, const QString& filter,
    QFileDialog::Options options = {});

} // namespace agency::ui
