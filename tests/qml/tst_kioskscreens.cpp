// Qt Quick Test of the kiosk's QML components (tests/qml/kiosk/tst_*.qml) against a C++ fake of the local API:
// a LocalUpdateClient that is never connected, fed the notifications the agent would send by `fake`.
#include "localupdate.qpb.h"
#include "qml/kiosk/localupdateclient.h"

#include <QQmlContext>
#include <QQmlEngine>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(Flotilla_KioskPlugin)

using namespace Qt::StringLiterals;
namespace pb = flotilla::device::v1;

class KioskFake : public QObject
{
    Q_OBJECT
public:
    // Sends `client` what the agent says in `state` (the proto enum's name), with a consent question when asked.
    Q_INVOKABLE void feed(QObject *client, const QString &state, bool withConsent = false)
    {
        auto *c = qobject_cast<Flotilla::Kiosk::LocalUpdateClient *>(client);
        if (!c)
            return;
        pb::DeviceNotification n;
        bool ok = false;
        const int value
            = QMetaEnum::fromType<pb::DeviceStateGadget::DeviceState>().keyToValue(state.toLatin1().constData(), &ok);
        n.setState(pb::DeviceStateGadget::DeviceState(ok ? value : 0));
        n.setDeviceName(u"press-line-4"_s);
        n.setInstalledVersion(u"rootfs 1.0"_s);
        n.setActionId(u"17"_s);
        n.setTitle(u"rootfs 2.0"_s);
        n.setBytesDone(25'000'000);
        n.setBytesTotal(100'000'000);
        n.setPercent(-1);
        n.setMessage(u"verification failed: rootfs 2.0 is not installed after the update"_s);
        if (withConsent) {
            pb::PendingConsent q;
            q.setActionId(u"17"_s);
            q.setTitle(u"rootfs 2.0"_s);
            q.setDownloadSize(100'000'000);
            q.setRebootRequired(true);
            q.setReleaseNotes(u"Fixes the sensor drift."_s);
            n.setConsents({ q });
        }
        c->apply(n);
    }
};

class Setup : public QObject
{
    Q_OBJECT
public Q_SLOTS:
    void qmlEngineAvailable(QQmlEngine *engine) { engine->rootContext()->setContextProperty(u"fake"_s, &m_fake); }

private:
    KioskFake m_fake;
};

QUICK_TEST_MAIN_WITH_SETUP(kioskscreens, Setup)
#include "tst_kioskscreens.moc"
