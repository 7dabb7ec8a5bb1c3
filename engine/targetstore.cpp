#include "engine/targetstore.h"

namespace Flotilla {

Result<QHash<qint64, Target>> TargetStore::targetsById(const QList<qint64> &ids)
{
    QHash<qint64, Target> found;
    for (qint64 id : ids) {
        const Lookup<Target> t = target(id);
        if (t.failed())
            return t.error();
        if (t.found())
            found.insert(id, *t);
    }
    return found;
}

Result<void> TargetStore::updateTargets(const QList<Target> &targets)
{
    for (const Target &t : targets) {
        if (Result<void> updated = updateTarget(t); !updated)
            return updated;
    }
    return {};
}

} // namespace Flotilla
