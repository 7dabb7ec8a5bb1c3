#include "app/common/systemdnotifier.h"

#ifdef FLOTILLA_HAVE_LIBSYSTEMD
#include <systemd/sd-daemon.h>
#endif

namespace Flotilla {

SystemdNotifier::SystemdNotifier(QObject *parent)
    : QObject(parent)
{
#ifdef FLOTILLA_HAVE_LIBSYSTEMD
    uint64_t usec = 0;
    if (sd_watchdog_enabled(0, &usec) > 0 && usec > 0) {
        connect(&m_watchdog, &QTimer::timeout, this, [] { sd_notify(0, "WATCHDOG=1"); });
        m_watchdog.start(std::chrono::milliseconds(usec / 2000));
    }
#endif
}

bool SystemdNotifier::isAvailable()
{
#ifdef FLOTILLA_HAVE_LIBSYSTEMD
    return true;
#else
    return false;
#endif
}

void SystemdNotifier::ready(const QString &text)
{
#ifdef FLOTILLA_HAVE_LIBSYSTEMD
    sd_notify(0, QByteArray("READY=1\nSTATUS=" + text.toUtf8()).constData());
#else
    Q_UNUSED(text);
#endif
}

void SystemdNotifier::status(const QString &text)
{
#ifdef FLOTILLA_HAVE_LIBSYSTEMD
    sd_notify(0, QByteArray("STATUS=" + text.toUtf8()).constData());
#else
    Q_UNUSED(text);
#endif
}

void SystemdNotifier::stopping()
{
#ifdef FLOTILLA_HAVE_LIBSYSTEMD
    sd_notify(0, "STOPPING=1");
#endif
}

} // namespace Flotilla
