#pragma once

// What a fuzz target asserts beyond "no crash, no sanitizer report": a property the parser promises. A broken
// promise aborts with a message, which libFuzzer records as a crash with its input.
#include <cstdio>
#include <cstdlib>

#define FLOTILLA_FUZZ_CHECK(condition, what)                                                                           \
    do {                                                                                                               \
        if (!(condition)) {                                                                                            \
            std::fprintf(stderr, "fuzz check failed: %s (%s) at %s:%d\n", what, #condition, __FILE__, __LINE__);       \
            std::abort();                                                                                              \
        }                                                                                                              \
    } while (false)
