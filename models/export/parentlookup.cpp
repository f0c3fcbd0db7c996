// SPDX-License-Identifier: GPL-3.0-or-later
#include "parentlookup.h"

#include "db/sqlerror.h"
#include "domain/distinctnames.h"
#include "tables/lookupnames.h"
#include "tables/tablespec.h"

#include <QCoreApplication>
#include <QDate>
#include <QSqlError>
#include <QSqlQuery>

namespace agency::exporting {

namespace {
    // What this file says to people, in the import's context.
    struct Text {
        Q_DECLARE_TR_FUNCTIONS(TableImport)
    };
}

ParentLookup::ParentLookup(const QSqlDatabase& db, const tables::TableSpec& spec)
    : m_db(db)
{
    const tables::ColumnSpec* parent = spec.parentColumn.isEmpty() ? nullptr : spec.column(spec.parentColumn);
    if (parent && parent->kind == tables::ColumnKind::Reference) {
        m_parentColumn = parent->name;
        m_parentTable = parent->references;
    }
}

bool ParentLookup::needsLabel() const
{
    return m_parentTable == tables::campaignsSpec().table;
}

QList<ParentLookup::Candidate> ParentLookup::candidates(
    const QString& clientName, const QString& campaignLabel, QString* error)
{
    const tables::TableSpec& clients = tables::clientsSpec();
    const bool campaigns = needsLabel();
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    // The clients of that name (ignoring case), and for a channel their campaigns with what their labels are made of.
    query.prepare(campaigns
            ? QStringLiteral("SELECT c.id, c.deleted_at, c.metadata, cl.%1, c.campaign_type, c.start_date FROM %2 c "
                             "JOIN %3 cl ON cl.id = c.client_id WHERE lower(cl.%1) = lower(?)")
                  .arg(clients.nameColumn, tables::campaignsSpec().table, clients.table)
            : QStringLiteral("SELECT id, deleted_at, %1, %2 FROM %3 WHERE lower(%2) = lower(?)")
                  .arg(clients.detailColumn, clients.nameColumn, clients.table));
    query.addBindValue(clientName.trimmed());
    QList<Candidate> found;
    if (!query.exec()) {
        *error = db::reportSqlError(Text::tr("Finding the parent by name"), query.lastError());
        return found;
    }
    while (query.next()) {
        Candidate candidate;
        candidate.id = query.value(0).toString();
        candidate.deleted = !query.value(1).isNull();
        if (campaigns) {
            const QVariant start = query.value(5);
            const QString startText
                = start.metaType().id() == QMetaType::QDate ? start.toDate().toString(Qt::ISODate) : start.toString();
            const QString label = tables::LookupNames::campaignLabel(
                {}, query.value(2).toString(), query.value(3).toString(), query.value(4).toString(), startText);
            if (label.trimmed().compare(campaignLabel.trimmed(), Qt::CaseInsensitive) != 0)
                continue;
            candidate.described = QStringLiteral("%1 (%2)").arg(label, candidate.id);
        } else {
            const QString legal = query.value(2).toString();
            candidate.described = legal.isEmpty()
                ? QStringLiteral("%1 (%2)").arg(query.value(3).toString(), candidate.id)
                : QStringLiteral("%1, %2 (%3)").arg(query.value(3).toString(), legal, candidate.id);
        }
        found << candidate;
    }
    return found;
}

ParentLookup::Found ParentLookup::byName(const QString& clientName, const QString& campaignLabel)
{
    const bool campaigns = needsLabel();
    const QString key = clientName.trimmed().toCaseFolded() + u'\x1f' + campaignLabel.trimmed().toCaseFolded();
    if (const auto it = m_found.constFind(key); it != m_found.cend())
        return *it;
    Found result;
    if (clientName.trimmed().isEmpty() || (campaigns && campaignLabel.trimmed().isEmpty())) {
        result.problem = campaigns
            ? Text::tr("no campaign_id, and no client_name and campaign_label to find the campaign by")
            : Text::tr("no client_id, and no client_name to find the client by");
        m_found.insert(key, result);
        return result;
    }
    QString error;
    const QList<Candidate> all = candidates(clientName, campaignLabel, &error);
    QList<Candidate> live;
    QList<Candidate> deleted;
    for (const Candidate& candidate : all)
        (candidate.deleted ? deleted : live) << candidate;
    const QString named = campaigns ? QStringLiteral("%1 · %2").arg(clientName.trimmed(), campaignLabel.trimmed())
                                    : clientName.trimmed();
    if (!error.isEmpty()) {
        result.problem = error;
    } else if (live.size() == 1) {
        result.id = live.constFirst().id;
    } else if (live.size() > 1) {
        QStringList described;
        for (const Candidate& candidate : std::as_const(live))
            described << candidate.described;
        result.problem = (campaigns ? Text::tr("%1 campaigns match “%2”: %3; give campaign_id")
                                    : Text::tr("%1 clients are named “%2”: %3; give client_id"))
                             .arg(live.size())
                             .arg(named, described.join(QStringLiteral("; ")));
    } else if (!deleted.isEmpty()) {
        result.problem = (campaigns ? Text::tr("the campaign “%1” is deleted: restore it first")
                                    : Text::tr("the client “%1” is deleted: restore it first"))
                             .arg(named);
    } else {
        result.problem
            = campaigns ? Text::tr("no campaign “%1”").arg(named) : Text::tr("no client named “%1”").arg(named);
    }
    m_found.insert(key, result);
    return result;
}

QString ParentLookup::deletedParent(const QString& parentId)
{
    if (parentId.isEmpty() || m_parentTable.isEmpty())
        return {};
    if (const auto it = m_deleted.constFind(parentId); it != m_deleted.cend())
        return *it;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT deleted_at FROM %1 WHERE id = ?").arg(m_parentTable));
    query.addBindValue(parentId);
    QString problem;
    if (query.exec() && query.next() && !query.value(0).isNull()) {
        const QString name = tables::LookupNames(m_db).name(m_parentTable, parentId);
        problem = needsLabel() ? Text::tr("the campaign “%1” is deleted: restore it first").arg(name)
                               : Text::tr("the client “%1” is deleted: restore it first").arg(name);
    }
    m_deleted.insert(parentId, problem);
    return problem;
}

} // namespace agency::exporting
