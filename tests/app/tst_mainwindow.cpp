// The console's main window opens with its page stack, menus and status bar; the About dialog names the
// versions of Qt and KSyntaxHighlighting in use.
#include "app/console/aboutdialog.h"
#include "app/console/connectdevicedialog.h"
#include "app/console/connectdialog.h"
#include "app/console/maintenance/maintenancewindowdialog.h"
#include "app/console/mainwindow.h"
#include "app/console/pages/decisiondialog.h"
#include "app/console/pages/deploydialog.h"
#include "app/console/pages/modulesetdialog.h"
#include "app/console/pages/rolloutdialog.h"
#include "app/console/pages/userdialog.h"
#include "app/console/pagestack.h"
#include "app/console/translations.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPalette>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTest>
#include <QTextEdit>

#include <ksyntaxhighlighting_version.h>

using namespace Qt::StringLiterals;

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
    void everyPageHasItsOwnIcon();
    void pageIconsFollowThePalette();
    void everyControlHasAnAccessibleName();
    void pagesReachableFromTheKeyboard();
};

void TestMainWindow::opensWithPageStack()
{
    Flotilla::MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.pages());
    QVERIFY(window.centralWidget()->isAncestorOf(window.pages()));
    // The pages an operator finds, in the order of the navigation, each with its own widget.
    const QStringList expected = { QStringLiteral("Welcome"),   QStringLiteral("Overview"), QStringLiteral("Targets"),
                                   QStringLiteral("Software"),  QStringLiteral("Rollouts"), QStringLiteral("Consent"),
                                   QStringLiteral("Manifests"), QStringLiteral("Settings") };
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

namespace {
QImage imageOf(const QIcon &icon, QIcon::Mode mode = QIcon::Normal)
{
    return icon.pixmap(QSize(32, 32), 1.0, mode).toImage().convertToFormat(QImage::Format_ARGB32);
}

// The colour of the most opaque pixel: what the icon is drawn in.
QColor inkOf(const QImage &image)
{
    QColor ink;
    int alpha = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (c.alpha() > alpha) {
                alpha = c.alpha();
                ink = c;
            }
        }
    }
    return ink;
}
} // namespace

// Bundled icons, not the theme's (Xvfb and many desktops have none, and every page fell back to the application
// icon): each page's icon is drawn, differs from every other page's and from the application icon.
void TestMainWindow::everyPageHasItsOwnIcon()
{
    Flotilla::MainWindow window;
    Flotilla::PageStack *pages = window.pages();
    QCOMPARE(pages->count(), 8);
    const QImage app = imageOf(window.windowIcon());
    QList<QImage> seen;
    for (int i = 0; i < pages->count(); ++i) {
        const QImage image = imageOf(pages->icon(i));
        QVERIFY2(!image.isNull(), qPrintable(pages->title(i)));
        QVERIFY2(inkOf(image).alpha() == 255, qPrintable(pages->title(i) + u" is not drawn"_s));
        QVERIFY2(image != app, qPrintable(pages->title(i) + u" shows the application icon"_s));
        for (int j = 0; j < seen.size(); ++j)
            QVERIFY2(image != seen.at(j), qPrintable(pages->title(i) + u" looks like "_s + pages->title(j)));
        seen << image;
    }
}

// Drawn in the palette's text colour: dark ink on a light palette, light ink on a dark one, and the highlighted
// text colour on the selected item.
void TestMainWindow::pageIconsFollowThePalette()
{
    Flotilla::MainWindow window;
    Flotilla::PageStack *pages = window.pages();
    QPalette light = window.palette();
    light.setColor(QPalette::WindowText, QColor(0x20, 0x20, 0x20));
    light.setColor(QPalette::HighlightedText, QColor(0xff, 0xff, 0xff));
    window.setPalette(light);
    QCOMPARE(inkOf(imageOf(pages->icon(1))).rgb(), QColor(0x20, 0x20, 0x20).rgb());
    QCOMPARE(inkOf(imageOf(pages->icon(1), QIcon::Selected)).rgb(), QColor(0xff, 0xff, 0xff).rgb());
    QPalette dark = light;
    dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    window.setPalette(dark);
    QCOMPARE(inkOf(imageOf(pages->icon(1))).rgb(), QColor(0xee, 0xee, 0xee).rgb());
}

// What a screen reader announces: every control an operator can focus, on every page, has a name (its text, a
// label's buddy, a tooltip or an accessible name set for it).
namespace {
// The focusable controls under root that a screen reader would announce without a name.
QStringList unnamedControls(QWidget *root, const QString &where, int *checked)
{
    QStringList unnamed;
    for (QWidget *w : root->findChildren<QWidget *>()) {
        const bool control = qobject_cast<QAbstractButton *>(w) || qobject_cast<QLineEdit *>(w)
            || qobject_cast<QComboBox *>(w) || qobject_cast<QAbstractItemView *>(w)
            || qobject_cast<QAbstractSpinBox *>(w) || qobject_cast<QAbstractSlider *>(w)
            || qobject_cast<QPlainTextEdit *>(w) || qobject_cast<QTextEdit *>(w);
        if (!control || !w->isVisibleTo(root) || w->focusPolicy() == Qt::NoFocus)
            continue;
        if (qobject_cast<QLineEdit *>(w)
            && (qobject_cast<QComboBox *>(w->parentWidget()) || qobject_cast<QAbstractSpinBox *>(w->parentWidget())))
            continue; // an editable combo box's or a spin box's own line edit: the box is the control
        ++*checked;
        QAccessibleInterface *a = QAccessible::queryAccessibleInterface(w);
        const QString name = a ? a->text(QAccessible::Name) : QString();
        if (name.trimmed().isEmpty())
            unnamed << where + u": "_s + QString::fromLatin1(w->metaObject()->className()) + u" "_s + w->objectName();
    }
    return unnamed;
}
} // namespace

// What a screen reader announces: every control an operator can focus, on every page and in every dialog (Connect
// to Server, Connect a Device, and those the pages open: deploy, rollout, module, set, operator, maintenance window,
// decision, about), has a name (its text, a label's buddy,
// a tooltip or an accessible name set for it).
void TestMainWindow::everyControlHasAnAccessibleName()
{
    Flotilla::MainWindow window;
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    Flotilla::PageStack *pages = window.pages();
    QStringList unnamed;
    int checked = 0;
    for (int i = 0; i < pages->count(); ++i) {
        pages->setCurrentIndex(i);
        QCoreApplication::processEvents();
        unnamed << unnamedControls(pages->page(i), pages->title(i), &checked);
    }
    // The walk saw the pages' controls (about 50 today), not an empty window.
    QVERIFY2(checked >= 40, qPrintable(QString::number(checked)));
    Flotilla::ConnectDeviceDialog *device = window.showConnectDeviceDialog();
    unnamed << unnamedControls(device, u"Connect a Device"_s, &checked);
    Flotilla::ConnectDialog server;
    server.show();
    unnamed << unnamedControls(&server, u"Connect to Server"_s, &checked);
    QVERIFY2(checked >= 55, qPrintable(QString::number(checked)));
    // Every other dialog the pages open, as it first appears.
    Flotilla::Mgmt::MgmtTarget a;
    a.controllerId = u"a"_s;
    Flotilla::Mgmt::MgmtTarget b;
    b.controllerId = u"b"_s;
    const QList<Flotilla::Mgmt::MgmtTarget> twoTargets = { a, b };
    Flotilla::Mgmt::MgmtSoftwareModule rootfs;
    rootfs.name = u"a"_s;
    Flotilla::Mgmt::MgmtSoftwareModule app;
    app.name = u"b"_s;
    const QList<Flotilla::Mgmt::MgmtSoftwareModule> twoModules = { rootfs, app };
    std::vector<std::pair<std::unique_ptr<QDialog>, QString>> dialogs;
    dialogs.emplace_back(
        std::make_unique<Flotilla::DeployDialog>(window.connection(), *window.distributionSets(), twoTargets, true),
        u"Deploy"_s);
    dialogs.emplace_back(std::make_unique<Flotilla::RolloutDialog>(window.connection(), *window.distributionSets()),
                         u"New Rollout"_s);
    dialogs.emplace_back(std::make_unique<Flotilla::ModuleDialog>(), u"New Software Module"_s);
    dialogs.emplace_back(std::make_unique<Flotilla::SetDialog>(twoModules), u"New Distribution Set"_s);
    dialogs.emplace_back(std::make_unique<Flotilla::UserDialog>(), u"New Operator"_s);
    dialogs.emplace_back(std::make_unique<Flotilla::MaintenanceWindowDialog>(), u"Maintenance Window"_s);
    dialogs.emplace_back(std::make_unique<Flotilla::DecisionDialog>(u"Confirm"_s, u"Why"_s, u"Confirm"_s, true),
                         u"Decision"_s);
    dialogs.emplace_back(std::make_unique<Flotilla::AboutDialog>(), u"About"_s);
    const int before = checked;
    for (auto &[dialog, title] : dialogs) {
        dialog->show();
        QCoreApplication::processEvents();
        unnamed << unnamedControls(dialog.get(), title, &checked);
    }
    QVERIFY2(checked - before >= 40, qPrintable(QString::number(checked - before)));
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u'\n')));
}

// Ctrl+1 ... Ctrl+8 open the pages in the navigation's order; the navigation list itself takes the focus and the
// arrow keys.
void TestMainWindow::pagesReachableFromTheKeyboard()
{
    Flotilla::MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    Flotilla::PageStack *pages = window.pages();
    for (int i = pages->count() - 1; i >= 0; --i) {
        QTest::keyClick(&window, Qt::Key(Qt::Key_1 + i), Qt::ControlModifier);
        QCOMPARE(pages->currentIndex(), i);
    }
    auto *navigation = pages->findChild<QAbstractItemView *>();
    QVERIFY(navigation);
    QVERIFY(navigation->focusPolicy() & Qt::TabFocus);
    navigation->setFocus();
    QTest::keyClick(navigation, Qt::Key_Down);
    QCOMPARE(pages->currentIndex(), 1);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
