// SPDX-License-Identifier: GPL-3.0-or-later
#include "dashboardpage.h"

#include "charts/chartlegend.h"
#include "charts/chartoutput.h"
#include "charts/chartpalette.h"
#include "charts/dashboardcharts.h"
#include "contractspanel.h"
#include "dashboardfigures.h"
#include "db/backgroundjob.h"
#include "db/database.h"
#include "domain/displaytext.h"
#include "domain/vocabulary.h"
#include "editors/choicecombo.h"
#include "editors/optionaldateedit.h"
#include "filedialogs.h"
#include "jobprogress.h"
#include "pacingpanel.h"
#include "reports/financecsv.h"
#include "tables/lookupnames.h"
#include "tables/tablerights.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QProgressDialog>
#include <QResizeEvent>
#include <QSettings>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace agency::ui {

namespace {
    QTableWidget* figuresTable(const QStringList& headers, QWidget* parent)
    {
        auto* table = new QTableWidget(0, static_cast<int>(headers.size()), parent);
        table->setHorizontalHeaderLabels(headers);
        table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents); // no figure cut short
        table->verticalHeader()->hide();
        table->setEditTriggers(QAbstractItemView::NoEditTriggers);
        table->setSelectionBehavior(QAbstractItemView::SelectRows);
        return table;
    }

}

DashboardPage::DashboardPage(QSqlDatabase db, db::ConnectionString where, QWidget* parent)
    : QWidget(parent)
    , m_db(db)
    , m_where(std::move(where))
    , m_status(new QComboBox(this))
    , m_client(new ChoiceCombo(this))
    , m_type(new QComboBox(this))
    , m_from(new OptionalDateEdit(this))
    , m_to(new OptionalDateEdit(this))
    , m_warnAt(new QSpinBox(this))
    , m_limitAt(new QSpinBox(this))
    , m_headlineNote(new QLabel(this))
    , m_attention(new QTableWidget(0, 6, this))
    , m_contracts(new ContractsPanel(this))
    , m_pacing(new PacingPanel(this))
    , m_sideTabs(new QTabWidget(this))
{
    setObjectName(QStringLiteral("dashboard"));
    m_status->addItem(tr("All statuses"), QString());
    for (const QString& status : domain::campaignStatuses())
        m_status->addItem(domain::statusLabel(status), status);
    m_type->addItem(tr("All types"), QString());
    for (const QString& type : domain::defaultCampaignTypes())
        m_type->addItem(domain::valueLabel(type), type);
    auto* filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Status"), this));
    filters->addWidget(m_status);
    filters->addWidget(new QLabel(tr("Client"), this));
    m_client->setObjectName(QStringLiteral("clientFilter"));
    filters->addWidget(m_client, 1);
    filters->addWidget(new QLabel(tr("Type"), this));
    filters->addWidget(m_type);
    filters->addWidget(new QLabel(tr("Warn at"), this));
    filters->addWidget(m_warnAt);
    filters->addWidget(new QLabel(tr("limit"), this));
    filters->addWidget(m_limitAt);
    // The dates, the state and the buttons on a second line: the page fits a 1024 px window.
    auto* more = new QHBoxLayout;
    more->addWidget(new QLabel(tr("Starting from"), this));
    more->addWidget(m_from);
    more->addWidget(new QLabel(tr("to"), this));
    more->addWidget(m_to);
    // The thresholds campaigns are flagged by, remembered; whole percents.
    const reports::Thresholds thresholds = rememberedThresholds();
    for (auto [box, value, name, tip] :
        { std::tuple { m_warnAt, thresholds.warnAt, "warnAt",
              tr("A live campaign that has spent this share of its budget is flagged") },
            std::tuple { m_limitAt, thresholds.limitAt, "limitAt",
                tr("A campaign past this share of its budget is over its limit (at 100 %: overspent)") } }) {
        box->setObjectName(QString::fromLatin1(name));
        box->setRange(1, reports::Thresholds::highest / 100);
        box->setSuffix(QStringLiteral(" %"));
        box->setValue(value / 100);
        box->setToolTip(tip);
    }
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
    auto* csv = new QToolButton(this);
    csv->setText(tr("Finance figures CSV…"));
    csv->setToolTip(tr("The review's figures for this filter as one CSV table: the total, each client, each campaign"));
    csv->setObjectName(QStringLiteral("exportFinanceCsv"));
    more->addWidget(csv);

    // The headline figures of the filter, each a caption over its amount.
    auto* headline = new QHBoxLayout;
    const QList<std::pair<const char*, QString>> figures { { "allocated", tr("Allocated") }, { "spent", tr("Spent") },
        { "remaining", tr("Remaining") }, { "burn", tr("Burn") }, { "overspent", tr("Overspent") },
        { "missing", tr("Without a figure") } };
    for (const auto& [name, caption] : figures) {
        auto* card = new QFrame(this);
        card->setFrameShape(QFrame::StyledPanel);
        auto* column = new QVBoxLayout(card);
        column->setContentsMargins(8, 4, 8, 4);
        column->addWidget(new QLabel(caption, card));
        auto* value = new QLabel(card);
        value->setObjectName(QStringLiteral("headline_") + QString::fromLatin1(name));
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        QFont big = value->font();
        big.setPointSizeF(big.pointSizeF() * 1.3);
        big.setBold(true);
        value->setFont(big);
        column->addWidget(value);
        headline->addWidget(card);
        m_headline.insert(QString::fromLatin1(name), value);
    }
    m_headlineNote->setObjectName(QStringLiteral("headlineNote"));
    m_headlineNote->setWordWrap(true);

    // Each chart beside a table of its exact figures (a tab each, the chart first).
    auto* grid = new QGridLayout;
    const QList<QStringList> tableHeaders { { tr("Client"), tr("Campaigns"), tr("Allocated"), tr("Spent"),
                                                tr("Remaining"), tr("Burn"), tr("Overspent"), tr("Without a figure") },
        { tr("Type"), tr("Campaigns"), tr("Spent"), tr("Share of spend") },
        { tr("Tier"), tr("Active clients"), tr("Monthly retainer"), tr("Value") } };
    // The client chart on its own; spend by type and the retainer by tier share the other place, so that the
    // attention list below has the window's whole width for its reasons and figures.
    const QList<QStringList> tabNames { { tr("Chart"), tr("Figures") }, { tr("Spend by type"), tr("Type figures") },
        { tr("Retainer by tier"), tr("Tier figures") } };
    QList<QTabWidget*> tabs;
    for (int i = 0; i < 3; ++i) {
        auto* view = new QChartView(new QChart, this);
        view->installEventFilter(this); // its words fitted to its size as the window is resized
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumSize(300, 200);
        m_views << view;
        m_tables << ui::figuresTable(tableHeaders.at(i), this);
        m_tables.constLast()->setObjectName(QStringLiteral("figures%1").arg(i));
        if (i < 2) {
            auto* tab = new QTabWidget(this);
            tab->setObjectName(QStringLiteral("chartTabs%1").arg(i));
            tab->setDocumentMode(true);
            tabs << tab;
        }
        tabs.constLast()->addTab(view, tabNames.at(i).at(0));
        tabs.constLast()->addTab(m_tables.constLast(), tabNames.at(i).at(1));
    }
    m_attention->setObjectName(QStringLiteral("attention"));
    m_attention->setHorizontalHeaderLabels(
        { tr("Needs attention"), tr("Why"), tr("Allocated"), tr("Spent"), tr("Projected at end"), tr("Client") });
    // Figures whole at their width; the reason takes the rest and wraps onto more lines, never cut short.
    m_attention->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_attention->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_attention->setWordWrap(true);
    m_attention->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_attention->setTextElideMode(Qt::ElideNone);
    m_attention->verticalHeader()->hide();
    m_attention->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_attention->setSelectionBehavior(QAbstractItemView::SelectRows);
    auto* attentionBox = new QVBoxLayout;
    // The campaigns that need attention, and beside them the contracts that do (Plane's work needs none).
    m_sideTabs->setObjectName(QStringLiteral("attentionTabs"));
    m_sideTabs->setDocumentMode(true);
    m_sideTabs->addTab(m_attention, tr("Campaigns"));
    m_sideTabs->addTab(m_contracts, tr("Contracts"));
    m_sideTabs->addTab(m_pacing, tr("Pacing"));
    attentionBox->addWidget(m_sideTabs, 1);
    auto* explained = new QLabel(tr("Pace: the share of its budget a campaign has spent against the share of its days "
                                    "gone; off pace is more than 15 points ahead or 25 behind. Projected: spent so far "
                                    "÷ days gone × days in all."),
        this);
    explained->setWordWrap(true);
    explained->setObjectName(QStringLiteral("paceExplained"));
    attentionBox->addWidget(explained);
    grid->addWidget(tabs.at(0), 0, 0);
    grid->addWidget(tabs.at(1), 0, 1);
    grid->addLayout(attentionBox, 1, 0, 1, 2);
    grid->setRowStretch(0, 1); // as much height for the list as for the charts
    grid->setRowStretch(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addLayout(more);
    layout->addLayout(headline);
    layout->addWidget(m_headlineNote);
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
        exportReview(path);
    });
    connect(csv, &QToolButton::clicked, this, [this]() {
        const QString path = chooseFileToSave(this, tr("Finance figures"), QStringLiteral("finance-review.csv"),
            tr("CSV (*.csv);;Excel workbooks (*.xlsx)"));
        if (path.isEmpty())
            return;
        exportFinanceCsv(path);
    });
    connect(m_contracts, &ContractsPanel::openClient, this, &DashboardPage::openClient);
    connect(m_pacing, &PacingPanel::openCampaign, this, &DashboardPage::openCampaign);
    connect(m_attention, &QTableWidget::cellDoubleClicked, this,
        [this](int row) { Q_EMIT openCampaign(m_attention->item(row, 0)->data(Qt::UserRole).toString()); });
    for (QComboBox* combo : { m_status, static_cast<QComboBox*>(m_client), m_type })
        connect(combo, &QComboBox::currentIndexChanged, this, &DashboardPage::refresh);
    connect(m_from, &OptionalDateEdit::dateChanged, this, &DashboardPage::refresh);
    for (QSpinBox* box : { m_warnAt, m_limitAt }) {
        connect(box, &QSpinBox::valueChanged, this, [this]() {
            QString error;
            const auto chosen = reports::Thresholds::make(m_warnAt->value() * 100, m_limitAt->value() * 100, &error);
            if (!chosen) {
                Q_EMIT message(error);
                return;
            }
            rememberThresholds(*chosen);
            Q_EMIT thresholdsChanged(*chosen);
            refresh();
        });
    }
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

reports::Thresholds DashboardPage::thresholds() const
{
    return reports::Thresholds::make(m_warnAt->value() * 100, m_limitAt->value() * 100, nullptr)
        .value_or(rememberedThresholds());
}

QString DashboardPage::headline(const QString& name) const
{
    const QLabel* label = m_headline.value(name);
    return label ? label->text() : QString();
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
        parts << tr("starting from %1").arg(domain::dateText(m_from->date().toDate()));
    if (m_to->date().isValid())
        parts << tr("starting until %1").arg(domain::dateText(m_to->date().toDate()));
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
    figures->thresholds = thresholds();
    if (m_job) // finished (its own finished() may be what called this): deleted once that has returned
        m_job.release()->deleteLater();
    // Off the GUI thread, on a connection of its own; a newer refresh waits for this one (m_again).
    m_job = std::make_unique<db::BackgroundJob>(
        where, [figures, f](QSqlDatabase db, const db::BackgroundJob::Progress&, QString* error) {
            using tables::ColumnRole;
            const tables::TableSpec* campaignSpec = &tables::campaignsSpec();
            figures->hidden = tables::unreadableColumns(db,
                { { campaignSpec, ColumnRole::Allocated }, { campaignSpec, ColumnRole::Spent },
                    { &tables::slaTiersSpec(), ColumnRole::Retainer } });
            if (!figures->hidden.isEmpty()) { // the money stays unread; the contracts are no secret
                const auto contracts = reports::readContractReminders(db, QDate::currentDate(), f.clientId, error);
                if (contracts)
                    figures->contracts = *contracts;
                return contracts.has_value();
            }
            reports::FinanceReport report(db);
            const auto totals = report.byClientAndType(f);
            const auto tiers = report.retainerByTier();
            const auto campaigns = report.campaignsNeedingAttention(f, QDate::currentDate(), figures->thresholds);
            if (!totals || !tiers || !campaigns) {
                *error = report.lastError();
                return false;
            }
            const auto contracts = reports::readContractReminders(db, QDate::currentDate(), f.clientId, error);
            if (!contracts)
                return false;
            figures->contracts = *contracts;
            // The channels' pacing where the role may read the imported spend; without it, the rest stands.
            QString unread;
            if (const auto paces
                = reports::readPaces(db, QDate::currentDate(), f.clientId, &unread, reports::PaceScope::WithSpend))
                figures->paces = *paces;
            figures->clients = totals->clients;
            figures->types = totals->types;
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

bool DashboardPage::saveChart(int index, const QString& path, QString* error) const
{
    return ui::saveChart(m_views.at(index)->chart(), m_views.at(index)->size(), path, error);
}

void DashboardPage::exportReview(const QString& path)
{
    // The figures are read off the GUI thread, on a connection of their own; the PDF is drawn here (its charts are
    // widgets' kin), from figures already in memory: a summary beyond 1,000 campaigns, so about a second at most.
    auto review = std::make_shared<FinanceReview>();
    review->filterText = filterText();
    review->database = m_where.redacted();
    review->thresholds = thresholds();
    auto* job = new db::BackgroundJob(
        m_where, [review, f = filter()](QSqlDatabase db, const db::BackgroundJob::Progress&, QString* failure) {
            reports::FinanceReport report(db);
            return collectFinanceReview(report, f, review.get(), failure);
        });
    runWithProgress(this, tr("Writing the finance review…"), QStringLiteral("reviewProgress"), job,
        [this, review, path](const JobOutcome& outcome) {
            QString error;
            bool written = false;
            if (outcome.cancelled)
                error = tr("Finance review cancelled: nothing was written");
            else if (!outcome.ok)
                error = outcome.error;
            else
                written = writeFinanceReviewPdf(*review, path, &error);
            Q_EMIT message(written ? tr("Saved %1").arg(path) : error);
            Q_EMIT fileWritten(written);
        });
}

void DashboardPage::exportFinanceCsv(const QString& path)
{
    auto* job = new db::BackgroundJob(m_where,
        [path, f = filter(), t = thresholds()](QSqlDatabase db, const db::BackgroundJob::Progress&, QString* failure) {
            reports::FinanceReport report(db);
            return reports::saveFinanceCsv(report, f, t, path, failure);
        });
    runWithProgress(this, tr("Writing the finance figures…"), QStringLiteral("financeCsvProgress"), job,
        [this, path](const JobOutcome& outcome) {
            const bool written = outcome.ok && !outcome.cancelled;
            if (outcome.cancelled)
                QFile::remove(path); // written whole just as it was cancelled: cancelled means no file
            Q_EMIT message(written      ? tr("Saved %1").arg(path)
                    : outcome.cancelled ? tr("Finance figures cancelled: nothing was written")
                                        : tr("Could not write %1: %2").arg(path, outcome.error));
            Q_EMIT fileWritten(written);
        });
}

bool DashboardPage::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::Resize) {
        if (auto* view = qobject_cast<QChartView*>(watched); view && m_views.contains(view))
            fitChartTexts(view->chart(), static_cast<QResizeEvent*>(event)->size());
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace agency::ui
