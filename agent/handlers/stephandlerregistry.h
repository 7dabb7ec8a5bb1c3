#pragma once

// The step handlers the configuration names (handlers/<part>, handlers/default), made on first use and shared
// by every chunk whose part maps to the same handler.
#include "agentconfig.h"
#include "stephandler.h"

#include <map>
#include <memory>

namespace Flotilla::Agent {

class StepHandlerRegistry : public QObject
{
    Q_OBJECT
public:
    explicit StepHandlerRegistry(const AgentConfig &config, QObject *parent = nullptr);
    ~StepHandlerRegistry() override;

    // The handler for a chunk's part; nullptr when the configuration names none.
    StepHandler *handlerFor(const QString &part);

Q_SIGNALS:
    // A handler's install progress (SWUpdate's percentages).
    void installProgress(int percent);

private:
    const AgentConfig &m_config;
    std::map<QString, std::unique_ptr<StepHandler>> m_handlers; // by handler spec
};

} // namespace Flotilla::Agent
