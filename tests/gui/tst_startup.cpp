// SPDX-License-Identifier: GPL-3.0-or-later
// Start-up as a user in another language meets it: Qt's own standard buttons follow the app's language.
#include "startup.h"
#include "tables/tablespec.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QtTest>

class TestStartup : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void standardButtonsSpeakTheUsersLanguage_data();
    void standardButtonsSpeakTheUsersLanguage();
    void countsReadAsWords_data();
    void countsReadAsWords();
};

void TestStartup::standardButtonsSpeakTheUsersLanguage_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("cancel");
    QTest::addColumn<QString>("save");
    QTest::newRow("German") << "de_DE"
                            << "Abbrechen"
                            << "Speichern";
    QTest::newRow("French") << "fr_FR"
                            << "Annuler"
                            << "Enregistrer";
    QTest::newRow("English") << "en_GB"
                             << "Cancel"
                             << "Save";
}

void TestStartup::standardButtonsSpeakTheUsersLanguage()
{
    QFETCH(QString, locale);
    QFETCH(QString, cancel);
    QFETCH(QString, save);
    const QList<QTranslator*> installed = agency::app::installTranslations(QLocale(locale));
    QDialogButtonBox box(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    const QString cancelText = box.button(QDialogButtonBox::Cancel)->text().remove(u'&');
    const QString saveText = box.button(QDialogButtonBox::Save)->text().remove(u'&');
    for (QTranslator* translator : installed) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
    QCOMPARE(cancelText, cancel);
    QCOMPARE(saveText, save);
}

void TestStartup::countsReadAsWords_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("one");
    QTest::addColumn<QString>("three");
    QTest::newRow("English") << "en_GB"
                             << "1 channel"
                             << "3 channels";
    QTest::newRow("C") << "C"
                       << "1 channel"
                       << "3 channels";
    QTest::newRow("Spanish (no translation: English)") << "es_ES"
                                                       << "1 channel"
                                                       << "3 channels";
    QTest::newRow("German") << "de_DE"
                            << "1 Kanal" << QString::fromUtf8("3 Kanäle");
    QTest::newRow("French") << "fr_FR"
                            << "1 canal"
                            << "3 canaux";
}

// "%n channel(s)" reads as a person would write it in every language the app may start in, English included (its
// file holds the plural forms of the sources), and in the C locale a minimal desktop or a service may run in.
void TestStartup::countsReadAsWords()
{
    QFETCH(QString, locale);
    QFETCH(QString, one);
    QFETCH(QString, three);
    const QList<QTranslator*> installed = agency::app::installTranslations(QLocale(locale));
    const QString oneText = agency::tables::rowCountText(agency::tables::channelsSpec(), 1);
    const QString threeText = agency::tables::rowCountText(agency::tables::channelsSpec(), 3);
    for (QTranslator* translator : installed) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
    QCOMPARE(oneText, one);
    QCOMPARE(threeText, three);
}

QTEST_MAIN(TestStartup)
#include "tst_startup.moc"
