#pragma once

// Shared by Flotilla's tests: engine names in QTest failure messages, and UTC times written as ISO strings.
#include "engine/actionstatemachine.h"
#include "engine/presentation.h"
#include "engine/rolloutstatemachine.h"
#include "engine/targetstatemachine.h"

#include <QTimeZone>
#include <QtTest/qtestcase.h>

namespace Flotilla {
inline char *toString(ActionState v)
{
    return qstrdup(qPrintable(nameOf(v)));
}
inline char *toString(HistoryStatus v)
{
    return qstrdup(qPrintable(nameOf(v)));
}
inline char *toString(TargetState v)
{
    return qstrdup(qPrintable(nameOf(v)));
}
inline char *toString(HandlingType v)
{
    return qstrdup(qPrintable(nameOf(v)));
}
inline char *toString(RolloutState v)
{
    return qstrdup(qPrintable(nameOf(v)));
}
inline char *toString(RolloutGroupState v)
{
    return qstrdup(qPrintable(nameOf(v)));
}
} // namespace Flotilla

namespace FlotillaTest {
// Whether a state machine test's table of allowed transitions lists (from, event); the rest are forbidden rows.
template<typename Rows, typename State, typename Event> bool listed(const Rows &rows, State from, Event event)
{
    for (const auto &r : rows) {
        if (r.from == from && r.event == event)
            return true;
    }
    return false;
}

// "2026-03-29T01:30:00" as a UTC QDateTime.
inline QDateTime utc(const char *iso)
{
    QDateTime t = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
    t.setTimeZone(QTimeZone::UTC);
    return t;
}
} // namespace FlotillaTest
