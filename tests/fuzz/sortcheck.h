#pragma once

// What fuzz_rsql and fuzz_queryparameters both check of a sort= parameter: for every entity, an ORDER BY made only
// of column names, ASC/DESC and commas (never the input's own text), or a refusal with a message.
#include "backend/rsqlcompiler.h"
#include "tests/fuzz/fuzzcheck.h"

namespace FlotillaFuzz {

inline constexpr Flotilla::RsqlCompiler::Entity AllEntities[] = {
    Flotilla::RsqlCompiler::Entity::Target,          Flotilla::RsqlCompiler::Entity::SoftwareModule,
    Flotilla::RsqlCompiler::Entity::DistributionSet, Flotilla::RsqlCompiler::Entity::Rollout,
    Flotilla::RsqlCompiler::Entity::Action,          Flotilla::RsqlCompiler::Entity::AutoAssignment,
    Flotilla::RsqlCompiler::Entity::Audit,
};

inline void checkSort(Flotilla::RsqlCompiler::Entity entity, const QString &sort)
{
    QString error;
    if (const std::optional<QString> order
        = Flotilla::RsqlCompiler::orderBy(entity, sort, QStringLiteral("x"), &error)) {
        for (const QChar c : *order)
            FLOTILLA_FUZZ_CHECK((c.isLetterOrNumber() && c.unicode() < 128) || c == u'_' || c == u'.' || c == u','
                                    || c == u' ',
                                "an ORDER BY holds column names and directions only");
    } else {
        FLOTILLA_FUZZ_CHECK(!error.isEmpty(), "a refused sort says why");
    }
}

} // namespace FlotillaFuzz
