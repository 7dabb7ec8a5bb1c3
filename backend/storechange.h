#pragma once

#include <QtGlobal>

namespace Flotilla {

// A committed change, for the event stream: what changed and its id (and the id it belongs to).
struct StoreChange
{
    enum class Kind : quint8 {
        TargetCreated,
        TargetUpdated,
        TargetDeleted,
        ActionCreated,
        ActionChanged, // state or a new status history entry
        RolloutCreated,
        RolloutChanged,
        RolloutGroupChanged,
        ArtifactCreated,
        RepositoryChanged, // a module, set or type was created or changed
    };
    Kind kind;
    qint64 id = 0;
    friend bool operator==(const StoreChange &, const StoreChange &) = default;
};

} // namespace Flotilla
