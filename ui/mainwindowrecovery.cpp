// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow stopped by a signal: its unsaved edits kept in a recovery file, and offered back at the next start.
#include "mainwindow.h"
#include "plainmessage.h"
#include "tables/editsession.h"
#include "tables/recoveryfile.h"

#include <QDateTime>
#include <QFile>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <spdlog/spdlog.h>

namespace agency::ui {

bool MainWindow::keepEditsForNextStart(QString* error)
{
    if (m_session->hasUnsavedChanges()) {
        tables::RecoveredEdits edits;
        edits.at = QDateTime::currentDateTimeUtc();
        edits.database = m_where.redacted();
        edits.tables = m_session->unsavedEdits();
        const QString path = tables::recoveryPath(edits.database);
        QString problem;
        if (!tables::writeRecovery(path, edits, &problem)) {
            spdlog::error("stopped, but the unsaved edits could not be kept in {}: {}", path.toStdString(),
                problem.toStdString());
            if (error)
                *error = problem;
            return false;
        }
        spdlog::warn("stopped with unsaved edits: kept in {}, offered at the next start", path.toStdString());
    }
    m_leavingKeptEdits = true;
    return true;
}

int MainWindow::offerRecoveredEdits()
{
    const QString path = tables::recoveryPath(m_where.redacted());
    QString error;
    const auto edits = tables::readRecovery(path, &error);
    if (!edits) {
        if (!error.isEmpty())
            warnPlain(this, tr("Unsaved edits"),
                tr("Edits kept when Agency OS was last stopped could not be read: %1").arg(error));
        return 0;
    }
    QMessageBox ask(QMessageBox::Question, tr("Unsaved edits"),
        tr("Agency OS was stopped on %1 before these edits were saved. Take them back? They are written when you "
           "save.")
            .arg(QLocale().toString(edits->at.toLocalTime(), QLocale::ShortFormat)),
        QMessageBox::NoButton, this);
    ask.setObjectName(QStringLiteral("recoveryPrompt"));
    QPushButton* take = ask.addButton(tr("Take them back"), QMessageBox::AcceptRole);
    take->setObjectName(QStringLiteral("takeBack"));
    QPushButton* drop = ask.addButton(tr("Discard them"), QMessageBox::DestructiveRole);
    drop->setObjectName(QStringLiteral("discardKept"));
    ask.setDefaultButton(take);
    makePlain(ask);
    ask.exec();
    if (ask.clickedButton() == drop) {
        QFile::remove(path);
        spdlog::info("the kept edits in {} were discarded by the user", path.toStdString());
        return 0;
    }
    if (ask.clickedButton() != take)
        return 0; // closed: asked again at the next start
    const int rows = m_session->adoptEdits(edits->tables, &error);
    if (!error.isEmpty())
        warnPlain(this, tr("Unsaved edits"), error);
    if (error.isEmpty())
        QFile::remove(path);
    showMessage(tr("%n row(s) with unsaved edits taken back: Save (Ctrl+S) writes them", nullptr, rows));
    return rows;
}

} // namespace agency::ui
