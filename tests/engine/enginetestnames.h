#pragma once

// QTest prints enum values through toString(); these show the engine's names in failure messages.
#include "actionstatemachine.h"
#include "presentation.h"
#include "targetstatemachine.h"

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
} // namespace Flotilla
