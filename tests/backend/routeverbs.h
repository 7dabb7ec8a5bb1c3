#pragma once

// The HTTP verb of a Management route (ManagementServer::routes()), for the tests that walk the route table.
#include <QByteArray>
#include <QHttpServerRequest>

namespace FlotillaTest {

inline QByteArray verbOf(QHttpServerRequest::Method method)
{
    using M = QHttpServerRequest::Method;
    return method == M::Get   ? "GET"
        : method == M::Post   ? "POST"
        : method == M::Put    ? "PUT"
        : method == M::Delete ? "DELETE"
                              : "PATCH";
}

} // namespace FlotillaTest
