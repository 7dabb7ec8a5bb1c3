// multipart/form-data bodies as artifact uploads send them: the first line is the Content-Type header, the rest
// the body. Property: every part lies inside the body it was cut from.
#include "backend/multipartform.h"
#include "tests/fuzz/fuzzcheck.h"

#include <cstdint>

using namespace Flotilla;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype newline = input.indexOf('\n');
    const QByteArray contentType = newline < 0 ? input : input.left(newline);
    const QByteArray body = newline < 0 ? QByteArray() : input.mid(newline + 1);
    const auto parts = parseMultipartForm(contentType, body);
    if (!parts)
        return 0;
    for (const FormPart &part : *parts) {
        if (part.data.isEmpty())
            continue;
        FLOTILLA_FUZZ_CHECK(part.data.data() >= body.constData()
                                && part.data.data() + part.data.size() <= body.constData() + body.size(),
                            "a part views into the body");
    }
    return 0;
}
