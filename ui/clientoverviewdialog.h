// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "db/connectionstring.h"
#include "reports/clientoverview.h"

#include <QDialog>
#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QTextBrowser;

namespace agency::db {
class BackgroundJob;
}

namespace agency::ui {

// One client on one page (View → Client overview, Ctrl+Shift+O, on the Clients page): its tier and terms, its
// contract, the month's retainer ledger and response times, each campaign's money beside its work, and what needs a
// word, for a month chosen among the last twelve. Read off the GUI thread on a connection of its own; printable to
// PDF and exportable to CSV with the same figures.
class ClientOverviewDialog : public QDialog {
    Q_OBJECT
public:
    ClientOverviewDialog(db::ConnectionString where, QString clientId, QWidget* parent = nullptr);
    ~ClientOverviewDialog() override;

    bool isReading() const { return m_job != nullptr; }
    QString text() const; // what it shows, as plain text
    bool savePdf(const QString& path, QString* error) const;
    bool saveCsv(const QString& path, QString* error) const;

Q_SIGNALS:
    void shown(); // the month's figures are on the page

private:
    void read();
    void chooseBusinessHours();
    void showOverview(const reports::ClientOverview& overview);

    db::ConnectionString m_where;
    QString m_clientId;
    QComboBox* m_month;
    QCheckBox* m_businessHours;
    QTextBrowser* m_page;
    QLabel* m_state;
    QPushButton* m_pdf;
    QPushButton* m_csv;
    std::unique_ptr<db::BackgroundJob> m_job;
    std::optional<reports::ClientOverview> m_overview;
};

} // namespace agency::ui
