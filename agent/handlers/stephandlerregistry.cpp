#include "agent/handlers/stephandlerregistry.h"

#include "agent/handlers/filestephandler.h"
#include "agent/handlers/firmwarestephandler.h"
#include "agent/handlers/scriptstephandler.h"
#include "agent/handlers/swupdatestephandler.h"

namespace Flotilla::Agent {

StepHandlerRegistry::StepHandlerRegistry(const AgentConfig &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
{ }

StepHandlerRegistry::~StepHandlerRegistry() = default;

void StepHandlerRegistry::setHandlerForEveryPart(std::unique_ptr<StepHandler> handler)
{
    m_everyPart = std::move(handler);
}

StepHandler *StepHandlerRegistry::handlerFor(const QString &part)
{
    if (m_everyPart)
        return m_everyPart.get();
    const std::optional<HandlerSpec> spec = m_config.handlerFor(part);
    if (!spec)
        return nullptr;
    const QString key = QString::number(int(spec->kind)) + u':' + spec->argument;
    if (const auto it = m_handlers.find(key); it != m_handlers.end())
        return it->second.get();
    std::unique_ptr<StepHandler> handler;
    switch (spec->kind) {
    case HandlerSpec::Kind::File:
        handler = std::make_unique<FileStepHandler>(spec->argument);
        break;
    case HandlerSpec::Kind::Script:
        handler = std::make_unique<ScriptStepHandler>(spec->argument, m_config.scriptTimeoutSeconds);
        break;
    case HandlerSpec::Kind::Swupdate: {
        auto swupdate
            = std::make_unique<SwupdateStepHandler>(spec->argument, m_config.stateDir, m_config.scriptTimeoutSeconds);
        connect(swupdate.get(), &SwupdateStepHandler::installProgress, this, &StepHandlerRegistry::installProgress);
        handler = std::move(swupdate);
        break;
    }
    case HandlerSpec::Kind::Firmware:
        handler = std::make_unique<FirmwareStepHandler>(m_hub, m_config);
        break;
    }
    StepHandler *raw = handler.get();
    m_handlers.emplace(key, std::move(handler));
    return raw;
}

} // namespace Flotilla::Agent
