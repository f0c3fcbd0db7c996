// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reports/financereport.h"

class QChart;

namespace agency::ui {

// The dashboard's charts, built whole from report structs (a move to Qt Graphs touches only this folder).
constexpr int maxClients = 8; // as many as have a readable label at the size a dashboard chart has
QChart* clientBudgetChart(const QList<reports::BudgetTotals>& all); // allocated vs spent, overspend in red
QChart* typeSpendChart(const QList<reports::BudgetTotals>& types); // spend by campaign type
QChart* retainerChart(const QList<reports::TierRetainer>& tiers); // monthly retainer value per tier

} // namespace agency::ui
