// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>
#include <QSqlDatabase>

class QListWidget;
class QStackedWidget;

namespace agency::ui {

// The application window: a sidebar of pages and the page itself.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(QSqlDatabase db, const QString& whereConnected, QWidget* parent = nullptr);
    ~MainWindow() override;

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createPages();
    void createStatusBar(const QString& whereConnected);
    void restoreLayout();

    QSqlDatabase m_db;
    QListWidget* m_sidebar = nullptr;
    QStackedWidget* m_pages = nullptr;
};

} // namespace agency::ui
