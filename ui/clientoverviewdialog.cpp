// SPDX-License-Identifier: GPL-3.0-or-later
#include "clientoverviewdialog.h"

#include "businesshoursdialog.h"
#include "db/backgroundjob.h"
#include "filedialogs.h"
#include "reports/reportsheet.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QPushButton>
#include <QSaveFile>
#include <QTextBrowser>
#include <QTextDocument>
#include <QVBoxLayout>

namespace agency::ui {

namespace {
    using reports::ReportCell;

    QString cell(const ReportCell& value)
    {
        const QString text = value.display();
        return text.isEmpty() ? QStringLiteral("—") : text.toHtmlEscaped();
    }

    QString pair(const QString& label, const QString& value)
    {
        return QStringLiteral("<tr><td>%1</td><td align=\"right\"><b>%2</b></td></tr>")
            .arg(label.toHtmlEscaped(), value);
    }
}

ClientOverviewDialog::ClientOverviewDialog(db::ConnectionString where, QString clientId, QWidget* parent)
    : QDialog(parent)
    , m_where(std::move(where))
    , m_clientId(std::move(clientId))
    , m_month(new QComboBox(this))
    , m_businessHours(new QCheckBox(tr("&Business hours only"), this))
    , m_page(new QTextBrowser(this))
    , m_state(new QLabel(this))
    , m_pdf(new QPushButton(tr("Save as &PDF…"), this))
    , m_csv(new QPushButton(tr("Export &CSV…"), this))
{
    setWindowTitle(tr("Client overview"));
    setObjectName(QStringLiteral("clientOverview"));
    m_page->setObjectName(QStringLiteral("overviewPage"));
    m_month->setObjectName(QStringLiteral("overviewMonth"));
    const QDate today = QDate::currentDate();
    const QDate first(today.year(), today.month(), 1);
    for (int back = 0; back < 12; ++back) {
        const QDate month = first.addMonths(-back);
        m_month->addItem(QLocale().toString(month, QStringLiteral("MMMM yyyy")), month);
    }
    auto* top = new QHBoxLayout;
    auto* monthLabel = new QLabel(tr("&Month"), this);
    monthLabel->setBuddy(m_month);
    top->addWidget(monthLabel);
    top->addWidget(m_month);
    // Response times in calendar hours (the tier's promise as written), or in the agency's working hours.
    m_businessHours->setObjectName(QStringLiteral("businessHoursOnly"));
    m_businessHours->setChecked(BusinessHoursDialog::countsBusinessHours());
    m_businessHours->setToolTip(BusinessHoursDialog::rememberedHours().describe());
    auto* setHours = new QPushButton(tr("Hours…"), this);
    setHours->setObjectName(QStringLiteral("setBusinessHours"));
    setHours->setToolTip(tr("The working days and hours response times count in"));
    top->addWidget(m_businessHours);
    top->addWidget(setHours);
    top->addWidget(m_state, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_pdf, QDialogButtonBox::ActionRole);
    buttons->addButton(m_csv, QDialogButtonBox::ActionRole);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_page, 1);
    layout->addWidget(buttons);
    resize(760, 640);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_month, &QComboBox::currentIndexChanged, this, &ClientOverviewDialog::read);
    connect(m_businessHours, &QCheckBox::toggled, this, [this](bool on) {
        BusinessHoursDialog::setCountsBusinessHours(on);
        read();
    });
    connect(setHours, &QPushButton::clicked, this, &ClientOverviewDialog::chooseBusinessHours);
    connect(m_pdf, &QPushButton::clicked, this, [this]() {
        const QString path
            = chooseFileToSave(this, tr("Client overview"), QStringLiteral("client-overview.pdf"), tr("PDF (*.pdf)"));
        QString error;
        if (!path.isEmpty())
            m_state->setText(savePdf(path, &error) ? tr("Saved %1").arg(path) : error);
    });
    connect(m_csv, &QPushButton::clicked, this, [this]() {
        const QString path = chooseFileToSave(this, tr("Client overview"), QStringLiteral("client-overview.csv"),
            tr("CSV (*.csv);;Excel workbooks (*.xlsx)"));
        QString error;
        if (!path.isEmpty())
            m_state->setText(saveCsv(path, &error) ? tr("Saved %1").arg(path) : error);
    });
    read();
}

ClientOverviewDialog::~ClientOverviewDialog() = default; // a read under way is cancelled and waited for

void ClientOverviewDialog::read()
{
    if (m_job) // a month chosen while another was read: this one is read once that is done
        m_job.release()->deleteLater();
    m_pdf->setEnabled(false);
    m_csv->setEnabled(false);
    m_state->setText(tr("Reading…"));
    const QDate month = m_month->currentData().toDate();
    auto result = std::make_shared<std::optional<reports::ClientOverview>>();
    m_job = std::make_unique<db::BackgroundJob>(m_where,
        [result, month, id = m_clientId, hours = BusinessHoursDialog::counted()](
            QSqlDatabase db, const db::BackgroundJob::Progress&, QString* error) {
            *result = reports::readClientOverview(db, id, month, QDateTime::currentDateTimeUtc(), error, hours);
            return result->has_value();
        });
    db::BackgroundJob* job = m_job.get();
    connect(job, &db::BackgroundJob::finished, this, [this, job, result, month](bool ok, const QString& error) {
        if (m_job.get() != job || m_month->currentData().toDate() != month)
            return; // a newer read is under way
        m_job.release()->deleteLater();
        if (!ok) {
            m_state->setText(error);
            return;
        }
        m_state->clear();
        showOverview(**result);
        Q_EMIT shown();
    });
    m_job->start();
}

void ClientOverviewDialog::chooseBusinessHours()
{
    BusinessHoursDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    BusinessHoursDialog::rememberHours(dialog.hours());
    m_businessHours->setToolTip(dialog.hours().describe());
    if (m_businessHours->isChecked())
        read();
    else
        m_businessHours->setChecked(true); // set to be used: used (and read again)
}

void ClientOverviewDialog::showOverview(const reports::ClientOverview& o)
{
    m_overview = o;
    QString html = QStringLiteral("<h2>%1</h2><p>%2</p>")
                       .arg(o.clientName.toHtmlEscaped(), QLocale().toString(o.month, QStringLiteral("MMMM yyyy")));
    if (!o.warnings.isEmpty()) {
        html += QStringLiteral("<p style=\"color:#b26a00\"><b>%1</b></p><ul>").arg(tr("Needs a word").toHtmlEscaped());
        for (const QString& warning : o.warnings)
            html += QStringLiteral("<li>%1</li>").arg(warning.toHtmlEscaped());
        html += QStringLiteral("</ul>");
    }
    html += QStringLiteral("<h3>%1</h3><table cellpadding=\"2\">").arg(tr("Tier and contract").toHtmlEscaped());
    html += pair(tr("Tier"), o.tierName.isEmpty() ? tr("none").toHtmlEscaped() : o.tierName.toHtmlEscaped());
    html += pair(tr("Response time (h)"), cell(ReportCell::integer(o.responseHours)));
    html += pair(tr("Hours included / month"), cell(ReportCell::integer(o.includedHours)));
    html += pair(tr("Hourly rate"), cell(ReportCell::money(o.hourlyRateCents)));
    html += pair(tr("Monthly retainer"), cell(ReportCell::money(o.retainerCents)));
    html += pair(tr("Contract"),
        tr("%1 to %2").arg(cell(ReportCell::date(o.contractStart)), cell(ReportCell::date(o.contractEnd))));
    html += QStringLiteral("</table>");
    if (o.retainer) {
        const auto over = o.retainer->overageSeconds();
        html += QStringLiteral("<h3>%1</h3><table cellpadding=\"2\">").arg(tr("Retainer ledger").toHtmlEscaped());
        html += pair(tr("Hours used"), cell(ReportCell::hours(reports::hundredthsOfHours(o.retainer->secondsUsed))));
        html += pair(tr("Hours over"),
            cell(ReportCell::hours(over ? std::optional<qint64>(reports::hundredthsOfHours(*over)) : std::nullopt)));
        html += pair(tr("Overage"), cell(ReportCell::money(o.retainer->overageCents())));
        html += pair(tr("To invoice"), cell(ReportCell::money(o.retainer->invoiceCents())));
        html += QStringLiteral("</table><p><small>%1</small></p>")
                    .arg((o.retainer->fromPlane ? tr("Hours from Plane's time logs.")
                                                : tr("Hours from the time entries kept in Agency OS."))
                             .toHtmlEscaped());
    }
    html += QStringLiteral("<h3>%1</h3>").arg(tr("Response times").toHtmlEscaped());
    if (o.sla) {
        html += QStringLiteral("<p><small>%1</small></p>")
                    .arg((o.slaHours.isCalendar() ? tr("Counted in calendar hours.")
                                                  : tr("Counted in business hours: %1.").arg(o.slaHours.describe()))
                             .toHtmlEscaped());
        html += QStringLiteral("<table cellpadding=\"2\">");
        html += pair(tr("Requests"), cell(ReportCell::integer(o.sla->issues)));
        html += pair(tr("Answered"), cell(ReportCell::integer(o.sla->responded)));
        html += pair(tr("Median (h)"), cell(ReportCell::hours(o.sla->medianHundredths)));
        html += pair(tr("90th percentile (h)"), cell(ReportCell::hours(o.sla->p90Hundredths)));
        html += pair(tr("Breaches"), cell(ReportCell::integer(o.sla->breaches.size())));
        html += QStringLiteral("</table>");
        for (const reports::SlaIssue& issue : o.sla->breaches.mid(0, 20))
            html += QStringLiteral("%1 %2<br/>").arg(issue.identifier.toHtmlEscaped(), issue.name.toHtmlEscaped());
    } else {
        html += QStringLiteral("<p>%1</p>").arg(o.slaUnavailable.toHtmlEscaped());
    }
    html += QStringLiteral(
        "<h3>%1</h3><table border=\"1\" cellspacing=\"0\" cellpadding=\"3\"><tr><th>%2</th><th>%3</th>"
        "<th>%4</th><th>%5</th><th>%6</th><th>%7</th></tr>")
                .arg(tr("Campaigns").toHtmlEscaped(), tr("Campaign").toHtmlEscaped(), tr("Budget").toHtmlEscaped(),
                    tr("Spent").toHtmlEscaped(), tr("Spent %").toHtmlEscaped(), tr("Time %").toHtmlEscaped(),
                    tr("Issues done").toHtmlEscaped());
    for (const auto& campaign : o.campaigns) {
        const auto& work = campaign.work.work;
        html += QStringLiteral("<tr><td>%1</td><td align=\"right\">%2</td><td align=\"right\">%3</td><td "
                               "align=\"right\">%4</td><td align=\"right\">%5</td><td align=\"right\">%6</td></tr>")
                    .arg(campaign.line.label.toHtmlEscaped(),
                        cell(ReportCell::money(campaign.line.allocated
                                ? std::optional<qint64>(campaign.line.allocated->cents())
                                : std::nullopt)),
                        cell(ReportCell::money(
                            campaign.line.spent ? std::optional<qint64>(campaign.line.spent->cents()) : std::nullopt)),
                        cell(ReportCell::percent(campaign.work.spentShare)),
                        cell(ReportCell::percent(campaign.work.elapsedShare)),
                        work.available ? tr("%1 of %2").arg(work.done).arg(work.counted) : QStringLiteral("—"));
    }
    html += QStringLiteral("</table>");
    m_page->setHtml(html);
    m_pdf->setEnabled(true);
    m_csv->setEnabled(true);
}

QString ClientOverviewDialog::text() const
{
    return m_page->toPlainText();
}

bool ClientOverviewDialog::savePdf(const QString& path, QString* error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("Could not write %1: %2").arg(path, file.errorString());
        return false;
    }
    {
        QPdfWriter pdf(&file);
        pdf.setTitle(windowTitle());
        pdf.setCreator(QStringLiteral("Agency OS"));
        pdf.setPageSize(QPageSize(QPageSize::A4));
        pdf.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        std::unique_ptr<QTextDocument> document(m_page->document()->clone());
        document->print(&pdf);
    }
    if (!file.commit()) {
        *error = tr("Could not write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool ClientOverviewDialog::saveCsv(const QString& path, QString* error) const
{
    if (!m_overview)
        return false;
    QSaveFile file(path);
    QString why;
    // A workbook when the name ends in .xlsx: the same figures as real number and date cells.
    const bool written = file.open(QIODevice::WriteOnly)
        && (reports::isWorkbookPath(path) ? reports::writeReportXlsx(m_overview->table(), &file, &why)
                                          : reports::writeReportCsv(m_overview->table(), &file, &why));
    if (!written || !file.commit()) {
        *error = tr("Could not write %1: %2").arg(path, why.isEmpty() ? file.errorString() : why);
        return false;
    }
    return true;
}

} // namespace agency::ui
