#pragma once

// How much longer a test may wait in a slow configuration: the ASan preset sets FLOTILLA_TEST_SLOWDOWN (ctest's
// environment), as its programs run several times slower. A wait is a safety net for something that must happen,
// never a speed check (those are benchmarks), so stretching it changes no verdict.
#include <QtGlobal>

namespace Flotilla::Test {

inline int slowed(int amount)
{
    bool ok = false;
    const int factor = qEnvironmentVariableIntValue("FLOTILLA_TEST_SLOWDOWN", &ok);
    return ok && factor > 1 ? amount * factor : amount;
}

} // namespace Flotilla::Test
