#pragma once

// A handler that cannot work on this device yet (handlers/<part> = firmware before Update Managers over gRPC
// exist): every step fails at once with a message that says why, so an action never hangs on it.
#include "stephandler.h"

namespace Flotilla::Agent {

class UnavailableStepHandler : public StepHandler
{
    Q_OBJECT
public:
    UnavailableStepHandler(QString handlerName, QString reason, QObject *parent = nullptr)
        : StepHandler(parent)
        , m_name(std::move(handlerName))
        , m_reason(std::move(reason))
    { }
    QString name() const override { return m_name; }
    void isInstalled(const WorkItem &) override { finishLater({ StepResult::Code::NotInstalled, 0, {}, {}, {} }); }
    void download(const WorkItem &) override { finishLater(StepResult::failure(m_reason)); }
    void install(const WorkItem &) override { finishLater(StepResult::failure(m_reason)); }

private:
    QString m_name;
    QString m_reason;
};

} // namespace Flotilla::Agent
