#pragma once

// The step handlers the configuration names (handlers/<part>, handlers/default), made on first use and shared
// by every chunk whose part maps to the same handler.
#include "agent/agentconfig.h"
#include "agent/handlers/stephandler.h"

#include <map>
#include <memory>

namespace Flotilla::Agent {

class UpdateManagerHub;

class StepHandlerRegistry : public QObject
{
    Q_OBJECT
public:
    explicit StepHandlerRegistry(const AgentConfig &config, QObject *parent = nullptr);
    ~StepHandlerRegistry() override;

    // The UMService hub the firmware handler works through (nullptr: none; firmware chunks then fail).
    void setUpdateManagerHub(UpdateManagerHub *hub) { m_hub = hub; }
    // One handler for every part, whatever the configuration says (a simulated device's).
    void setHandlerForEveryPart(std::unique_ptr<StepHandler> handler);
    // The handler for a chunk's part; nullptr when the configuration names none.
    StepHandler *handlerFor(const QString &part);

Q_SIGNALS:
    // A handler's install progress (SWUpdate's percentages).
    void installProgress(int percent);

private:
    const AgentConfig &m_config;
    UpdateManagerHub *m_hub = nullptr;
    std::map<QString, std::unique_ptr<StepHandler>> m_handlers; // by handler spec
    std::unique_ptr<StepHandler> m_everyPart;
};

} // namespace Flotilla::Agent
