// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "history/changelog.h"
#include "tables/lookupnames.h"

#include <QDialog>
#include <QSqlDatabase>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QTimer;
class QTreeWidget;

namespace agency::ui {

// Recent changes across the agency tables (View ▸ Recent changes, Ctrl+Shift+H): one line per changed field, newest
// first, filtered by person, table, field and date range, a page at a time ("Show older"); Enter or a double click
// opens the record. Reads the newest page by the log's key, so it opens as fast at millions of changes as at ten.
class RecentChangesDialog : public QDialog {
    Q_OBJECT
public:
    explicit RecentChangesDialog(QSqlDatabase db, QWidget* parent = nullptr);

    QTreeWidget* list() const { return m_list; }
    QComboBox* personFilter() const { return m_person; }
    QComboBox* tableFilter() const { return m_table; }
    QComboBox* fieldFilter() const { return m_field; }
    QCheckBox* dateRange() const { return m_range; }
    QDateEdit* fromDate() const { return m_from; }
    QDateEdit* toDate() const { return m_to; }
    QPushButton* olderButton() const { return m_older; }
    qint64 lastReadMs() const { return m_lastReadMs; } // how long the last page took to read and show

Q_SIGNALS:
    void openRecord(const QString& table, const QString& id);

protected:
    void done(int result) override; // remembers its size

private:
    void reload(); // from the newest, with the filters as set
    void readPage(); // the next page of older changes
    void fillFields(); // the field filter follows the table filter
    history::ChangeFilter filter() const;

    QSqlDatabase m_db;
    tables::LookupNames m_names;
    QComboBox* m_person;
    QComboBox* m_table;
    QComboBox* m_field;
    QCheckBox* m_range;
    QDateEdit* m_from;
    QDateEdit* m_to;
    QTreeWidget* m_list;
    QLabel* m_status;
    QPushButton* m_older;
    QTimer* m_settle;
    qint64 m_oldestId = 0;
    qint64 m_lastReadMs = 0;
    int m_changesShown = 0;
};

} // namespace agency::ui
