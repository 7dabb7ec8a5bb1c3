#pragma once

#include <QByteArray>
#include <QList>

#include <optional>

namespace Flotilla {

// One satisfiable byte range of a resource: [first, last], both inclusive, as RFC 9110 counts them.
struct ByteRange
{
    qint64 first = 0;
    qint64 last = 0;
    qint64 length() const { return last - first + 1; }
    friend bool operator==(const ByteRange &, const ByteRange &) = default;
};

// Parses a Range header value ("bytes=0-99,200-,-50") against a resource of `size` bytes.
//  - nullopt: the header is absent, malformed or not in bytes: serve the whole resource (RFC 9110 14.2);
//  - an empty list: no range is satisfiable (416);
//  - otherwise the satisfiable ranges, clipped to the resource, in the order asked.
std::optional<QList<ByteRange>> parseRangeHeader(const QByteArray &header, qint64 size);

} // namespace Flotilla
