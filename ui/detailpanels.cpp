// SPDX-License-Identifier: GPL-3.0-or-later
#include "detailpanels.h"

#include "budgetsplitpanel.h"
#include "charts/budgetsplitchart.h"
#include "charts/chartpalette.h"
#include "charts/charttext.h"
#include "charts/kpichart.h"
#include "charts/spendcurvechart.h"
#include "domain/budget.h"
#include "domain/money.h"
#include "domain/vocabulary.h"
#include "reports/financereport.h"
#include "tablepage.h"
#include "tables/backgroundreader.h"
#include "tables/campaignmodel.h"
#include "tables/channelmodel.h"
#include "workpanel.h"

#include <QChart>
#include <QChartView>
#include <QHeaderView>
#include <QSqlRecord>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace agency::ui {

namespace {
    // A filter value no row has: a detail list with nothing selected above it is empty.
    QString none()
    {
        return QStringLiteral("00000000-0000-4000-8000-000000000000");
    }

    // A read-only list of a parent's children under the parent's table, showing the columns its table declares for
    // such a list (TableSpec::listColumns).
    QTableView* detailView(tables::AgencyTableModel* model, QWidget* parent)
    {
        auto* view = new QTableView(parent);
        view->setModel(model);
        view->setEditTriggers(QAbstractItemView::NoEditTriggers);
        view->setSelectionBehavior(QAbstractItemView::SelectRows);
        view->setAlternatingRowColors(true);
        view->verticalHeader()->hide();
        for (int c = 0; c < model->columnCount(); ++c)
            view->setColumnHidden(c, !model->spec().listColumns.contains(model->columnName(c)));
        moveNameColumnFirst(view, model);
        // Each column as wide as its header and values (a few dozen rows): nothing is cut off ("10.000,00", not
        // "1"); the last takes what is left.
        view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
        view->horizontalHeader()->setStretchLastSection(true);
        return view;
    }
}

ClientCampaignsPanel::ClientCampaignsPanel(QSqlDatabase db, QWidget* parent)
    : QWidget(parent)
    , m_model(new tables::CampaignModel(db, this, tables::AgencyTableModel::Load::Later))
{
    m_model->setParentFilter(none());
    m_view = detailView(m_model, this);
    m_view->setObjectName(QStringLiteral("clientCampaigns"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    // activated: Enter, and a double-click (or a single click where the platform opens on one).
    connect(m_view, &QTableView::activated, this,
        [this](const QModelIndex& index) { Q_EMIT openCampaign(m_model->idAt(index.row())); });
}

void ClientCampaignsPanel::setClient(const QString& id)
{
    m_model->setParentFilter(id.isEmpty() ? none() : id);
}

void ClientCampaignsPanel::setShowDeleted(bool show)
{
    m_model->setShowDeleted(show);
}

void ClientCampaignsPanel::refresh()
{
    m_model->refresh();
}

CampaignDetailPanel::CampaignDetailPanel(
    QSqlDatabase db, tables::CampaignModel* campaigns, tables::ChannelModel* channels, QWidget* parent)
    : QSplitter(Qt::Horizontal, parent)
    , m_db(db)
    , m_campaigns(campaigns)
    , m_channels(channels)
    , m_model(new tables::ChannelModel(db, this, tables::AgencyTableModel::Load::Later))
    , m_budget(new BudgetSplitPanel(this))
    , m_pie(new BudgetSplitChart(this))
    , m_kpiChart(new KpiChart(this))
    , m_work(new WorkPanel(this))
    , m_pacing(new QChartView(this))
{
    m_model->setParentFilter(none());
    m_model->setPacesShown(false); // the list shows the channels' own columns: no Pace
    m_view = detailView(m_model, this);
    m_view->setObjectName(QStringLiteral("campaignChannels"));
    m_budget->setObjectName(QStringLiteral("budgetSplit"));
    m_pie->setObjectName(QStringLiteral("budgetPie"));
    m_kpiChart->setObjectName(QStringLiteral("kpiChart"));
    auto* tabs = new QTabWidget(this);
    tabs->addTab(m_budget, tr("Budget split"));
    tabs->addTab(m_pie, tr("Split chart"));
    tabs->addTab(m_kpiChart, tr("KPIs"));
    tabs->addTab(m_work, tr("Work"));
    m_pacing->setObjectName(QStringLiteral("spendCurve"));
    m_pacing->setRenderHint(QPainter::Antialiasing);
    tabs->addTab(m_pacing, tr("Pacing"));
    addWidget(m_view);
    addWidget(tabs);
    connect(m_view, &QTableView::activated, this,
        [this](const QModelIndex& index) { Q_EMIT openChannel(m_model->idAt(index.row())); });
}

CampaignDetailPanel::~CampaignDetailPanel() = default;

void CampaignDetailPanel::setCampaign(const QString& id)
{
    m_campaign = id;
    m_model->setParentFilter(id.isEmpty() ? none() : id);
    // Until its figures come back, nothing of the campaign before is shown as this one's.
    showFigures(reports::CampaignFigures {});
    reloadFigures();
}

void CampaignDetailPanel::reloadFigures()
{
    const QString campaign = m_campaign;
    const QDate today = QDate::currentDate();
    if (campaign.isEmpty() || !tables::BackgroundReader::canClone(m_db)) {
        showFigures(reports::readCampaignFigures(m_db, campaign, today)); // an in-memory database: nothing to wait for
        return;
    }
    if (!m_reader)
        m_reader = std::make_unique<tables::BackgroundReader>(m_db);
    m_reading = true;
    m_reader->run([this, campaign, today](QSqlDatabase clone, const std::function<bool()>&) {
        auto figures = std::make_shared<reports::CampaignFigures>(reports::readCampaignFigures(clone, campaign, today));
        return tables::BackgroundReader::Delivery([this, figures]() {
            if (figures->campaign == m_campaign) // the newest request only, and still the campaign shown
                showFigures(*figures);
        });
    });
}

void CampaignDetailPanel::showFigures(const reports::CampaignFigures& figures)
{
    m_reading = false;
    m_saved = figures.budget;
    m_budgetHidden = figures.hiddenBudget.isEmpty() ? QString() : hiddenText(figures.hiddenBudget);
    m_work->showWork(figures.work);
    showSpendCurve(figures);
    updateSplit();
    m_pie->setSplit(figures.split.value_or(reports::CampaignSplit {}));
    m_kpiChart->setKpis(
        figures.split ? figures.split->label : QString(), figures.kpis.value_or(QList<reports::KpiLine> {}));
    // What the role may not read is not drawn: the place says so instead.
    if (!m_budgetHidden.isEmpty())
        m_pie->chart()->setTitle(chartText(m_budgetHidden));
    if (!figures.hiddenKpis.isEmpty())
        m_kpiChart->chart()->setTitle(chartText(hiddenText(figures.hiddenKpis)));
    applyPalette(m_pie->chart(), palette());
    applyPalette(m_kpiChart->chart(), palette());
    if (!figures.campaign.isEmpty())
        Q_EMIT figuresShown();
}

void CampaignDetailPanel::showSpendCurve(const reports::CampaignFigures& figures)
{
    QChart* old = m_pacing->chart();
    QChart* chart = figures.spend ? spendCurveChart(*figures.spend) : new QChart;
    if (!m_budgetHidden.isEmpty())
        chart->setTitle(chartText(m_budgetHidden));
    else if (!figures.spend && !figures.campaign.isEmpty())
        chart->setTitle(tr("No pacing: the imported spend could not be read"));
    m_pacing->setChart(chart); // the view owns it
    delete old;
    applyPalette(chart, palette());
}

QString CampaignDetailPanel::hiddenText(const QStringList& labels)
{
    return tr("Hidden: your database role may not read %1.").arg(labels.join(QStringLiteral(", ")));
}

void CampaignDetailPanel::updateSplit()
{
    // From what was read when the campaign was opened (or saved, or changed elsewhere) and the edits the models
    // hold: nothing is read per key.
    if (!m_saved) {
        if (m_budgetHidden.isEmpty())
            m_budget->clear();
        else
            m_budget->showNotice(m_budgetHidden);
        return;
    }
    std::optional<tables::CampaignBudget> budget = m_channels->withEdits(*m_saved, m_campaign);
    // The campaign's budget as typed on the Campaigns page, saved or not.
    m_campaigns->typedAllocation(m_campaign, &budget->allocated);
    QStringList labels;
    QList<bool> active;
    for (const auto& share : std::as_const(budget->channels)) {
        labels << domain::valueLabel(m_channels->rowName(share.id)); // its type, as typed here when edited
        active << share.active;
    }
    m_budget->showSplit(domain::splitBudget(budget->allocated, budget->channels), labels, active);
}

void CampaignDetailPanel::refresh()
{
    m_model->refresh();
    reloadFigures();
}

} // namespace agency::ui
