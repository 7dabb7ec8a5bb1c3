// RSQL as the Management API's q= and target filters take it: parsed, compiled to SQL for every entity, and
// evaluated in memory against a target (engine/rsqlmatcher.h). Property: a query that parses compiles for the
// target entity or is refused with a message, and the in-memory matcher accepts what the parser accepts. The same
// input as a sort= parameter: an ORDER BY made only of column names, ASC/DESC and commas (never the input's own
// text), or a message.
#include "backend/rsqlcompiler.h"
#include "engine/rsqlmatcher.h"
#include "engine/target.h"
#include "tests/fuzz/fuzzcheck.h"
#include "tests/fuzz/sortcheck.h"

#include <cstdint>

using namespace Flotilla;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString query = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    for (const RsqlCompiler::Entity entity : FlotillaFuzz::AllEntities)
        FlotillaFuzz::checkSort(entity, query);
    auto parsed = Rsql::parse(query);
    if (auto *error = std::get_if<Rsql::ParseError>(&parsed)) {
        FLOTILLA_FUZZ_CHECK(!error->message.isEmpty(), "a parse error says what is wrong");
        return 0;
    }
    const Rsql::NodePtr tree = std::get<Rsql::NodePtr>(parsed);
    for (const RsqlCompiler::Entity entity : FlotillaFuzz::AllEntities) {
        auto compiled = RsqlCompiler::compile(entity, tree);
        if (auto *error = std::get_if<Rsql::ParseError>(&compiled))
            FLOTILLA_FUZZ_CHECK(!error->message.isEmpty(), "a refused field says why");
    }
    auto matcher = TargetMatcher::compile(query);
    if (auto *m = std::get_if<TargetMatcher>(&matcher)) {
        Target target;
        target.controllerId = QStringLiteral("dev-1");
        target.name = QStringLiteral("Device 1");
        (void)m->matches(target, { { QStringLiteral("hw"), QStringLiteral("rev2") } });
    }
    return 0;
}
