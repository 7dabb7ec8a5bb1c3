// Range headers as download clients send them, against a resource whose size comes from the first 4 bytes.
// Property: every range handed back lies inside the resource and is not empty.
#include "proto/http/httprange.h"
#include "tests/fuzz/fuzzcheck.h"

#include <cstdint>
#include <cstring>

using namespace Flotilla;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 4)
        return 0;
    quint32 raw = 0;
    std::memcpy(&raw, data, 4);
    // Small sizes most of the time (where the edges are), now and then one past 4 GiB.
    const qint64 resource = (raw & 1) ? (qint64(raw) << 8) : qint64(raw % 4096);
    const QByteArray header(reinterpret_cast<const char *>(data) + 4, qsizetype(size - 4));
    const auto ranges = parseRangeHeader(header, resource);
    if (!ranges)
        return 0;
    for (const ByteRange &r : *ranges) {
        FLOTILLA_FUZZ_CHECK(r.first >= 0 && r.first <= r.last, "a range is ordered");
        FLOTILLA_FUZZ_CHECK(r.last < resource, "a range ends inside the resource");
        FLOTILLA_FUZZ_CHECK(r.length() > 0, "a range is not empty");
    }
    return 0;
}
