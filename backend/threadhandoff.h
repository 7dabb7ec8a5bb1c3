#pragma once

#include <QMetaObject>
#include <QObject>

#include <utility>

#if defined(__SANITIZE_THREAD__)
#define FLOTILLA_THREAD_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define FLOTILLA_THREAD_SANITIZER 1
#endif
#endif
#ifdef FLOTILLA_THREAD_SANITIZER
#include <sanitizer/tsan_interface.h>

#include <memory>

// In libtsan, not declared by GCC's <sanitizer/tsan_interface.h>: this thread's memory accesses between the two are
// not recorded.
extern "C" void __tsan_ignore_thread_begin();
extern "C" void __tsan_ignore_thread_end();
#endif

namespace Flotilla {

// QMetaObject::invokeMethod(context, function, type) for a function that runs on context's thread, another than the
// caller's: everything the caller wrote before the call happens before the function runs and, with
// Qt::BlockingQueuedConnection, everything the function wrote happens before the call returns.
//
// Qt guarantees that through its event queue and a semaphore, both inside libQt6Core; Debian does not build Qt for
// ThreadSanitizer, so the tsan preset would take each such hand-off for a data race. Under TSan the hand-off is told
// to it (a release before the post, an acquire where the function starts, and back for a blocking call); otherwise
// this is invokeMethod and nothing more.
template<typename Function>
bool invokeOnThread(QObject *context, Function &&function, Qt::ConnectionType type = Qt::AutoConnection)
{
#ifdef FLOTILLA_THREAD_SANITIZER
    auto token = std::make_shared<char>(); // one synchronisation object per hand-off
    __tsan_release(token.get());
    // invokeMethod copies the function into Qt's call object after that release; the other thread reading the
    // copy is ordered by Qt's queue, which TSan cannot see. Those writes are not recorded.
    __tsan_ignore_thread_begin();
    const bool posted = QMetaObject::invokeMethod(
        context,
        [token, f = std::forward<Function>(function)]() mutable {
            __tsan_acquire(token.get());
            f();
            __tsan_release(token.get());
        },
        type);
    __tsan_ignore_thread_end();
    if (type == Qt::BlockingQueuedConnection)
        __tsan_acquire(token.get()); // what the function wrote
    return posted;
#else
    return QMetaObject::invokeMethod(context, std::forward<Function>(function), type);
#endif
}

} // namespace Flotilla
