#include "agent/um/updatemanagertypes.h"

using namespace Qt::StringLiterals;

namespace Flotilla::Agent {

QString nameOf(UmState state)
{
    switch (state) {
    case UmState::Idle:
        return u"IDLE"_s;
    case UmState::Prepared:
        return u"PREPARED"_s;
    case UmState::Updated:
        return u"UPDATED"_s;
    case UmState::Failed:
        return u"FAILED"_s;
    }
    return u"UNKNOWN"_s;
}

QString nameOf(UmCommand::Kind kind)
{
    switch (kind) {
    case UmCommand::Kind::PrepareUpdate:
        return u"PrepareUpdate"_s;
    case UmCommand::Kind::StartUpdate:
        return u"StartUpdate"_s;
    case UmCommand::Kind::ApplyUpdate:
        return u"ApplyUpdate"_s;
    case UmCommand::Kind::RevertUpdate:
        return u"RevertUpdate"_s;
    }
    return {};
}

QString UmError::toString() const
{
    QString text = message.isEmpty() ? u"no message"_s : message;
    if (aosCode != 0 || exitCode != 0)
        text += u" (aos_code %1, exit_code %2)"_s.arg(aosCode).arg(exitCode);
    return text;
}

QString UmStatus::installedVersion(const QString &componentId) const
{
    for (const UmComponentStatus &c : components) {
        if (c.componentId == componentId && c.state == UmComponentState::Installed)
            return c.version;
    }
    return {};
}

bool UmStatus::reports(const QString &componentId) const
{
    return std::any_of(components.cbegin(), components.cend(),
                       [&](const UmComponentStatus &c) { return c.componentId == componentId; });
}

} // namespace Flotilla::Agent
