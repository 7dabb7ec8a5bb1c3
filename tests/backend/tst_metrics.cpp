// GET /metrics (backend/metricsendpoint.h, backend/servermetrics.h) on a whole Server over loopback: off it is an
// unknown path; on, only operators and the scraper's token read it; the figures are right — requests by route
// template and status (DDI, Management API, unrouted, rate-limited), their duration histograms, polls, download
// bytes, open actions and rollouts by status, store transactions, event stream clients — and every line is
// Prometheus' text format.
#include "tests/backend/managementfixture.h"
#include "tests/common/prometheustext.h"
#include "tests/common/tableaway.h"

#include "backend/servermetrics.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QWebSocket>

using namespace Flotilla;
using namespace FlotillaTest;
using namespace Qt::StringLiterals;

namespace {

const QByteArray MetricsToken = "scraper-token-0123456789";

// One scrape: its status and, when 200, the text as a scraper reads it.
struct Scrape : PrometheusText
{
    int status = 0;
};

QString requestSeries(const char *api, const QString &method, const QString &route, int status)
{
    return u"flotilla_http_requests_total{api=\"%1\",method=\"%2\",route=\"%3\",status=\"%4\"}"_s.arg(
        QLatin1StringView(api), method, route, QString::number(status));
}

QString durationCount(const char *api, const QString &method, const QString &route)
{
    return u"flotilla_http_request_duration_seconds_count{api=\"%1\",method=\"%2\",route=\"%3\"}"_s.arg(
        QLatin1StringView(api), method, route);
}

const QString TargetsRoute = u"/rest/v1/targets"_s;
const QString TargetRoute = u"/rest/v1/targets/{id}"_s;
const QString PollRoute = u"/{tenant}/controller/v1/{controllerId}"_s;
const QString FeedbackRoute = u"/{tenant}/controller/v1/{controllerId}/deploymentBase/{actionId}/feedback"_s;
const QString ArtifactRoute
    = u"/{tenant}/controller/v1/{controllerId}/softwaremodules/{moduleId}/artifacts/{filename}"_s;

} // namespace

class TestMetrics : public ManagementFixture
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { tearDown(); }
    void histogramBuckets_data();
    void histogramBuckets();
    void offIsAnUnknownPath();
    void onlyOperatorsAndTheTokenMayRead_data();
    void onlyOperatorsAndTheTokenMayRead();
    void everyLineIsTheTextFormat();
    void requestsAreCountedByRouteAndStatus();
    void pollsDownloadsAndOpenWork();
    void transactionsAndEventClients();
    void rateLimitedRequestsAreCounted();
    void anUnreadableStoreIsSaidNotHidden();
    void theGrafanaDashboardAsksForWhatIsServed();

private:
    void startWithMetrics(const std::function<void(ServerConfig &)> &more = {})
    {
        setUp([&](ServerConfig &c) {
            c.metricsEnabled = true;
            c.metricsToken = QString::fromLatin1(MetricsToken);
            if (more)
                more(c);
        });
    }
    Scrape scrape(const QByteArray &authorization = "Bearer " + MetricsToken);
    HttpAnswer device(const QByteArray &verb, const QString &path, const QByteArray &body = {})
    {
        HttpClient ddi(m_base + u"/DEFAULT/controller/v1/dev-1"_s);
        ddi.setAuthorization("TargetToken device-token-1");
        return ddi.send(verb, path, body);
    }
    void createDevice()
    {
        QCOMPARE(
            as("admin")
                .post(u"/targets"_s, R"([{"controllerId":"dev-1","name":"dev-1","securityToken":"device-token-1"}])")
                .status,
            201);
    }
};

Scrape TestMetrics::scrape(const QByteArray &authorization)
{
    HttpClient client(m_base);
    client.setAuthorization(authorization);
    const HttpAnswer a = client.send("GET", u"/metrics"_s);
    Scrape s;
    s.status = a.status;
    if (a.status == 200)
        static_cast<PrometheusText &>(s) = PrometheusText::parse(a.body);
    return s;
}

void TestMetrics::histogramBuckets_data()
{
    QTest::addColumn<double>("seconds");
    QTest::addColumn<int>("firstBucket"); // the first bucket (index) it counts in; -1: only +Inf
    QTest::newRow("below the first bound") << 0.0001 << 0;
    QTest::newRow("on a bound: le counts it") << 0.001 << 1;
    QTest::newRow("between bounds") << 0.003 << 3;
    QTest::newRow("the last bound") << 10.0 << 13;
    QTest::newRow("above every bound") << 60.0 << -1;
}

void TestMetrics::histogramBuckets()
{
    QFETCH(double, seconds);
    QFETCH(int, firstBucket);
    ServerMetrics::Histogram h;
    h.observe(seconds);
    h.observe(0.0002); // and one in the first bucket
    for (int i = 0; i < int(ServerMetrics::DurationBuckets.size()); ++i) {
        const quint64 expected = 1 + (firstBucket >= 0 && i >= firstBucket ? 1 : 0);
        QCOMPARE(h.cumulative(i), expected);
    }
    QCOMPARE(h.count(), quint64(2));
    QCOMPARE(h.sum(), seconds + 0.0002);
}

void TestMetrics::offIsAnUnknownPath()
{
    setUp(); // metrics/enabled is false by default
    const Scrape s = scrape("Basic " + QByteArray("admin:admin-password").toBase64());
    QCOMPARE(s.status, 404);
}

void TestMetrics::onlyOperatorsAndTheTokenMayRead_data()
{
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<int>("status");
    QTest::newRow("no credentials") << QByteArray() << 401;
    QTest::newRow("wrong password") << "Basic " + QByteArray("admin:nope-nope").toBase64() << 401;
    QTest::newRow("wrong token") << "Bearer not-the-scraper-token-at-all"_ba << 401;
    QTest::newRow("a device's TargetToken") << "TargetToken device-token-1"_ba << 401;
    QTest::newRow("the scraper's token") << "Bearer " + MetricsToken << 200;
    QTest::newRow("an administrator") << "Basic " + QByteArray("admin:admin-password").toBase64() << 200;
    QTest::newRow("a viewer (any operator)") << "Basic " + QByteArray("viewer:viewer-password").toBase64() << 200;
    QTest::newRow("an operator's bearer token") << "issued"_ba << 200; // POST /auth/token's
}

void TestMetrics::onlyOperatorsAndTheTokenMayRead()
{
    QFETCH(QByteArray, authorization);
    QFETCH(int, status);
    startWithMetrics();
    createDevice();
    if (authorization == "issued") {
        const HttpAnswer issued = as("viewer").post(u"/auth/token"_s, {});
        QCOMPARE(issued.status, 201);
        authorization = "Bearer " + issued.json().value("token"_L1).toString().toLatin1();
    }
    HttpClient client(m_base);
    client.setAuthorization(authorization);
    const HttpAnswer a = client.send("GET", u"/metrics"_s);
    QCOMPARE(a.status, status);
    if (status == 401) {
        QCOMPARE(a.json().value("errorCode"_L1).toString(), u"flotilla.mgmt.unauthorized"_s);
        QVERIFY(!a.header("WWW-Authenticate").isEmpty());
        QVERIFY(!a.body.contains("flotilla_"));
    } else {
        QVERIFY(a.header("Content-Type").startsWith("text/plain; version=0.0.4"));
        QVERIFY(a.body.contains("flotilla_http_requests_total"));
    }
}

void TestMetrics::everyLineIsTheTextFormat()
{
    startWithMetrics();
    createDevice();
    QCOMPARE(device("GET", {}).status, 200);
    QCOMPARE(as("admin").get(u"/targets"_s).status, 200);
    const Scrape s = scrape();
    QCOMPARE(s.status, 200);
    QVERIFY2(s.problems.isEmpty(), qPrintable(s.problems.join(u'\n')));
    // Each family typed once.
    QCOMPARE(QSet<QString>(s.typed.cbegin(), s.typed.cend()).size(), s.typed.size());
    for (const char *family :
         { "flotilla_http_requests_total", "flotilla_http_request_duration_seconds", "flotilla_ddi_polls_total",
           "flotilla_artifact_download_bytes_total", "flotilla_artifact_downloads_active",
           "flotilla_http_connections_open", "flotilla_event_stream_clients", "flotilla_store_up",
           "flotilla_actions_open", "flotilla_rollouts", "flotilla_store_transaction_duration_seconds",
           "flotilla_node_info", "flotilla_node_scheduler", "process_start_time_seconds" })
        QVERIFY2(s.typed.contains(QLatin1StringView(family)), family);
    QCOMPARE(s.value(u"flotilla_node_info{database=\"sqlite\"}"_s), 1.0);
    QCOMPARE(s.value(u"flotilla_node_scheduler"_s), 1.0);
    QCOMPARE(s.value(u"flotilla_store_up"_s), 1.0);
    QVERIFY(s.value(u"process_resident_memory_bytes"_s) > 1e6);
    QVERIFY(s.value(u"flotilla_http_connections_open"_s) >= 1); // this scrape's
    // A histogram's buckets rise to +Inf, which is its count.
    const QString labels = u"api=\"mgmt\",method=\"GET\",route=\"/rest/v1/targets\""_s;
    double previous = 0;
    for (double bound : ServerMetrics::DurationBuckets) {
        const QString series = u"flotilla_http_request_duration_seconds_bucket{%1,le=\"%2\"}"_s.arg(
            labels, QString::number(bound, 'g', 15));
        QVERIFY2(s.has(series), qPrintable(series));
        QVERIFY(s.value(series) >= previous);
        previous = s.value(series);
    }
    QCOMPARE(s.value(u"flotilla_http_request_duration_seconds_bucket{%1,le=\"+Inf\"}"_s.arg(labels)), 1.0);
    QCOMPARE(s.value(u"flotilla_http_request_duration_seconds_count{%1}"_s.arg(labels)), 1.0);
    QVERIFY(s.value(u"flotilla_http_request_duration_seconds_sum{%1}"_s.arg(labels)) > 0);
}

void TestMetrics::requestsAreCountedByRouteAndStatus()
{
    startWithMetrics();
    createDevice();
    const Scrape before = scrape();
    for (int i = 0; i < 3; ++i)
        QCOMPARE(as("viewer").get(u"/targets"_s).status, 200);
    QCOMPARE(as("viewer").get(u"/targets/dev-1"_s).status, 200);
    QCOMPARE(as("viewer").get(u"/targets/nosuch"_s).status, 404);
    QCOMPARE(as("viewer").get(u"/targets/nosuch-2"_s).status, 404);
    QCOMPARE(as("").get(u"/targets"_s).status, 401);
    QCOMPARE(as("viewer").post(u"/targets"_s, R"([{"controllerId":"x"}])").status, 403);
    QCOMPARE(device("GET", {}).status, 200);
    QCOMPARE(device("GET", {}).status, 200);
    QCOMPARE(device("POST", u"/deploymentBase/1/feedback"_s, "{not json").status, 400);
    HttpClient stranger(m_base);
    QCOMPARE(stranger.send("GET", u"/DEFAULT/controller/v1/dev-1"_s).status, 401);
    QCOMPARE(stranger.send("GET", u"/no/such/thing"_s).status, 404);
    const Scrape after = scrape();

    auto delta = [&](const QString &series) {
        return after.value(series) - before.value(series);
    };
    QCOMPARE(delta(requestSeries("mgmt", u"GET"_s, TargetsRoute, 200)), 3.0);
    QCOMPARE(delta(requestSeries("mgmt", u"GET"_s, TargetsRoute, 401)), 1.0);
    QCOMPARE(delta(requestSeries("mgmt", u"GET"_s, TargetRoute, 200)), 1.0);
    QCOMPARE(delta(requestSeries("mgmt", u"GET"_s, TargetRoute, 404)), 2.0);
    QCOMPARE(delta(requestSeries("mgmt", u"POST"_s, TargetsRoute, 403)), 1.0);
    QCOMPARE(delta(requestSeries("ddi", u"GET"_s, PollRoute, 200)), 2.0);
    QCOMPARE(delta(requestSeries("ddi", u"GET"_s, PollRoute, 401)), 1.0);
    QCOMPARE(delta(requestSeries("ddi", u"POST"_s, FeedbackRoute, 400)), 1.0);
    QCOMPARE(delta(requestSeries("other", u"GET"_s, u"(no route)"_s, 404)), 1.0);
    // The scrape before this one counted itself.
    QCOMPARE(delta(requestSeries("metrics", u"GET"_s, u"/metrics"_s, 200)), 1.0);
    // Each route's duration histogram counts every request of it, whatever the status.
    QCOMPARE(delta(durationCount("mgmt", u"GET"_s, TargetRoute)), 3.0);
    QCOMPARE(delta(durationCount("ddi", u"GET"_s, PollRoute)), 3.0);
    // No series names a request's own path: the label is the route's template.
    for (auto it = after.samples.cbegin(); it != after.samples.cend(); ++it)
        QVERIFY2(!it.key().contains(u"nosuch"_s) && !it.key().contains(u"dev-1"_s), qPrintable(it.key()));
}

void TestMetrics::pollsDownloadsAndOpenWork()
{
    startWithMetrics();
    prepareRepository(); // module 1 with the 12-byte artifact "image.swu", set 1
    createDevice();
    const Scrape before = scrape();
    QCOMPARE(before.value(u"flotilla_actions_open{status=\"RUNNING\"}"_s), 0.0);
    QCOMPARE(as("admin").post(u"/distributionsets/1/assignedTargets"_s, R"([{"id":"dev-1"}])").status, 200);
    QCOMPARE(as("admin").post(u"/targets"_s, R"([{"controllerId":"r-1"},{"controllerId":"r-2"}])").status, 201);
    QCOMPARE(as("admin")
                 .post(u"/rollouts"_s,
                       R"({"name":"r","targetFilterQuery":"controllerId==r-*","distributionSetId":1,"amountGroups":1})")
                 .status,
             201);
    const QString rolloutStatus = as("admin").get(u"/rollouts/1"_s).json().value("status"_L1).toString().toUpper();
    QCOMPARE(device("GET", {}).status, 200);
    QCOMPARE(device("GET", {}).status, 200);
    const HttpAnswer file = device("GET", u"/softwaremodules/1/artifacts/image.swu"_s);
    QCOMPARE(file.status, 200);
    QCOMPARE(file.body, "kernel image"_ba);
    QVERIFY(QTest::qWaitFor([this] { return m_server->activeTransfers() == 0; }, 5000));
    const Scrape after = scrape();

    QCOMPARE(after.value(u"flotilla_ddi_polls_total"_s) - before.value(u"flotilla_ddi_polls_total"_s), 2.0);
    QCOMPARE(after.value(u"flotilla_artifact_download_bytes_total"_s)
                 - before.value(u"flotilla_artifact_download_bytes_total"_s),
             12.0);
    QCOMPARE(after.value(u"flotilla_artifact_downloads_active"_s), 0.0);
    QCOMPARE(after.value(requestSeries("ddi", u"GET"_s, ArtifactRoute, 200)), 1.0);
    // The assignment's action is open (running); the rollout's are not made before it starts.
    QCOMPARE(after.value(u"flotilla_actions_open{status=\"RUNNING\"}"_s), 1.0);
    QVERIFY(!rolloutStatus.isEmpty());
    QCOMPARE(after.value(u"flotilla_rollouts{status=\"%1\"}"_s.arg(rolloutStatus)), 1.0);
    double rollouts = 0;
    for (auto it = after.samples.cbegin(); it != after.samples.cend(); ++it)
        rollouts += it.key().startsWith(u"flotilla_rollouts{"_s) ? it.value() : 0;
    QCOMPARE(rollouts, 1.0);
}

void TestMetrics::transactionsAndEventClients()
{
    startWithMetrics();
    const QString commits = u"flotilla_store_transaction_duration_seconds_count{outcome=\"commit\"}"_s;
    const QString rollbacks = u"flotilla_store_transaction_duration_seconds_count{outcome=\"rollback\"}"_s;
    const Scrape before = scrape();
    QCOMPARE(as("admin").post(u"/targets"_s, R"([{"controllerId":"t-1"}])").status, 201);
    // A create that fails (a duplicate) rolls its transaction back.
    QCOMPARE(as("admin").post(u"/targets"_s, R"([{"controllerId":"t-2"},{"controllerId":"t-1"}])").status, 409);
    const Scrape after = scrape();
    QVERIFY(after.value(commits) > before.value(commits));
    QVERIFY(after.value(rollbacks) > before.value(rollbacks));
    QCOMPARE(after.value(u"flotilla_event_stream_clients"_s), 0.0);

    QWebSocket socket;
    QString url = m_base + u"/rest/v1/events"_s;
    url.replace(0, 4, u"ws"_s); // http: -> ws:
    QNetworkRequest request { QUrl(url) };
    request.setRawHeader("Authorization", "Basic " + QByteArray("viewer:viewer-password").toBase64());
    socket.open(request);
    QVERIFY(QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::ConnectedState; }, 5000));
    QVERIFY(QTest::qWaitFor([&] { return scrape().value(u"flotilla_event_stream_clients"_s) == 1.0; }, 5000));
    socket.close();
    QVERIFY(QTest::qWaitFor([&] { return scrape().value(u"flotilla_event_stream_clients"_s) == 0.0; }, 5000));
}

void TestMetrics::rateLimitedRequestsAreCounted()
{
    startWithMetrics([](ServerConfig &c) {
        c.readsPerSecond = 2;
        c.rateLimitExempt = u"none"_s;
    });
    int refused = 0;
    for (int i = 0; i < 6; ++i)
        refused += as("viewer").get(u"/targets"_s).status == 429 ? 1 : 0;
    QVERIFY(refused > 0);
    QTest::qWait(2100); // the scrape is a read too: wait for the client's budget to come back
    const Scrape s = scrape();
    QCOMPARE(s.status, 200);
    QCOMPARE(s.value(requestSeries("other", u"GET"_s, u"(rate limited)"_s, 429)), double(refused));
    QCOMPARE(s.value(requestSeries("mgmt", u"GET"_s, TargetsRoute, 200)), double(6 - refused));
}

void TestMetrics::anUnreadableStoreIsSaidNotHidden()
{
    startWithMetrics();
    Scrape s;
    {
        const TableAway away(storeConnection(m_dir->filePath(u"db"_s)), u"rollouts"_s);
        QVERIFY2(away.isAway(), qPrintable(away.error()));
        s = scrape();
    }
    // The scrape is answered (the counters are in memory), and says the counts are missing instead of zero.
    QCOMPARE(s.status, 200);
    QCOMPARE(s.value(u"flotilla_store_up"_s), 0.0);
    QVERIFY(s.has(u"flotilla_ddi_polls_total"_s));
    QCOMPARE(scrape().value(u"flotilla_store_up"_s), 1.0);
}

// resources/grafana-dashboard.json (installed with flotillad): JSON Grafana imports, whose every query names a
// family the server serves, so a renamed metric cannot leave a dashboard of empty panels behind.
void TestMetrics::theGrafanaDashboardAsksForWhatIsServed()
{
    QFile file(QStringLiteral(FLOTILLA_SOURCE_DIR "/resources/grafana-dashboard.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonParseError error;
    const QJsonObject dashboard = QJsonDocument::fromJson(file.readAll(), &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QVERIFY(!dashboard.value("title"_L1).toString().isEmpty());
    const QJsonArray panels = dashboard.value("panels"_L1).toArray();
    QVERIFY(panels.size() >= 10);

    startWithMetrics();
    const Scrape s = scrape();
    QCOMPARE(s.status, 200);
    static const QRegularExpression metric(u"\\b((?:flotilla|process)_[a-z_]+)"_s);
    QSet<QString> asked;
    for (const QJsonValue &panel : panels) {
        const QJsonArray targets = panel["targets"_L1].toArray();
        QVERIFY2(!targets.isEmpty(), qPrintable(panel["title"_L1].toString()));
        for (const QJsonValue &target : targets) {
            const QString expr = target["expr"_L1].toString();
            for (auto it = metric.globalMatch(expr); it.hasNext();)
                asked.insert(it.next().captured(1));
        }
    }
    QVERIFY(asked.size() >= 10);
    for (const QString &name : std::as_const(asked)) {
        QString family = name;
        for (const QString &suffix : { u"_bucket"_s, u"_sum"_s, u"_count"_s }) {
            if (family.endsWith(suffix) && !s.typed.contains(family))
                family.chop(suffix.size());
        }
        QVERIFY2(s.typed.contains(family), qPrintable(u"the dashboard asks for %1, which is not served"_s.arg(name)));
    }
}

QTEST_MAIN(TestMetrics)
#include "tst_metrics.moc"
