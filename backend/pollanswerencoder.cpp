#include "backend/pollanswerencoder.h"

#include <QCryptographicHash>

namespace Flotilla {

PollAnswerEncoder::Encoded PollAnswerEncoder::encode(const Ddi::ControllerBase &answer)
{
    if (!answer.links.isEmpty())
        return encodeNow(answer);
    if (const auto it = m_linkless.constFind(answer.sleepSeconds); it != m_linkless.cend())
        return *it;
    if (m_linkless.size() >= MaxRemembered)
        m_linkless.clear();
    return *m_linkless.insert(answer.sleepSeconds, encodeNow(answer));
}

PollAnswerEncoder::Encoded PollAnswerEncoder::encodeNow(const Ddi::ControllerBase &answer)
{
    Encoded e { answer.encode(), {} };
    e.etag = '"' + QCryptographicHash::hash(e.body, QCryptographicHash::Sha1).toHex().left(20) + '"';
    return e;
}

} // namespace Flotilla
