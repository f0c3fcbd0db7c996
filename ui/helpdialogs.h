// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QList>

class QAction;
class QTableWidget;
class QTextBrowser;

namespace agency::ui {

// Help → Keyboard shortcuts (F1): every key the window answers, read from its actions (so the list is never out of
// date with them) and the keys that move about (pages, fields, search results, the KPI table).
class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    ShortcutsDialog(const QList<QAction*>& actions, QWidget* parent = nullptr);
    QTableWidget* table() const { return m_table; }

private:
    QTableWidget* m_table;
};

// Help → User guide: what a person does in the app, in a few paragraphs of their language.
class UserGuideDialog : public QDialog {
    Q_OBJECT
public:
    explicit UserGuideDialog(QWidget* parent = nullptr);
    QTextBrowser* text() const { return m_text; }

private:
    QTextBrowser* m_text;
};

} // namespace agency::ui
