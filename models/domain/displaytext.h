// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QLocale>
#include <QString>
#include <QStringList>

namespace agency::domain {

// Text people typed (a name), made safe to show beside other text. When it holds explicit direction controls —
// embeddings and overrides (U+202A–U+202E) or isolates (U+2066–U+2069) — it is wrapped in FIRST STRONG ISOLATE …
// POP DIRECTIONAL ISOLATE: the closing isolate ends whatever the text opened (Unicode Bidirectional Algorithm, X6a),
// so a RIGHT-TO-LEFT OVERRIDE in a client's name cannot reverse the " · social · 2026-03-01" after it, a message
// around it or the next column. A closing isolate of its own that closes nothing it opened is left out (it would
// close the wrapper early). Text without such controls, right-to-left names included, is returned unchanged; what
// is stored and exported is never changed.
QString isolatedForDisplay(const QString& text);

// A date as people read it in their locale, the year in four digits ("05.12.2026", "12/5/2026", "05/12/2026"); in
// the C locale (none chosen) as ISO 8601 ("2026-12-05"). Files and CSV always write ISO 8601.
QString dateFormat(const QLocale& locale = QLocale());
QString dateText(const QDate& date, const QLocale& locale = QLocale());
// An instant in local time, to the minute, in the same way ("05.12.2026 14:03").
QString instantText(const QDateTime& instant, const QLocale& locale = QLocale());

// Names listed for people, at most `shown` of them: "a, b, c and 99,997 more" (a header of 100,000 unknown columns
// is a line to read, not a megabyte).
QString shortList(const QStringList& names, int shown = 20);

} // namespace agency::domain
