// The kiosk's QML module loads and shows a full-screen window (or a normal one when asked).
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(Flotilla_KioskPlugin)

class TestKioskWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void loads_data();
    void loads();
};

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
    QQmlApplicationEngine engine;
    engine.setInitialProperties({ { QStringLiteral("windowed"), windowed } });
    engine.loadFromModule("Flotilla.Kiosk", "Main");
    QCOMPARE(engine.rootObjects().size(), 1);
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().first());
    QVERIFY(window);
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QCOMPARE(window->visibility(), visibility);
    QObject *status = window->findChild<QObject *>(QStringLiteral("statusText"));
    QVERIFY(status);
    QVERIFY(!status->property("text").toString().isEmpty());
}

QTEST_MAIN(TestKioskWindow)
#include "tst_kioskwindow.moc"
