// SPDX-License-Identifier: GPL-3.0-or-later
#include "dashboardpage.h"

#include "charts/chartoutput.h"
#include "charts/chartpalette.h"
#include "charts/dashboardcharts.h"
#include "db/backgroundjob.h"
#include "db/database.h"
#include "domain/vocabulary.h"
#include "editors/choicecombo.h"
#include "editors/optionaldateedit.h"
#include "filedialogs.h"
#include "tables/lookupnames.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QClipboard>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QProgressDialog>
#include <QSettings>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace agency::ui {

struct DashboardPage::Figures {
    QList<reports::BudgetTotals> clients;
    QList<reports::BudgetTotals> types;
    QList<reports::TierRetainer> tiers;
    QList<reports::CampaignLine> campaigns;
};

DashboardPage::DashboardPage(QSqlDatabase db, db::ConnectionString where, QWidget* parent)
    : QWidget(parent)
    , m_db(db)
    , m_where(std::move(where))
    , m_status(new QComboBox(this))
    , m_client(new ChoiceCombo(this))
    , m_type(new QComboBox(this))
    , m_from(new OptionalDateEdit(this))
    , m_to(new OptionalDateEdit(this))
    , m_attention(new QTableWidget(0, 5, this))
{
    setObjectName(QStringLiteral("dashboard"));
    m_status->addItem(tr("All statuses"), QString());
    for (const QString& status : domain::campaignStatuses())
        m_status->addItem(domain::statusLabel(status), status);
    m_type->addItem(tr("All types"), QString());
    for (const QString& type : domain::defaultCampaignTypes())
        m_type->addItem(type, type);
    auto* filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Status"), this));
    filters->addWidget(m_status);
    filters->addWidget(new QLabel(tr("Client"), this));
    filters->addWidget(m_client, 1);
    filters->addWidget(new QLabel(tr("Type"), this));
    filters->addWidget(m_type);
    // The dates, the state and the buttons on a second line: the page fits a 1024 px window.
    auto* more = new QHBoxLayout;
    more->addWidget(new QLabel(tr("Starting from"), this));
    more->addWidget(m_from);
    more->addWidget(new QLabel(tr("to"), this));
    more->addWidget(m_to);
    more->addStretch();
    auto* save = new QToolButton(this);
    save->setText(tr("Save chart"));
    save->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(save);
    save->setMenu(menu);
    auto* pdf = new QToolButton(this);
    pdf->setText(tr("Finance review PDF…"));
    pdf->setObjectName(QStringLiteral("exportPdf"));
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("state"));
    more->addWidget(m_state);
    more->addWidget(save);
    more->addWidget(pdf);

    auto* grid = new QGridLayout;
    for (int i = 0; i < 3; ++i) {
        auto* view = new QChartView(new QChart, this);
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumSize(300, 220);
        m_views << view;
    }
    m_attention->setObjectName(QStringLiteral("attention"));
    m_attention->setHorizontalHeaderLabels(
        { tr("Needs attention"), tr("Client"), tr("Allocated"), tr("Spent"), tr("Why") });
    m_attention->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_attention->verticalHeader()->hide();
    m_attention->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_attention->setSelectionBehavior(QAbstractItemView::SelectRows);
    grid->addWidget(m_views.at(0), 0, 0);
    grid->addWidget(m_views.at(1), 0, 1);
    grid->addWidget(m_attention, 1, 0);
    grid->addWidget(m_views.at(2), 1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addLayout(more);
    layout->addLayout(grid, 1);

    const QStringList chartNames { tr("Allocated vs spent by client"), tr("Spend by campaign type"),
        tr("Retainer value by tier") };
    for (int i = 0; i < chartNames.size(); ++i) {
        QMenu* sub = menu->addMenu(chartNames.at(i));
        sub->addAction(tr("Save as PNG or SVG…"), this, [this, i, name = chartNames.at(i)]() {
            QSettings settings;
            const QString path = chooseFileToSave(
                this, name, settings.value(QStringLiteral("charts/folder")).toString(), tr("Images (*.png *.svg)"));
            if (path.isEmpty())
                return;
            settings.setValue(QStringLiteral("charts/folder"), QFileInfo(path).absolutePath());
            QString error;
            Q_EMIT message(saveChart(i, path, &error) ? tr("Saved %1").arg(path) : error);
        });
        sub->addAction(tr("Copy"), this, [this, i]() {
            QApplication::clipboard()->setImage(
                renderChart(m_views.at(i)->chart(), m_views.at(i)->size(), devicePixelRatioF()));
            Q_EMIT message(tr("Chart copied"));
        });
    }
    connect(pdf, &QToolButton::clicked, this, [this]() {
        const QString path
            = chooseFileToSave(this, tr("Finance review"), QStringLiteral("finance-review.pdf"), tr("PDF (*.pdf)"));
        if (path.isEmpty())
            return;
        QString error;
        Q_EMIT message(exportReview(path, &error) ? tr("Saved %1").arg(path) : error);
    });
    connect(m_attention, &QTableWidget::cellDoubleClicked, this,
        [this](int row) { Q_EMIT openCampaign(m_attention->item(row, 0)->data(Qt::UserRole).toString()); });
    for (QComboBox* combo : { m_status, static_cast<QComboBox*>(m_client), m_type })
        connect(combo, &QComboBox::currentIndexChanged, this, &DashboardPage::refresh);
    connect(m_from, &OptionalDateEdit::dateChanged, this, &DashboardPage::refresh);
    connect(m_to, &OptionalDateEdit::dateChanged, this, &DashboardPage::refresh);
    reloadClients();
}

DashboardPage::~DashboardPage() = default; // the job in flight, if any, is cancelled and waited for

void DashboardPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

reports::ReportFilter DashboardPage::filter() const
{
    reports::ReportFilter filter;
    if (const QString status = m_status->currentData().toString(); !status.isEmpty())
        filter.statuses = { status };
    filter.clientId = m_client->value();
    filter.campaignType = m_type->currentData().toString();
    filter.startFrom = m_from->date().toDate();
    filter.startTo = m_to->date().toDate();
    return filter;
}

QString DashboardPage::filterText() const
{
    QStringList parts;
    if (m_status->currentIndex() > 0)
        parts << tr("status %1").arg(m_status->currentText());
    if (!m_client->value().isEmpty())
        parts << tr("client %1").arg(m_client->currentText());
    if (m_type->currentIndex() > 0)
        parts << tr("type %1").arg(m_type->currentText());
    if (m_from->date().isValid())
        parts << tr("starting from %1").arg(m_from->date().toDate().toString(Qt::ISODate));
    if (m_to->date().isValid())
        parts << tr("starting until %1").arg(m_to->date().toDate().toString(Qt::ISODate));
    return parts.join(QStringLiteral(", "));
}

void DashboardPage::reloadClients()
{
    // The client list follows the data too.
    const QSignalBlocker block(m_client);
    QList<QPair<QString, QString>> clients;
    for (const auto& choice : tables::LookupNames(m_db).choices(QStringLiteral("agency_clients")))
        clients.append({ choice.id, choice.name });
    m_client->setChoices(clients, true);
    m_client->setItemText(0, tr("All clients"));
}

void DashboardPage::refresh()
{
    m_stale = true;
    if (!isVisible())
        return; // done when the page is next shown
    if (m_running) {
        m_again = true; // once the figures in flight are in
        return;
    }
    m_stale = false;
    reloadClients();
    start();
}

void DashboardPage::start()
{
    m_running = true;
    m_state->setText(tr("Updating…"));
    const reports::ReportFilter f = filter();
    const db::ConnectionString where = m_where;
    auto figures = std::make_shared<Figures>();
    if (m_job) // finished (its own finished() may be what called this): deleted once that has returned
        m_job.release()->deleteLater();
    // Off the GUI thread, on a connection of its own; a newer refresh waits for this one (m_again).
    m_job = std::make_unique<db::BackgroundJob>(
        where, [figures, f](QSqlDatabase db, const db::BackgroundJob::Progress&, QString* error) {
            reports::FinanceReport report(db);
            const auto clients = report.byClient(f);
            const auto types = report.byCampaignType(f);
            const auto tiers = report.retainerByTier();
            const auto campaigns = report.campaignsNeedingAttention(f, QDate::currentDate());
            if (!clients || !types || !tiers || !campaigns) {
                *error = report.lastError();
                return false;
            }
            figures->clients = *clients;
            figures->types = *types;
            figures->tiers = *tiers;
            figures->campaigns = *campaigns;
            return true;
        });
    connect(m_job.get(), &db::BackgroundJob::finished, this, [this, figures](bool ok, const QString& error) {
        m_running = false;
        m_state->clear();
        if (!ok)
            Q_EMIT message(error);
        else
            showFigures(*figures);
        if (m_again) {
            m_again = false;
            refresh();
        }
        Q_EMIT refreshed();
    });
    m_job->start();
}

void DashboardPage::showFigures(const Figures& figures)
{
    const QList<QChart*> charts { clientBudgetChart(figures.clients), typeSpendChart(figures.types),
        retainerChart(figures.tiers) };
    for (int i = 0; i < charts.size(); ++i) {
        applyPalette(charts.at(i), palette());
        QChart* old = m_views.at(i)->chart();
        m_views.at(i)->setChart(charts.at(i)); // the view owns the new chart
        delete old;
    }
    // The campaigns that need attention, overspent first (worked out with the figures, off this thread): filled in
    // one go, not a row at a time.
    const QList<reports::CampaignLine>& needing = figures.campaigns;
    m_attention->setUpdatesEnabled(false);
    m_attention->setRowCount(0);
    m_attention->setRowCount(static_cast<int>(needing.size()));
    for (int row = 0; row < needing.size(); ++row) {
        const reports::CampaignLine& line = needing.at(row);
        auto* name = new QTableWidgetItem(line.label);
        name->setData(Qt::UserRole, line.id);
        m_attention->setItem(row, 0, name);
        m_attention->setItem(row, 1, new QTableWidgetItem(line.clientName));
        m_attention->setItem(
            row, 2, new QTableWidgetItem(line.allocated ? line.allocated->toDisplayString() : tr("—")));
        m_attention->setItem(row, 3, new QTableWidgetItem(line.spent ? line.spent->toDisplayString() : tr("—")));
        const QString why = line.overspent()
            ? tr("OVERSPENT by %1").arg((*line.spent - *line.allocated).toDisplayString())
            : tr("off pace");
        auto* reason = new QTableWidgetItem(why);
        if (line.overspent())
            reason->setForeground(QColor(0xc6, 0x28, 0x28));
        m_attention->setItem(row, 4, reason);
    }
    m_attention->setUpdatesEnabled(true);
}

bool DashboardPage::saveChart(int index, const QString& path, QString* error) const
{
    return ui::saveChart(m_views.at(index)->chart(), m_views.at(index)->size(), path, error);
}

bool DashboardPage::exportReview(const QString& path, QString* error)
{
    QProgressDialog progress(tr("Writing the finance review…"), tr("Cancel"), 0, 0, this);
    progress.setObjectName(QStringLiteral("reviewProgress"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    // The figures are read off the GUI thread, on a connection of their own; the PDF is drawn here (its charts are
    // widgets' kin), from figures already in memory: a summary beyond 1,000 campaigns, so about a second at most.
    auto review = std::make_shared<FinanceReview>();
    review->filterText = filterText();
    db::BackgroundJob job(
        m_where, [review, f = filter()](QSqlDatabase db, const db::BackgroundJob::Progress&, QString* failure) {
            reports::FinanceReport report(db);
            return collectFinanceReview(report, f, review.get(), failure);
        });
    QObject::connect(&progress, &QProgressDialog::canceled, &job, &db::BackgroundJob::cancel);
    QString failure;
    QObject::connect(&job, &db::BackgroundJob::finished, &job, [&failure](bool, const QString& why) { failure = why; });
    const bool collected = job.wait();
    const bool cancelled = job.wasCancelled();
    if (!collected || cancelled) {
        progress.close();
        if (error)
            *error = cancelled ? tr("Finance review cancelled: nothing was written") : failure;
        return false;
    }
    progress.setCancelButton(nullptr); // drawing cannot stop half-way; it is short
    const bool written = writeFinanceReviewPdf(*review, path, error);
    progress.close();
    return written;
}

} // namespace agency::ui
