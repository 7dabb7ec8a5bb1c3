#include "app/common/unixsignalwatcher.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSocketNotifier>

#include <cerrno>
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace {
Q_LOGGING_CATEGORY(lcSignals, "flotilla.app", QtInfoMsg)
}

namespace Flotilla {

namespace {
int s_fds[2] = { -1, -1 };
}

UnixSignalWatcher::UnixSignalWatcher(std::initializer_list<int> signalNumbers, QObject *parent)
    : QObject(parent)
    , m_signals(signalNumbers)
{
    Q_ASSERT_X(s_fds[0] < 0, "UnixSignalWatcher", "only one watcher per process");
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, s_fds) != 0) {
        qCCritical(lcSignals) << "cannot create the signal socket pair:" << strerror(errno);
        return;
    }
    m_notifier = new QSocketNotifier(s_fds[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &UnixSignalWatcher::readSignal);
    for (int sig : m_signals) {
        struct sigaction sa = {};
        sa.sa_handler = &UnixSignalWatcher::handler;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_RESTART;
        ::sigaction(sig, &sa, nullptr);
    }
}

UnixSignalWatcher::~UnixSignalWatcher()
{
    for (int sig : m_signals)
        ::signal(sig, SIG_DFL);
    for (int &fd : s_fds) {
        if (fd >= 0)
            ::close(fd);
        fd = -1;
    }
}

void UnixSignalWatcher::handler(int signalNumber)
{
    const char byte = static_cast<char>(signalNumber);
    const int saved = errno;
    [[maybe_unused]] const ssize_t n = ::write(s_fds[0], &byte, 1);
    errno = saved;
}

void UnixSignalWatcher::readSignal()
{
    char byte = 0;
    if (::read(s_fds[1], &byte, 1) == 1)
        Q_EMIT unixSignal(static_cast<unsigned char>(byte));
}

void quitOnTerminationSignals(QObject *app)
{
    auto *watcher = new UnixSignalWatcher({ SIGTERM, SIGINT }, app);
    QObject::connect(watcher, &UnixSignalWatcher::unixSignal, app, [](int sig) {
        qCInfo(lcSignals, "received %s, shutting down", sig == SIGTERM ? "SIGTERM" : "SIGINT");
        QCoreApplication::exit(0);
    });
}

} // namespace Flotilla
