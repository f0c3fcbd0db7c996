// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reports/financereport.h"

class QChart;

namespace agency::ui {

// The dashboard's charts, built whole from report structs (a move to Qt Graphs touches only this folder).
constexpr int maxClients = 5; // as many as have a readable label (and "others") at the size a dashboard chart has
QChart* clientBudgetChart(const QList<reports::BudgetTotals>& all); // allocated vs spent, overspend in red
// A client's name as the finance surfaces show it ("Initech (inactive)"), and its figures in words ("spent 12,000.50
// of 15,000.00 · OVERSPENT by 2,000.50").
QString clientName(const reports::BudgetTotals& client);
QString clientFigures(const reports::BudgetTotals& client);
// What the headline figures of `clients` count, in words: the campaigns, those without a budget or spent figure
// (counted apart), what remaining and burn are over, and the inactive clients' campaigns.
QString totalsNote(const QList<reports::BudgetTotals>& clients);
// A share in hundredths of a percent as shown ("41.52 %"), or "n/a".
QString shareText(std::optional<qint64> hundredths);
// An amount as shown ("1,234.50"), or "—" for no figure.
QString figureText(const std::optional<reports::Money>& amount);
QChart* typeSpendChart(const QList<reports::BudgetTotals>& types); // spend by campaign type
QChart* retainerChart(const QList<reports::TierRetainer>& tiers); // monthly retainer value per tier

} // namespace agency::ui
