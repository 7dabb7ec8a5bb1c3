#include "proto/http/httprange.h"

namespace Flotilla {

std::optional<QList<ByteRange>> parseRangeHeader(const QByteArray &header, qint64 size)
{
    const QByteArray value = header.trimmed();
    if (!value.startsWith("bytes="))
        return std::nullopt;
    QList<ByteRange> ranges;
    const QList<QByteArray> specs = value.mid(6).split(',');
    constexpr int maxRanges = 32; // more is an abuse (RFC 9110 14.2 allows refusing it)
    if (specs.size() > maxRanges)
        return std::nullopt;
    for (const QByteArray &raw : specs) {
        const QByteArray spec = raw.trimmed();
        const qsizetype dash = spec.indexOf('-');
        if (dash < 0)
            return std::nullopt;
        const QByteArray a = spec.left(dash).trimmed();
        const QByteArray b = spec.mid(dash + 1).trimmed();
        bool okA = false;
        bool okB = false;
        if (a.isEmpty()) { // suffix: the last N bytes
            const qint64 n = b.toLongLong(&okB);
            if (!okB || n < 0)
                return std::nullopt;
            if (n > 0 && size > 0)
                ranges.append({ std::max<qint64>(0, size - n), size - 1 });
            continue;
        }
        const qint64 first = a.toLongLong(&okA);
        const qint64 last = b.isEmpty() ? size - 1 : b.toLongLong(&okB);
        if (!okA || first < 0 || (!b.isEmpty() && (!okB || last < first)))
            return std::nullopt;
        if (first < size)
            ranges.append({ first, std::min(last, size - 1) });
    }
    return ranges;
}

} // namespace Flotilla
