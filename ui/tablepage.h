// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "export/tableexport.h"
#include "tables/agencytablemodel.h"

#include <QSet>
#include <QVariantMap>
#include <QWidget>
#include <functional>

class QLabel;
class QPushButton;
class QLineEdit;
class QProgressBar;
class QAction;
class QSplitter;
class QTabWidget;
class QTableView;
class QTimer;
class QToolBar;

namespace agency::ui {

class HistoryPanel;
class RecordForm;

// Lists show a row's name first: a column that holds it (a campaign's Name, kept in its metadata) moves to the front.
void moveNameColumnFirst(QTableView* view, const tables::AgencyTableModel* model);

// One table's page: a toolbar, the sortable table (sorted on the server), the selected row's form beside it, and
// an optional detail panel below (a client's campaigns, a campaign's channels and budget split).
class TablePage : public QWidget {
    Q_OBJECT
public:
    TablePage(tables::AgencyTableModel* model, QWidget* parent = nullptr);

    tables::AgencyTableModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    RecordForm* form() const { return m_form; }
    HistoryPanel* history() const { return m_history; }
    QTabWidget* sideTabs() const { return m_sideTabs; } // the record's form, and its history
    void toggleHistory(); // the History tab, or back to the form (View → Record history)
    // Puts `values` (stored values, as the history kept them before change `changeId`) back into record `id` as
    // edits and saves them, through the same checks as typing them would. A field that changed again since is said,
    // with who and what, and asked about first. False: not asked for, declined, or not saved.
    bool revertFromHistory(const QString& id, qint64 changeId, const QVariantMap& values);
    QToolBar* toolBar() const { return m_toolBar; }
    QLineEdit* searchBox() const { return m_search; }
    QLabel* emptyHint() const { return m_emptyHint; }
    // The search box, and beside it the sign that a search or sort is being read (hidden otherwise).
    void addSearchToToolBar();
    QString currentId() const { return m_currentId; }
    QStringList selectedIds() const;
    void setDetail(QWidget* detail); // below the table

    bool newRecord();
    // What a new row starts with (its parent, say), worked out when it is added.
    void setNewRowDefaults(std::function<QVariantMap()> defaults) { m_newRowDefaults = std::move(defaults); }
    bool save(); // false: problems shown at the fields, or a conflict resolved by the user, or an error
    void revert(); // the selected row's edits
    bool deleteSelected();
    bool restoreSelected();
    void setShowDeleted(bool show);
    void focusSearch();
    // Selects it, clearing a search that hides it. A row further down the order than `findLimit` rows past those
    // read is shown alone, with a notice and "Show all", rather than reading (and holding) every row before it.
    bool showRecord(const QString& id);
    void setFindLimit(int rows) { m_findLimit = rows; }
    void showAll(); // after showRecord() showed a row alone
    QPushButton* showAllButton() const { return m_showAll; }
    exporting::ExportRequest currentViewExport() const; // filter, sort and visible columns as shown

    void saveLayout() const;
    void restoreLayout();

    // Says at once, above the table, what another desktop has just done to rows this page shows or edits (deleted,
    // changed, and when); returns the words, for the status bar too. Stays until closed, saved, or overtaken.
    QString announce(const QList<tables::OutsideChange>& changes);
    QLabel* notice() const { return m_noticeText; }
    // The banner that says what the database role may not do here (hidden when it may do everything).
    QLabel* rightsBanner() const { return m_rightsBanner; }
    void showRights();
    // Hides the columns the role may not read (TableRights::hidden()): after every layout restored too.
    void hideUnreadable();

Q_SIGNALS:
    void currentChanged(const QString& id);
    void message(const QString& text);
    void deleted(const QString& table, const QStringList& ids, const QString& description);
    void saved();

protected:
    void showEvent(QShowEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    // Reads the table the first time it is needed (shown, or a record asked for), then fits the columns when no
    // layout was saved and selects the first row.
    void ensureRead();
    void selectRow(int row);
    // The search box's text searched now (a moment after the last key, or at once when Down goes to the results).
    void applySearch();
    // Asks once about figures the rules allow but a person rarely means (a budget 1,000× what it was); false: not
    // confirmed, nothing saved.
    bool confirmDoubts();
    void resolveConflicts();
    void updateEmptyHint(); // what to do on a page with no rows to show
    // The notice has been dealt with (closed, its edits saved or discarded): hidden, unless one row is shown alone,
    // which it then says again.
    void retireNotice();

    tables::AgencyTableModel* m_model;
    QToolBar* m_toolBar;
    QLineEdit* m_search;
    QProgressBar* m_busy;
    QAction* m_busyAction = nullptr;
    QTableView* m_view;
    QLabel* m_emptyHint;
    QLabel* m_rightsBanner;
    QWidget* m_notice;
    QLabel* m_noticeText;
    bool m_noticeAboutEdits = false;
    QPushButton* m_showAll;
    int m_findLimit = 20000;
    RecordForm* m_form;
    QTabWidget* m_sideTabs;
    HistoryPanel* m_history;
    QSplitter* m_split;
    QSplitter* m_leftSplit;
    QString m_currentId;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    bool m_layoutRestored = false;
    QTimer* m_debounce = nullptr;
    bool m_selectFirstMatch = false; // the next rows read are a new search's
    QSet<QString> m_doubtsAnswered; // "id, column, value" confirmed once: not asked again
    std::function<QVariantMap()> m_newRowDefaults;
};

} // namespace agency::ui
