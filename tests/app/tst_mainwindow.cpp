// The console's main window opens with its page stack, menus and status bar; the About dialog names the
// versions of Qt and KSyntaxHighlighting in use.
#include "app/console/aboutdialog.h"
#include "app/console/mainwindow.h"
#include "app/console/pagestack.h"
#include "app/console/translations.h"

#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTest>

#include <ksyntaxhighlighting_version.h>

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void opensWithPageStack();
    void menus_data();
    void menus();
    void aboutNamesVersions();
    void pageStackSwitchesPages();
    void germanTranslation();
};

void TestMainWindow::opensWithPageStack()
{
    Flotilla::MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.pages());
    QVERIFY(window.centralWidget()->isAncestorOf(window.pages()));
    // The pages an operator finds, in the order of the navigation, each with its own widget.
    const QStringList expected = { QStringLiteral("Welcome"),  QStringLiteral("Targets"), QStringLiteral("Software"),
                                   QStringLiteral("Rollouts"), QStringLiteral("Consent"), QStringLiteral("Manifests"),
                                   QStringLiteral("Settings") };
    QStringList titles;
    for (int i = 0; i < window.pages()->count(); ++i) {
        titles << window.pages()->title(i);
        QVERIFY(window.pages()->page(i));
    }
    QCOMPARE(titles, expected);
    QCOMPARE(window.pages()->currentIndex(), 0); // it opens on the Welcome page
    QVERIFY(window.pages()->currentPage());
    QVERIFY(window.pages()->currentPage()->isVisible());
    auto *connection = window.findChild<QLabel *>(QStringLiteral("connectionLabel"));
    QVERIFY(connection);
    QVERIFY(connection->isVisible());
    QVERIFY(!connection->text().isEmpty());
    QVERIFY(!window.windowIcon().isNull());
}

void TestMainWindow::menus_data()
{
    QTest::addColumn<QString>("actionName");
    QTest::addColumn<bool>("hasShortcut");
    QTest::newRow("quit") << QStringLiteral("actionQuit") << true;
    QTest::newRow("about") << QStringLiteral("actionAbout") << false;
    QTest::newRow("full screen") << QStringLiteral("actionFullScreen") << true;
}

void TestMainWindow::menus()
{
    QFETCH(QString, actionName);
    QFETCH(bool, hasShortcut);
    Flotilla::MainWindow window;
    auto *action = window.findChild<QAction *>(actionName);
    QVERIFY(action);
    QVERIFY(!action->text().isEmpty());
    QCOMPARE(!action->shortcut().isEmpty(), hasShortcut);
    QStringList menus;
    for (const QAction *menu : window.menuBar()->actions())
        menus << menu->text();
    QCOMPARE(menus, (QStringList { QStringLiteral("&File"), QStringLiteral("&View"), QStringLiteral("&Help") }));
}

void TestMainWindow::aboutNamesVersions()
{
    const QString text = Flotilla::AboutDialog::versionText();
    QVERIFY2(text.contains(QString::fromLatin1(qVersion())), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral(KSYNTAXHIGHLIGHTING_VERSION_STRING)), qPrintable(text));

    Flotilla::MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.findChild<QAction *>(QStringLiteral("actionAbout"))->trigger();
    Flotilla::AboutDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<Flotilla::AboutDialog *>()) != nullptr);
    QTRY_VERIFY(dialog->isVisible());
    auto *label = dialog->findChild<QLabel *>(QStringLiteral("aboutText"));
    QVERIFY(label);
    QVERIFY(label->text().contains(QString::fromLatin1(qVersion())));
    QVERIFY(label->text().contains(QStringLiteral(KSYNTAXHIGHLIGHTING_VERSION_STRING)));
    dialog->reject();
}

void TestMainWindow::pageStackSwitchesPages()
{
    Flotilla::PageStack stack;
    auto *a = new QWidget;
    auto *b = new QWidget;
    QCOMPARE(stack.addPage({}, QStringLiteral("A"), a), 0);
    QCOMPARE(stack.addPage({}, QStringLiteral("B"), b), 1);
    QCOMPARE(stack.currentPage(), a);
    QSignalSpy changed(&stack, &Flotilla::PageStack::currentChanged);
    stack.setCurrentIndex(1);
    QCOMPARE(stack.currentPage(), b);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().first().toInt(), 1);
}

void TestMainWindow::germanTranslation()
{
    QVERIFY(Flotilla::installTranslations(QLocale(QLocale::German, QLocale::Germany)));
    Flotilla::MainWindow window;
    QCOMPARE(window.windowTitle(), QStringLiteral("Flotilla-Konsole"));
    QCOMPARE(window.findChild<QAction *>(QStringLiteral("actionQuit"))->text(), QStringLiteral("&Beenden"));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
