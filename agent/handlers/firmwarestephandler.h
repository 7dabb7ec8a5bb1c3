#pragma once

// handlers/<part> = firmware: the chunks are firmware components that the device's Update Managers install
// (AosCore's Update Manager protocol). Each chunk is one component: module name = component_id, version = version,
// module type key (the part) = component_type, its single artifact = the image. The chunks go to the UMs together (one
// FirmwareUpdate per action), so the work happens on the action's first firmware chunk and the others follow:
//   Download  route the components to the UMs that report them (Pending); an unknown one fails here
//   Install   PrepareUpdate to all, StartUpdate in priority order (Installing, Launching, WaitingActive)
//   Apply     ApplyUpdate to all (Finalizing)
//   Restore   RevertUpdate to every UM that prepared or updated
//   IsInstalled  every component is reported INSTALLED at the chunk's version
// Images are handed over as file:// URLs of the agent's verified download, with the sha256 and size of exactly
// those bytes.
#include "agent/agentconfig.h"
#include "agent/handlers/stephandler.h"

#include <QPointer>

#include <memory>

namespace Flotilla::Agent {

class FirmwareUpdate;
class UpdateManagerHub;

class FirmwareStepHandler : public StepHandler
{
    Q_OBJECT
public:
    // hub: nullptr when the agent runs no UMService (updateManagers/listen unset); every chunk then fails.
    FirmwareStepHandler(UpdateManagerHub *hub, const AgentConfig &config, QObject *parent = nullptr);
    ~FirmwareStepHandler() override;

    QString name() const override { return QStringLiteral("firmware"); }
    void jobStarted(const QString &actionId, const QList<WorkItem> &items) override;
    bool resumesAfterInterruption() const override { return true; }
    void isInstalled(const WorkItem &item) override;
    void download(const WorkItem &item) override;
    void install(const WorkItem &item) override;
    void apply(const WorkItem &item) override;
    void restore(const WorkItem &item) override;
    bool cancel() override;

private:
    enum class Run : quint8 { Route, Install, Apply, Revert };
    // Runs on the first firmware chunk; the others succeed with what it did.
    void runOnFirst(const WorkItem &item, Run run);
    FirmwareUpdate *update(QString *error);

    QPointer<UpdateManagerHub> m_hub;
    const AgentConfig &m_config;
    QString m_actionId;
    QList<WorkItem> m_items;
    std::unique_ptr<FirmwareUpdate> m_update;
    QMetaObject::Connection m_finishedConnection;
    QStringList m_progress; // the coordinator's lines, for the feedback details
};

} // namespace Flotilla::Agent
