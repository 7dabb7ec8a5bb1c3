#pragma once

#include <QAbstractItemModel>
#include <QHash>

namespace Flotilla {

// A model's roles by name ("startedMs" → its role number): the timeline's proxies find their source data by
// the role names the source declares, whatever numbers it uses.
inline QHash<QByteArray, int> rolesByName(const QAbstractItemModel *model)
{
    QHash<QByteArray, int> roles;
    if (model) {
        const QHash<int, QByteArray> names = model->roleNames();
        for (auto it = names.cbegin(); it != names.cend(); ++it)
            roles.insert(it.value(), it.key());
    }
    return roles;
}

} // namespace Flotilla
