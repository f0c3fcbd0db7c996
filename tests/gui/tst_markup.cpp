// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 32: names, notes and KPI keys are what people typed, shown as typed. A name holding "<b>", "<img src=…>",
// "&amp;" or a right-to-left override must read as those characters wherever it appears — tables, forms, tooltips,
// chart labels, dialogs, the PDF — never be taken for markup (Qt renders a string as HTML where it "might be rich
// text": labels, tooltips, message boxes, chart labels), and a 10,000-character word must not push the window wider
// than the screen.
#include "clientoverviewdialog.h"
#include "guisupport.h"
#include "mainwindow.h"
#include "support/builders.h"
#include "support/scratchdatabase.h"
#include "tablepage.h"
#include "tables/agencytablemodel.h"

#include <QApplication>
#include <QChartView>
#include <QElapsedTimer>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QTimer>
#include <QtTest>

using namespace agency;

namespace {
const QString clientName = QStringLiteral("<b>Bold</b> &amp; <img src=\"x.png\"> \u202Eevil\u202C");
const QString longWord = QString(10000, u'W');
const QString campaignName = QStringLiteral("<i>Launch</i> ") + longWord;
const QString kpiKey = QStringLiteral("<u>clicks</u>");

// What a person reads in a text Qt shows: rendered as HTML where Qt takes it for rich text, else as it is.
QString seen(const QString& text, Qt::TextFormat format)
{
    if (format == Qt::PlainText || (format == Qt::AutoText && !Qt::mightBeRichText(text)))
        return text;
    QTextDocument document;
    document.setHtml(text);
    return document.toPlainText();
}

// Every text on screen under `root` that shows part of a typed value (`probe`) must show `typed` whole, as text.
QStringList misread(QWidget* root, const QString& probe, const QString& typed)
{
    QStringList wrong;
    const auto labels = root->findChildren<QLabel*>();
    for (const QLabel* label : labels) {
        if (!label->isVisibleTo(root) || !label->text().contains(probe))
            continue;
        const QString read = seen(label->text(), label->textFormat());
        if (!read.contains(typed))
            wrong << QStringLiteral("label %1: %2").arg(label->objectName(), read.left(120));
    }
    const auto widgets = root->findChildren<QWidget*>();
    for (const QWidget* widget : widgets) {
        if (!widget->toolTip().contains(probe))
            continue;
        const QString read = seen(widget->toolTip(), Qt::AutoText);
        if (!read.contains(typed))
            wrong << QStringLiteral("tooltip of %1: %2").arg(widget->objectName(), read.left(120));
    }
    const auto charts = root->findChildren<QChartView*>();
    for (QChartView* chart : charts) {
        const auto items = chart->scene()->items();
        for (QGraphicsItem* item : items) {
            auto* text = dynamic_cast<QGraphicsTextItem*>(item);
            if (!text || !text->isVisible())
                continue;
            const QString read = text->toPlainText();
            // Chart labels may elide a long text: what is drawn up to the word must be the typed characters.
            if (read.contains(probe) && !read.contains(typed.left(typed.indexOf(probe) + probe.size())))
                wrong << QStringLiteral("chart %1: %2").arg(chart->objectName(), read.left(120));
        }
    }
    return wrong;
}

QString pdfText(const QString& path)
{
    QProcess process;
    process.start(QStringLiteral("pdftotext"), { path, QStringLiteral("-") });
    process.waitForFinished(30000);
    return QString::fromUtf8(process.readAllStandardOutput());
}
}

class TestMarkup : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void typedMarkupIsShownAsText_data() { test::addBackendData(); }
    void typedMarkupIsShownAsText();
};

void TestMarkup::typedMarkupIsShownAsText()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    const QDate today = QDate::currentDate();
    const QString client = test::add(scratch.db(),
        test::Client { .name = clientName, .notes = longWord, .contractEnd = today.addDays(20).toString(Qt::ISODate) });
    QJsonObject metadata { { QStringLiteral("name"), campaignName } };
    const QString campaign = test::add(scratch.db(),
        test::Campaign { .client = client,
            .type = QStringLiteral("seo"),
            .status = QStringLiteral("active"),
            .allocated = QStringLiteral("1000.00"),
            .spent = QStringLiteral("1200.00"),
            .start = today.addDays(-10).toString(Qt::ISODate),
            .end = today.addDays(10).toString(Qt::ISODate),
            .targetKpis = QStringLiteral("{\"%1\": 100}").arg(kpiKey),
            .actualKpis = QStringLiteral("{\"%1\": 50}").arg(kpiKey),
            .metadata = QString::fromUtf8(QJsonDocument(metadata).toJson(QJsonDocument::Compact)) });
    QVERIFY(!campaign.isEmpty());
    QVERIFY(!test::add(scratch.db(),
        test::Channel {
            .campaign = campaign, .type = QStringLiteral("google_ads"), .amount = QStringLiteral("600.00") })
                 .isEmpty());

    AGENCY_WINDOW(window, scratch);
    window.resize(1366, 768);

    // The dashboard: the campaign over budget, the contract ending.
    QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
    QTest::qWait(500);
    QStringList wrong = misread(&window, QStringLiteral("Bold"), clientName);
    wrong << misread(&window, QStringLiteral("Launch"), QStringLiteral("<i>Launch</i>"));

    // The Clients page: the row, its form, its tooltips.
    QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
    ui::TablePage* clients = window.page(ui::MainWindow::Clients);
    QVERIFY(clients->showRecord(client));
    auto* nameField = clients->findChild<QLineEdit*>(QStringLiteral("client_name"));
    QVERIFY(nameField);
    QCOMPARE(nameField->text(), clientName);
    const QModelIndex cell = clients->model()->index(0, clients->model()->fieldIndex(QStringLiteral("client_name")));
    // As typed, inside a directional isolate (U+2068 … U+2069): its right-to-left override ends with it.
    QVERIFY2(cell.data().toString().contains(clientName), qPrintable(cell.data().toString()));
    const QString tip = cell.data(Qt::ToolTipRole).toString();
    if (tip.contains(QStringLiteral("Bold")) && !seen(tip, Qt::AutoText).contains(clientName))
        wrong << QStringLiteral("cell tooltip: ") + seen(tip, Qt::AutoText);
    wrong << misread(&window, QStringLiteral("Bold"), clientName);
    QVERIFY2(window.width() <= 1366, qPrintable(QString::number(window.width())));

    // Delete asks (it has a campaign): the question names the client as typed. No.
    QString asked;
    test::whenDialog<QMessageBox>([&](QMessageBox* box) {
        asked = seen(box->text(), box->textFormat());
        wrong << misread(box, QStringLiteral("Bold"), clientName);
        QTest::keyClick(box, Qt::Key_Escape);
    });
    clients->view()->setFocus();
    QTest::keyClick(clients->view(), Qt::Key_Delete);
    QVERIFY2(asked.contains(clientName), qPrintable(asked));
    QVERIFY(test::scalar(scratch.db(), QStringLiteral("SELECT deleted_at FROM agency_clients")).isNull());

    // The client overview.
    QString overview;
    QStringList overviewWrong;
    test::whenDialog<ui::ClientOverviewDialog>([&](ui::ClientOverviewDialog* dialog) {
        if (QTest::qWaitFor([dialog]() { return !dialog->isReading(); }, 10000))
            overview = dialog->text();
        overviewWrong = misread(dialog, QStringLiteral("Bold"), clientName);
        QTest::keyClick(dialog, Qt::Key_Escape);
    });
    window.activateWindow(); // back from the question (no window manager gives it back)
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_O, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY2(overview.contains(clientName), qPrintable(overview.left(300)));
    QVERIFY2(overview.contains(QStringLiteral("<i>Launch</i>")), qPrintable(overview.left(300)));
    wrong << overviewWrong;

    // The Campaigns page: its form, figures, budget split and KPI charts.
    QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
    ui::TablePage* campaigns = window.page(ui::MainWindow::Campaigns);
    QVERIFY(campaigns->showRecord(campaign));
    QVERIFY(test::campaignFiguresShown(*campaigns));
    QTest::qWait(200);
    wrong << misread(&window, QStringLiteral("Bold"), clientName);
    wrong << misread(&window, QStringLiteral("Launch"), QStringLiteral("<i>Launch</i>"));
    wrong << misread(&window, QStringLiteral("clicks"), kpiKey);
    QVERIFY2(window.width() <= 1366, qPrintable(QString::number(window.width())));
    QVERIFY2(window.minimumSizeHint().width() <= 1366, qPrintable(QString::number(window.minimumSizeHint().width())));

    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u'\n')));

    // The finance review PDF, read by an independent reader.
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("review.pdf"));
    QProcess process;
    process.start(QStringLiteral(AGENCY_OS_BINARY),
        { QStringLiteral("report"), QStringLiteral("finance"), QStringLiteral("--output"), pdf, QStringLiteral("--db"),
            scratch.dsn() });
    QVERIFY(process.waitForFinished(60000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    const QString text = pdfText(pdf);
    QVERIFY2(text.contains(QStringLiteral("<b>Bold</b> &amp; <img")), qPrintable(text.left(600)));
}

QTEST_MAIN(TestMarkup)
#include "tst_markup.moc"
