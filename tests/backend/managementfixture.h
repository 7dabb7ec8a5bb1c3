#pragma once

// The server every Management API test (tst_managementserver, tst_managementresources) runs against: a whole
// Server (the composition flotillad runs) over loopback, artifacts up to 64 KiB, the administrator admin and one
// user per role (operator, viewer, approver; password "<name>-password"), fresh for every test function.
#include "backend/operatoraccounts.h"
#include "backend/server.h"
#include "backend/sqlstore.h"
#include "tests/common/httpclient.h"
#include "tests/common/loopbackserver.h"

#include <QTemporaryDir>
#include <QTest>

#include <functional>

namespace FlotillaTest {

using namespace Qt::StringLiterals;

class ManagementFixture : public QObject
{
protected:
    // From the test's init() and cleanup(); adjust changes the configuration before the server starts.
    void setUp(const std::function<void(Flotilla::ServerConfig &)> &adjust = {})
    {
        m_dir = std::make_unique<QTemporaryDir>();
        Flotilla::ServerConfig config = loopbackServerConfig(*m_dir);
        config.maxArtifactBytes = 64 * 1024;
        if (adjust)
            adjust(config);
        QString error;
        m_server = startWithAdmin(config, &error);
        QVERIFY2(m_server, qPrintable(error));
        for (const char *role : { "operator", "viewer", "approver" }) {
            if (m_server->store().accounts().userByName(QLatin1String(role)).found())
                continue; // a database a test starts again on
            QVERIFY(m_server->accounts().createUser(QLatin1String(role), u"%1-password"_s.arg(QLatin1String(role)),
                                                    { QLatin1String(role) }));
        }
        m_base = m_server->url();
        m_client = std::make_unique<HttpClient>(m_base + u"/rest/v1"_s);
    }
    void tearDown()
    {
        m_client.reset();
        m_server.reset();
    }

    HttpClient &as(const QByteArray &user);
    HttpAnswer upload(const QByteArray &user, qint64 moduleId, const QByteArray &content,
                      const QList<std::pair<QByteArray, QByteArray>> &fields, const QString &query = {});
    void prepareRepository(); // os type, set type, module 1 with an artifact, set 1

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Flotilla::Server> m_server;
    std::unique_ptr<HttpClient> m_client;
    QString m_base;
};

inline HttpClient &ManagementFixture::as(const QByteArray &user)
{
    const QByteArray credentials = user + ':' + user + "-password";
    m_client->setAuthorization(user.isEmpty() ? QByteArray() : "Basic " + credentials.toBase64());
    return *m_client;
}

inline HttpAnswer ManagementFixture::upload(const QByteArray &user, qint64 moduleId, const QByteArray &content,
                                            const QList<std::pair<QByteArray, QByteArray>> &fields,
                                            const QString &query)
{
    // A multipart body as curl -F builds it.
    const QByteArray boundary = "----flotilla-test-boundary";
    QByteArray body;
    for (const auto &[name, value] : fields)
        body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    if (!content.isNull())
        body += "--" + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"image.swu\"\r\n"
              "Content-Type: application/octet-stream\r\n\r\n"
            + content + "\r\n";
    body += "--" + boundary + "--\r\n";
    return as(user).send("POST", u"/softwaremodules/%1/artifacts"_s.arg(moduleId) + query, body,
                         { { "Content-Type", "multipart/form-data; boundary=" + boundary } });
}

inline void ManagementFixture::prepareRepository()
{
    HttpClient &admin = as("admin");
    QCOMPARE(admin.post(u"/softwaremoduletypes"_s, R"([{"key":"os","name":"OS"}])").status, 201);
    QCOMPARE(
        admin.post(u"/distributionsettypes"_s, R"([{"key":"os_set","name":"OS","mandatorymodules":[{"key":"os"}]}])")
            .status,
        201);
    QCOMPARE(admin.post(u"/softwaremodules"_s, R"([{"type":"os","name":"linux","version":"6.1"}])").status, 201);
    QCOMPARE(upload("admin", 1, "kernel image", {}).status, 201);
    QCOMPARE(admin.post(u"/distributionsets"_s, R"([{"name":"fw","version":"1","type":"os_set","modules":[{"id":1}]}])")
                 .status,
             201);
}

} // namespace FlotillaTest
