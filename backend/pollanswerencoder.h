#pragma once

#include "proto/ddi/ddimessages.h"

#include <QByteArray>
#include <QHash>

namespace Flotilla {

// A base poll's answer as bytes, and its ETag (the first 20 hex digits of the body's SHA-1, quoted). An answer with
// no link (a device with nothing to do: a fleet's steady state) is the same for every device with the same sleep, so
// it is encoded once per sleep and handed out shared; one with links names its controller and is encoded each time.
// Encoding through QJsonDocument and hashing were a fifth of a poll's instructions (callgrind, stop 49). Remembers a
// bounded number of sleeps (a maintenance window shrinks the sleep second by second). Not thread-safe: one per
// thread.
class PollAnswerEncoder
{
public:
    struct Encoded
    {
        QByteArray body;
        QByteArray etag;
    };

    Encoded encode(const Ddi::ControllerBase &answer);

    // How many linkless answers it holds (for the tests: bounded).
    qsizetype remembered() const { return m_linkless.size(); }
    static constexpr qsizetype MaxRemembered = 64;

private:
    static Encoded encodeNow(const Ddi::ControllerBase &answer);

    QHash<qint64, Encoded> m_linkless; // by sleep in seconds
};

} // namespace Flotilla
