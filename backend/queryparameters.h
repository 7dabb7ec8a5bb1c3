#pragma once

// The query parameters the DDI and Management APIs read (?offset=, ?limit=, ?hours=, ?actionHistory=), parsed
// apart from any request so that what a client can send is one function each (tests/fuzz/fuzz_queryparameters).
// The first of a repeated parameter counts, as QUrlQuery and hawkBit's Spring binding both take it; values are
// percent-decoded first. sort= and q= are RSQL's (backend/rsqlcompiler.h).
#include <QString>
#include <QUrlQuery>

#include <optional>

namespace Flotilla::QueryParameters {

// A whole-number parameter within [min, max]; fallback when it is absent, nullopt when it is there but not such a
// number ("", " 5", "5\0", "1.5", "1e3", "0x10", "+5", out of range, beyond 32 bits).
std::optional<int> intValue(const QUrlQuery &query, const QString &name, int fallback, int min, int max);

// DDI's actionHistory: how many of the action's status messages a deployment answer carries; 0 (absent or not a
// number): none, negative: all there are (the server caps both).
int actionHistory(const QUrlQuery &query);

} // namespace Flotilla::QueryParameters
