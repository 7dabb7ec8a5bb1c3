// The kiosk's QML screens against a fake of the local API: LocalUpdateClient is fed the notifications the
// agent would send (apply()), and each state must bring up its screen with what a person needs to read and
// press; every screen is saved to the build's screenshot folder to be looked at.
#include "localupdate.qpb.h"
#include "qml/kiosk/localupdateclient.h"
#include "tests/common/screenshotdir.h"

#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>
#include <QTranslator>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(Flotilla_KioskPlugin)

using namespace Qt::StringLiterals;
namespace pb = flotilla::device::v1;
using Flotilla::Kiosk::LocalUpdateClient;

namespace {

// Every item under `root` in the visual tree (QML items are not always QObject children of their parent item).
void collect(QQuickItem *root, QList<QQuickItem *> *out)
{
    for (QQuickItem *child : root->childItems()) {
        out->append(child);
        collect(child, out);
    }
}

QList<QQuickItem *> allItems(QQuickWindow *window)
{
    QList<QQuickItem *> all;
    collect(window->contentItem(), &all);
    return all;
}

pb::DeviceNotification notification(pb::DeviceStateGadget::DeviceState state)
{
    pb::DeviceNotification n;
    n.setState(state);
    n.setDeviceName(u"press-line-4"_s);
    n.setInstalledVersion(u"rootfs 1.0"_s);
    n.setLastCheck(QDateTime::currentSecsSinceEpoch() - 60);
    n.setAgentOnline(true);
    n.setActionId(u"17"_s);
    n.setTitle(u"rootfs 2.0, mcu 3.1"_s);
    n.setPercent(-1);
    return n;
}

} // namespace

class TestKioskWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void loads_data();
    void loads();
    void screens_data();
    void screens();
    void touchTargetsAreLargeEnough();
    void bannerWhileTheAgentIsAway();
    void speaksGerman();

private:
    std::unique_ptr<QQmlApplicationEngine> load(bool windowed = true);
    // Visible text of every Text item under the window, joined.
    static QString visibleText(QQuickWindow *window);
    static QQuickItem *visibleItem(QQuickWindow *window, const QString &name);
};

std::unique_ptr<QQmlApplicationEngine> TestKioskWindow::load(bool windowed)
{
    auto engine = std::make_unique<QQmlApplicationEngine>();
    engine->setInitialProperties({ { u"windowed"_s, windowed } });
    engine->loadFromModule("Flotilla.Kiosk", "Main");
    return engine;
}

QString TestKioskWindow::visibleText(QQuickWindow *window)
{
    QStringList all;
    for (QQuickItem *item : allItems(window)) {
        bool shown = true;
        for (QQuickItem *p = item; p; p = p->parentItem())
            shown = shown && p->isVisible();
        if (shown && item->inherits("QQuickText"))
            all << item->property("text").toString();
    }
    return all.join(u" | "_s);
}

QQuickItem *TestKioskWindow::visibleItem(QQuickWindow *window, const QString &name)
{
    for (QQuickItem *item : allItems(window)) {
        if (item->objectName() != name)
            continue;
        bool shown = true;
        for (QQuickItem *p = item; p; p = p->parentItem())
            shown = shown && p->isVisible();
        if (shown)
            return item;
    }
    return nullptr;
}

void TestKioskWindow::loads_data()
{
    QTest::addColumn<bool>("windowed");
    QTest::addColumn<QWindow::Visibility>("visibility");
    QTest::newRow("full screen by default") << false << QWindow::FullScreen;
    QTest::newRow("windowed on request") << true << QWindow::Windowed;
}

void TestKioskWindow::loads()
{
    QFETCH(bool, windowed);
    QFETCH(QWindow::Visibility, visibility);
    auto engine = load(windowed);
    QCOMPARE(engine->rootObjects().size(), 1);
    auto *window = qobject_cast<QQuickWindow *>(engine->rootObjects().first());
    QVERIFY(window);
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QCOMPARE(window->visibility(), visibility);
    QVERIFY(visibleItem(window, u"statusText"_s));
}

void TestKioskWindow::screens_data()
{
    using S = pb::DeviceStateGadget::DeviceState;
    QTest::addColumn<int>("state");
    QTest::addColumn<QStringList>("shows");
    QTest::addColumn<QStringList>("buttons");
    QTest::newRow("idle") << int(S::IDLE) << QStringList { u"press-line-4"_s, u"Installed: rootfs 1.0"_s }
                          << QStringList();
    QTest::newRow("consent") << int(S::WAITING_FOR_CONSENT)
                             << QStringList { u"An update is ready"_s, u"rootfs 2.0, mcu 3.1"_s, u"120 MB"_s,
                                              u"restarts"_s, u"Fixes the pressure sensor drift"_s }
                             << QStringList { u"installNowButton"_s, u"laterButton"_s, u"declineButton"_s };
    QTest::newRow("downloading") << int(S::DOWNLOADING)
                                 << QStringList { u"Downloading the update"_s, u"30.0 MB of 120 MB"_s }
                                 << QStringList();
    QTest::newRow("window") << int(S::WAITING_FOR_WINDOW)
                            << QStringList { u"waiting for the maintenance window"_s, u"Opens in"_s }
                            << QStringList { u"installNowButton"_s };
    QTest::newRow("installing") << int(S::INSTALLING) << QStringList { u"Installing the update"_s, u"42 %"_s }
                                << QStringList();
    QTest::newRow("rebooting") << int(S::REBOOTING) << QStringList { u"Restarting"_s } << QStringList();
    QTest::newRow("succeeded") << int(S::SUCCEEDED) << QStringList { u"The update was installed"_s } << QStringList();
    QTest::newRow("failed") << int(S::FAILED)
                            << QStringList { u"The update failed"_s, u"node-b reported FAILED: flash write error"_s }
                            << QStringList();
}

void TestKioskWindow::screens()
{
    QFETCH(int, state);
    QFETCH(QStringList, shows);
    QFETCH(QStringList, buttons);
    auto engine = load();
    auto *window = qobject_cast<QQuickWindow *>(engine->rootObjects().first());
    QVERIFY(QTest::qWaitForWindowExposed(window));
    auto *client = window->findChild<LocalUpdateClient *>(u"client"_s);
    QVERIFY(client);
    pb::DeviceNotification n = notification(pb::DeviceStateGadget::DeviceState(state));
    n.setBytesDone(30'000'000);
    n.setBytesTotal(120'000'000);
    n.setPercent(state == int(pb::DeviceStateGadget::DeviceState::INSTALLING) ? 42 : -1);
    n.setStep(u"Install"_s);
    n.setWindowStart(QDateTime::currentSecsSinceEpoch() + 2 * 3600 + 300);
    n.setWindowEnd(QDateTime::currentSecsSinceEpoch() + 4 * 3600);
    n.setInstallNowAllowed(true);
    n.setMessage(u"Install of os \"rootfs\" 2.0 failed: node-b reported FAILED: flash write error (aos_code 1, "
                 "exit_code 3) (every Update Manager reverted)"_s);
    if (state == int(pb::DeviceStateGadget::DeviceState::WAITING_FOR_CONSENT)) {
        pb::PendingConsent c;
        c.setActionId(u"17"_s);
        c.setTitle(u"rootfs 2.0, mcu 3.1"_s);
        c.setDownloadSize(120'000'000);
        c.setRebootRequired(true);
        c.setReleaseNotes(u"Fixes the pressure sensor drift after a cold start.\nFaster start-up."_s);
        n.setConsents({ c });
    }
    client->apply(n);
    QCOMPARE(int(client->state()), state);
    QTRY_VERIFY_WITH_TIMEOUT(!visibleText(window).isEmpty(), 2000);
    QTest::qWait(100);
    const QString text = visibleText(window);
    for (const QString &s : std::as_const(shows))
        QVERIFY2(text.contains(s), qPrintable(u"\"%1\" not in: %2"_s.arg(s, text)));
    for (const QString &b : std::as_const(buttons))
        QVERIFY2(visibleItem(window, b), qPrintable(b));
    QVERIFY(!visibleItem(window, u"agentAwayBanner"_s) || !client->isConnected());
    const QString file
        = FlotillaTest::screenshotDir() + u"/kiosk-"_s + QString::fromLatin1(QTest::currentDataTag()) + u".png"_s;
    QVERIFY(window->grabWindow().save(file));
}

void TestKioskWindow::touchTargetsAreLargeEnough()
{
    auto engine = load();
    auto *window = qobject_cast<QQuickWindow *>(engine->rootObjects().first());
    QVERIFY(QTest::qWaitForWindowExposed(window));
    auto *client = window->findChild<LocalUpdateClient *>(u"client"_s);
    pb::DeviceNotification n = notification(pb::DeviceStateGadget::DeviceState::WAITING_FOR_CONSENT);
    pb::PendingConsent c;
    c.setActionId(u"17"_s);
    c.setTitle(u"rootfs 2.0"_s);
    n.setConsents({ c });
    client->apply(n);
    QTRY_VERIFY(visibleItem(window, u"installNowButton"_s));
    const qreal pxPerMm = std::max(window->screen()->physicalDotsPerInch() / 25.4, 3.78);
    for (const QString &name : { u"installNowButton"_s, u"laterButton"_s, u"declineButton"_s }) {
        QQuickItem *b = visibleItem(window, name);
        QVERIFY(b);
        QVERIFY2(b->height() >= 9 * pxPerMm && b->width() >= 9 * pxPerMm,
                 qPrintable(u"%1: %2 x %3 px"_s.arg(name).arg(b->width()).arg(b->height())));
    }
    // Decline asks once more before it is sent.
    QQuickItem *decline = visibleItem(window, u"declineButton"_s);
    QTest::mouseClick(window, Qt::LeftButton, {}, decline->mapToScene(QPointF(decline->width() / 2, 10)).toPoint());
    QTRY_VERIFY(visibleItem(window, u"confirmDeclineButton"_s));
    QVERIFY(!visibleItem(window, u"installNowButton"_s));
    QVERIFY(visibleText(window).contains(u"Decline this update?"_s));
    QVERIFY(window->grabWindow().save(FlotillaTest::screenshotDir() + u"/kiosk-decline-asks-again.png"_s));
}

void TestKioskWindow::bannerWhileTheAgentIsAway()
{
    auto engine = std::make_unique<QQmlApplicationEngine>();
    // Nothing listens there: the kiosk says it is connecting, and keeps trying.
    engine->setInitialProperties({ { u"windowed"_s, true }, { u"agentAddress"_s, u"127.0.0.1:9"_s } });
    engine->loadFromModule("Flotilla.Kiosk", "Main");
    auto *window = qobject_cast<QQuickWindow *>(engine->rootObjects().first());
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QTRY_VERIFY(visibleItem(window, u"agentAwayBanner"_s));
    QVERIFY(visibleText(window).contains(u"Connecting to the update service"_s));
    QVERIFY(window->grabWindow().save(FlotillaTest::screenshotDir() + u"/kiosk-agent-away.png"_s));
}

void TestKioskWindow::speaksGerman()
{
    Q_INIT_RESOURCE(kiosk_translations);
    QTranslator german;
    QVERIFY(german.load(QLocale(QLocale::German, QLocale::Germany), u"flotilla-kiosk"_s, u"_"_s, u":/i18n"_s));
    QCoreApplication::installTranslator(&german);
    auto engine = load();
    auto *window = qobject_cast<QQuickWindow *>(engine->rootObjects().first());
    QVERIFY(QTest::qWaitForWindowExposed(window));
    auto *client = window->findChild<LocalUpdateClient *>(u"client"_s);
    pb::DeviceNotification n = notification(pb::DeviceStateGadget::DeviceState::WAITING_FOR_CONSENT);
    pb::PendingConsent c;
    c.setActionId(u"17"_s);
    c.setTitle(u"rootfs 2.0"_s);
    c.setDownloadSize(4'500'000);
    n.setConsents({ c });
    client->apply(n);
    QTRY_VERIFY(visibleText(window).contains(u"Ein Update ist bereit"_s));
    QVERIFY(visibleText(window).contains(u"Jetzt installieren"_s));
    QVERIFY(window->grabWindow().save(FlotillaTest::screenshotDir() + u"/kiosk-consent-de.png"_s));
    QCoreApplication::removeTranslator(&german);
}

QTEST_MAIN(TestKioskWindow)
#include "tst_kioskwindow.moc"
