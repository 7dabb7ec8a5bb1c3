// The query parameters of the DDI and Management APIs as a client sends them: the input is a raw URL query string
// ("offset=5&limit=%35%30&sort=name:DESC&q=..."), read as the servers read it (backend/queryparameters.h for the
// numbers, RSQL for sort= and q= after percent-decoding). Properties: a number is taken only within its bounds
// (offset >= 0, limit 1..500, hours 1..720), else refused; actionHistory is always some number; a sort either
// becomes an ORDER BY of column names and directions only or is refused with a message; a q either compiles for
// every entity it is allowed on or is refused with a message.
#include "backend/queryparameters.h"
#include "backend/rsqlcompiler.h"
#include "tests/fuzz/fuzzcheck.h"
#include "tests/fuzz/sortcheck.h"

#include <cstdint>
#include <limits>

using namespace Flotilla;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QUrlQuery query(QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size)));
    const struct
    {
        const char *name;
        int fallback, min, max;
    } numbers[]
        = { { "offset", 0, 0, std::numeric_limits<int>::max() }, { "limit", 50, 1, 500 }, { "hours", 24, 1, 720 } };
    for (const auto &n : numbers) {
        const QString name = QString::fromLatin1(n.name);
        const std::optional<int> v = QueryParameters::intValue(query, name, n.fallback, n.min, n.max);
        FLOTILLA_FUZZ_CHECK(!v || (*v >= n.min && *v <= n.max), "a number is taken only within its bounds");
        FLOTILLA_FUZZ_CHECK(query.hasQueryItem(name) || v == n.fallback, "an absent number is its default");
    }
    (void)QueryParameters::actionHistory(query); // total: any input is some number

    const QString sort = query.queryItemValue(QStringLiteral("sort"), QUrl::FullyDecoded);
    const QString q = query.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded);
    for (const RsqlCompiler::Entity entity : FlotillaFuzz::AllEntities) {
        FlotillaFuzz::checkSort(entity, sort);
        if (q.isEmpty())
            continue;
        const auto compiled = RsqlCompiler::compile(entity, q);
        if (const auto *e = std::get_if<Rsql::ParseError>(&compiled))
            FLOTILLA_FUZZ_CHECK(!e->toString().isEmpty(), "a refused q says why");
    }
    return 0;
}
