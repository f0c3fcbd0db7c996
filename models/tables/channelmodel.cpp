// SPDX-License-Identifier: GPL-3.0-or-later
#include "channelmodel.h"

#include "budgetqueries.h"

#include <QLocale>
#include <memory>
#include <spdlog/spdlog.h>

namespace agency::tables {

ChannelModel::ChannelModel(QSqlDatabase db, QObject* parent, Load load)
    : AgencyTableModel(channelsSpec(), db, parent, load)
{
}

std::optional<domain::BudgetSplit> ChannelModel::liveSplit(const QString& campaignId, QString* error)
{
    const auto budget = liveBudget(campaignId, error);
    if (!budget)
        return std::nullopt;
    return domain::splitBudget(budget->allocated, budget->channels);
}

std::optional<CampaignBudget> ChannelModel::liveBudget(const QString& campaignId, QString* error)
{
    auto budget = readCampaignBudget(database(), campaignId, error);
    if (!budget)
        return std::nullopt;
    return withEdits(*budget, campaignId);
}

CampaignBudget ChannelModel::withEdits(CampaignBudget budget, const QString& campaignId) const
{
    for (const QString& id : pendingIds()) { // from the journal: no row needs to be read, no scan
        const QVariantMap row = editedRow(id);
        budget.channels.removeIf([&](const domain::ChannelShare& s) { return s.id == id; });
        if (row.value(spec().splitCampaignColumn).toString() != campaignId || !row.value(deletedColumn()).isNull())
            continue;
        domain::ChannelShare share;
        share.id = id;
        share.amount = domain::Money::parse(row.value(spec().columnFor(ColumnRole::ShareAmount)).toString());
        share.percentage = domain::Percent::parse(row.value(spec().columnFor(ColumnRole::SharePercentage)).toString());
        share.active = row.value(spec().columnFor(ColumnRole::Active)).toBool();
        budget.channels << share;
    }
    return budget;
}

std::optional<reports::Pace> ChannelModel::paceAt(int row) const
{
    const QString id = idAt(row);
    const auto basis = m_paceBases.constFind(id);
    if (basis == m_paceBases.cend() || !valueAt(row, spec().columnFor(ColumnRole::Active)).toBool())
        return std::nullopt;
    domain::ChannelShare share;
    share.amount = domain::Money::parse(valueAt(row, spec().columnFor(ColumnRole::ShareAmount)).toString());
    share.percentage = domain::Percent::parse(valueAt(row, spec().columnFor(ColumnRole::SharePercentage)).toString());
    if (valueAt(row, spec().splitCampaignColumn).toString() != basis->campaignId)
        return std::nullopt; // moved to another campaign, not saved yet: its days and budget are not known here
    return reports::paceOf(
        domain::effectiveAmount(share, basis->allocated), basis->start, basis->end, basis->spent, m_paceAsOf);
}

QVariant ChannelModel::derivedData(int row, int /*derived*/, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
    case WarningRole:
    case CautionRole:
        break;
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    case RowIdRole:
        return idAt(row);
    case IsDeletedRole:
        return !valueAt(row, deletedColumn()).isNull();
    default:
        return {};
    }
    const auto pace = paceAt(row);
    if (!pace)
        return {};
    const QLocale locale;
    switch (role) {
    case Qt::DisplayRole:
        return reports::paceText(*pace, locale);
    case Qt::ToolTipRole:
        return reports::paceDetails(*pace, locale);
    case WarningRole:
        return pace->light == QStringLiteral("over") ? reports::paceText(*pace, locale) : QString();
    default: // CautionRole
        return pace->light == QStringLiteral("under") ? reports::paceText(*pace, locale) : QString();
    }
}

QVariant ChannelModel::derivedHeader(int /*derived*/, int role) const
{
    if (role == Qt::DisplayRole)
        return tr("Pace");
    if (role == Qt::ToolTipRole)
        return tr("Imported spend to date against the straight line from the campaign's start to its end: within "
                  "10 % on pace, else under or over");
    return {};
}

void ChannelModel::rowsRead(const QStringList& ids, bool replacing)
{
    if (replacing) { // what is under way was for rows read before
        m_paceBases.clear();
        m_paceWanted.clear();
        if (m_paceReader)
            m_paceReader->cancel();
        m_paceReading = false;
    }
    if (!m_pacesShown || !m_mayReadSpend || ids.isEmpty())
        return; // the column stays empty, as for channels without spend
    m_paceWanted << ids;
    readPaces();
}

void ChannelModel::readPaces()
{
    constexpr qsizetype perRead = 2000;
    if (m_paceReading || m_paceWanted.isEmpty())
        return;
    const QStringList ids = m_paceWanted.mid(0, perRead);
    m_paceWanted.remove(0, ids.size());
    const QDate asOf = QDate::currentDate();
    struct Read {
        std::optional<QHash<QString, reports::PaceBasis>> bases;
        bool allowed = true;
        QString error;
    };
    const auto read = [ids, asOf](const QSqlDatabase& db) {
        Read result;
        if (!db.isOpen())
            result.error = tr("no connection to read the paces on");
        else if (!reports::mayReadImportedSpend(db)) // asked first: a refused read would be logged as a failure
            result.allowed = false;
        else
            result.bases = reports::readPaceBases(db, ids, asOf, &result.error);
        return result;
    };
    const auto take = [this, asOf](const Read& result) {
        m_paceReading = false;
        if (!result.allowed) {
            m_mayReadSpend = false;
            m_paceWanted.clear();
            return;
        }
        if (!result.bases) {
            spdlog::warn("channels: pace not read: {}", result.error.toStdString());
        } else {
            m_paceAsOf = asOf;
            m_paceBases.insert(*result.bases);
            if (const int column = columnCount() - 1; rowCount() > 0)
                Q_EMIT dataChanged(index(0, column), index(rowCount() - 1, column),
                    { Qt::DisplayRole, Qt::ToolTipRole, WarningRole, CautionRole });
        }
        if (m_paceWanted.isEmpty())
            Q_EMIT pacesRead();
        else
            readPaces();
    };
    m_paceReading = true;
    if (!BackgroundReader::canClone(database())) { // an in-memory database: no second connection sees it
        take(read(database()));
        return;
    }
    if (!m_paceReader)
        m_paceReader = std::make_unique<BackgroundReader>(database());
    m_paceReader->run([read, take](QSqlDatabase clone, const std::function<bool()>&) -> BackgroundReader::Delivery {
        auto result = std::make_shared<Read>(read(clone));
        return [take, result]() { take(*result); };
    });
}

void ChannelModel::checkRules(const QString& id, const QVariantMap& row, QList<FieldProblem>& problems)
{
    const QString campaignId = row.value(spec().splitCampaignColumn).toString();
    if (campaignId.isEmpty() || !row.value(spec().columnFor(ColumnRole::Active)).toBool())
        return;
    QString error;
    const auto split = liveSplit(campaignId, &error);
    if (!split) {
        problems.append({ id, spec().columnFor(ColumnRole::ShareAmount), error });
        return;
    }
    if (split->isOverAllocated()) {
        const QString column = row.value(spec().columnFor(ColumnRole::ShareAmount)).isNull()
            ? spec().columnFor(ColumnRole::SharePercentage)
            : spec().columnFor(ColumnRole::ShareAmount);
        problems.append({ id, column, overAllocationMessage(*split) });
    }
}

} // namespace agency::tables
