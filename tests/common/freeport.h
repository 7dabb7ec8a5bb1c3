#pragma once

// A loopback port nobody listens on right now, for a process the test starts and restarts on a fixed address.
#include <QHostAddress>
#include <QTcpServer>

namespace FlotillaTest {

inline quint16 freeLoopbackPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

} // namespace FlotillaTest
