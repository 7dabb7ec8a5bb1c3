#pragma once

// handlers/<part> = swupdate[:SOCKET]. Hands each .swu of the chunk to the device's SWUpdate daemon with
// swupdate-client (through SOCKET, its IPC socket, when given; else SWUpdate's default), which streams it to
// the installer and waits for the result. SWUpdate verifies the image's signature and writes the inactive
// slot; the reboot into it is the device's post-update business (SWUpdate's -p), so Install succeeds when
// SWUpdate says SUCCESS. isInstalled: the chunk's images are the last ones SWUpdate installed here (a record
// in the state directory, written after SWUpdate's success).
#include "agent/handlers/stephandler.h"

#include <QPointer>
#include <QProcess>

namespace Flotilla::Agent {

class SwupdateStepHandler : public StepHandler
{
    Q_OBJECT
public:
    SwupdateStepHandler(QString socket, QString stateDir, int timeoutSeconds, QObject *parent = nullptr);
    ~SwupdateStepHandler() override;

    QString name() const override { return QStringLiteral("swupdate"); }
    void isInstalled(const WorkItem &item) override;
    void install(const WorkItem &item) override;

Q_SIGNALS:
    void installProgress(int percent);

private:
    void installNext();
    QString recordPath() const;
    static QString fingerprint(const WorkItem &item);

    QString m_socket;
    QString m_stateDir;
    int m_timeoutSeconds;
    WorkItem m_item;
    int m_next = 0;
    QPointer<QProcess> m_process;
    QByteArray m_output;
};

} // namespace Flotilla::Agent
