#pragma once

#include <QHttpServerRequest>
#include <QLatin1StringView>

namespace Flotilla {

// A request method as HTTP spells it ("GET", "POST", ...; "OTHER" for the rest): the audit trail's and the metrics'
// word for it.
inline QLatin1StringView httpMethodName(QHttpServerRequest::Method method)
{
    using M = QHttpServerRequest::Method;
    using namespace Qt::StringLiterals;
    switch (method) {
    case M::Get:
        return "GET"_L1;
    case M::Head:
        return "HEAD"_L1;
    case M::Post:
        return "POST"_L1;
    case M::Put:
        return "PUT"_L1;
    case M::Delete:
        return "DELETE"_L1;
    case M::Patch:
        return "PATCH"_L1;
    case M::Options:
        return "OPTIONS"_L1;
    default:
        return "OTHER"_L1;
    }
}

} // namespace Flotilla
