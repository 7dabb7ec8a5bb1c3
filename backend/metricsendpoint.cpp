#include "backend/metricsendpoint.h"

#include "backend/deviceauthenticator.h"
#include "backend/mgmterror.h"
#include "backend/operatoraccounts.h"
#include "proto/mgmt/mgmtmessages.h"

#include <QElapsedTimer>
#include <QHttpServer>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Flotilla {

MetricsEndpoint::MetricsEndpoint(ServerMetrics &metrics, OperatorAccounts &accounts, QByteArray token,
                                 std::function<ServerMetrics::Gauges()> gauges, QObject *parent)
    : QObject(parent)
    , m_metrics(metrics)
    , m_accounts(accounts)
    , m_token(std::move(token))
    , m_gauges(std::move(gauges))
{ }

void MetricsEndpoint::install(QHttpServer &server)
{
    server.route(
        u"/metrics"_s, QHttpServerRequest::Method::Get, this,
        [this](const QHttpServerRequest &request, QHttpServerResponder &responder) { scrape(request, responder); });
}

MetricsEndpoint::Caller MetricsEndpoint::caller(const QByteArray &authorization, QString *error)
{
    // The scraper's token: compared in constant time, as every credential.
    if (!m_token.isEmpty() && authorization.startsWith("Bearer ")
        && DeviceAuthenticator::constantTimeEquals(authorization.mid(7).trimmed(), m_token))
        return Caller::Allowed;
    const Lookup<Operator> who = m_accounts.authenticate(authorization);
    if (who.failed()) {
        *error = u"the credentials could not be checked: %1"_s.arg(who.error().message);
        return Caller::Unchecked;
    }
    if (who.absent()) {
        *error = m_token.isEmpty() ? u"valid Basic or Bearer credentials are required"_s
                                   : u"valid Basic or Bearer credentials, or the metrics token, are required"_s;
        return Caller::Denied;
    }
    return Caller::Allowed;
}

void MetricsEndpoint::scrape(const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    QElapsedTimer timer;
    timer.start();
    using Status = QHttpServerResponder::StatusCode;
    QString error;
    const Caller who = caller(request.value("authorization"), &error);
    if (who != Caller::Allowed) {
        // Wrong credentials are 401; credentials that could not be checked (the store failed) the server's 500.
        const Mgmt::Error kind = who == Caller::Unchecked ? Mgmt::Errors::Generic : Mgmt::Errors::Unauthorized;
        QHttpHeaders h;
        h.append(QHttpHeaders::WellKnownHeader::ContentType, "application/json");
        if (kind.status == Status::Unauthorized)
            h.append(QHttpHeaders::WellKnownHeader::WWWAuthenticate, "Basic realm=\"Flotilla\"");
        const Mgmt::ExceptionInfo body { kind.exceptionClass, kind.errorCode, error };
        responder.write(QJsonDocument(body.toJson()).toJson(QJsonDocument::Compact), h, kind.status);
        m_metrics.recordRequest("metrics"_L1, u"/metrics"_s, "GET"_L1, int(kind.status), timer.nsecsElapsed());
        return;
    }
    const ServerMetrics::Gauges gauges = m_gauges ? m_gauges() : ServerMetrics::Gauges();
    // This scrape is counted before it is written, so the answer includes itself.
    m_metrics.recordRequest("metrics"_L1, u"/metrics"_s, "GET"_L1, int(Status::Ok), timer.nsecsElapsed());
    QHttpHeaders h;
    h.append(QHttpHeaders::WellKnownHeader::ContentType, "text/plain; version=0.0.4; charset=utf-8");
    responder.write(m_metrics.exposition(gauges), h, Status::Ok);
}

} // namespace Flotilla
