#include "agent/handlers/stephandler.h"

#include <QTimer>

#include <array>

using namespace Qt::StringLiterals;

namespace Flotilla::Agent {

QString nameOf(Step step)
{
    static constexpr std::array names
        = { "IsInstalled"_L1, "Download"_L1, "Backup"_L1, "Install"_L1, "Apply"_L1, "Restore"_L1 };
    return names.at(std::size_t(step));
}

void StepHandler::download(const WorkItem &)
{
    finishLater(StepResult::success());
}

void StepHandler::backup(const WorkItem &)
{
    finishLater(StepResult::success());
}

void StepHandler::apply(const WorkItem &)
{
    finishLater(StepResult::success());
}

void StepHandler::restore(const WorkItem &)
{
    finishLater(StepResult::success(u"the %1 handler has nothing to restore"_s.arg(name())));
}

bool StepHandler::cancel()
{
    return false;
}

void StepHandler::jobStarted(const QString &, const QList<WorkItem> &) { }

void StepHandler::run(Step step, const WorkItem &item)
{
    switch (step) {
    case Step::IsInstalled:
        return isInstalled(item);
    case Step::Download:
        return download(item);
    case Step::Backup:
        return backup(item);
    case Step::Install:
        return install(item);
    case Step::Apply:
        return apply(item);
    case Step::Restore:
        return restore(item);
    }
}

void StepHandler::finishLater(const StepResult &result)
{
    QTimer::singleShot(0, this, [this, result] { Q_EMIT finished(result); });
}

} // namespace Flotilla::Agent
