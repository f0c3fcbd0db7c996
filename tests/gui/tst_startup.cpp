// SPDX-License-Identifier: GPL-3.0-or-later
// Start-up as a user in another language meets it: Qt's own standard buttons follow the app's language.
#include "startup.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QtTest>

class TestStartup : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void standardButtonsSpeakTheUsersLanguage_data();
    void standardButtonsSpeakTheUsersLanguage();
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

QTEST_MAIN(TestStartup)
#include "tst_startup.moc"
