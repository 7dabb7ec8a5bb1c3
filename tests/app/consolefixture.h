#pragma once

// An embedded server in a temporary directory, as the console runs it, plus a ServerConnection to it and a
// synchronous HttpClient for preparing data and for playing a device over DDI (gateway token "gw").
#include "app/console/serverconnection.h"
#include "backend/serverthread.h"
#include "tests/common/httpclient.h"

#include <QImage>
#include <QJsonArray>
#include <QPalette>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUrl>

#include <functional>

namespace FlotillaTest {

// A dark palette (Breeze Dark's colours), for screenshots and contrast checks in dark mode.
inline QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2a, 0x2e, 0x32));
    p.setColor(QPalette::WindowText, QColor(0xfc, 0xfc, 0xfc));
    p.setColor(QPalette::Base, QColor(0x1b, 0x1e, 0x20));
    p.setColor(QPalette::AlternateBase, QColor(0x23, 0x26, 0x29));
    p.setColor(QPalette::Text, QColor(0xfc, 0xfc, 0xfc));
    p.setColor(QPalette::Button, QColor(0x31, 0x36, 0x3b));
    p.setColor(QPalette::ButtonText, QColor(0xfc, 0xfc, 0xfc));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
    p.setColor(QPalette::HighlightedText, QColor(0xfc, 0xfc, 0xfc));
    p.setColor(QPalette::Mid, QColor(0x4d, 0x52, 0x57));
    p.setColor(QPalette::Midlight, QColor(0x3b, 0x40, 0x45));
    for (auto role : { QPalette::WindowText, QPalette::Text, QPalette::ButtonText })
        p.setColor(QPalette::Disabled, role, QColor(0x6e, 0x72, 0x76));
    return p;
}

// How many of a grid of samples (every 20 px) of a grabbed window are light: a dark-palette screenshot has few.
inline std::pair<int, int> lightSamples(const QImage &image)
{
    int light = 0, samples = 0;
    for (int y = 5; y < image.height(); y += 20)
        for (int x = 5; x < image.width(); x += 20, ++samples)
            light += QColor(image.pixel(x, y)).lightness() > 160;
    return { light, samples };
}

class EmbeddedServer
{
public:
    // tweak: changes to the configuration before the server is made (TLS, say).
    explicit EmbeddedServer(const std::function<void(Flotilla::ServerConfig &)> &tweak = {})
    {
        Flotilla::ServerConfig c;
        c.listenAddress = QHostAddress::LocalHost;
        c.listenPort = 0;
        c.database = QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("flotilla.db"));
        c.artifactDirectory = dir.filePath(QStringLiteral("artifacts"));
        c.initialAdminUser = QStringLiteral("console");
        c.initialAdminPassword = QStringLiteral("console-password");
        c.gatewayToken = QStringLiteral("gw");
        if (tweak)
            tweak(c);
        thread = std::make_unique<Flotilla::ServerThread>(c);
    }
    // Starts the server and connects `connection` to it; false when it did not start in time.
    bool start()
    {
        QSignalSpy started(thread.get(), &Flotilla::ServerThread::started);
        thread->start();
        if (!started.wait(15000))
            return false;
        url = started.first().at(0).toString();
        api = std::make_unique<HttpClient>(url + QStringLiteral("/rest/v1"));
        api->setAuthorization(authorization());
        return true;
    }
    void connect(Flotilla::ServerConnection &connection) const { connection.connectTo(login()); }
    Flotilla::ServerLogin login() const
    {
        return { QUrl(url), QStringLiteral("console"), QStringLiteral("console-password") };
    }
    QByteArray authorization() const { return login().authorization(); }
    quint16 port() const { return QUrl(url).port(); }

    // A device's base poll over DDI.
    HttpAnswer poll(const QString &controllerId) const { return ddi(controllerId)->get(QString()); }
    std::unique_ptr<HttpClient> ddi(const QString &controllerId) const
    {
        auto c = std::make_unique<HttpClient>(url + QStringLiteral("/DEFAULT/controller/v1/") + controllerId);
        c->setAuthorization("GatewayToken gw");
        return c;
    }

    // n targets "<prefix>000".. in one request.
    bool createTargets(const QString &prefix, int n, int width = 3) const
    {
        QByteArray body = "[";
        for (int i = 0; i < n; ++i) {
            if (i)
                body += ',';
            body += "{\"controllerId\":\""
                + (prefix + QStringLiteral("%1").arg(i, width, 10, QLatin1Char('0'))).toUtf8() + "\"}";
        }
        body += ']';
        return api->post(QStringLiteral("/targets"), body).status == 201;
    }
    // Module type "os", set type "fw" (os mandatory), one module and one set "firmware 1.0"; returns the set id.
    qint64 createSet(const QString &version = QStringLiteral("1.0")) const
    {
        api->post(QStringLiteral("/softwaremoduletypes"), R"([{"key":"os","name":"OS"}])");
        api->post(QStringLiteral("/distributionsettypes"),
                  R"([{"key":"fw","name":"Firmware","mandatorymodules":["os"]}])");
        const HttpAnswer m
            = api->post(QStringLiteral("/softwaremodules"),
                        "[{\"type\":\"os\",\"name\":\"linux\",\"version\":\"" + version.toUtf8() + "\"}]");
        const qint64 moduleId = m.jsonArray().at(0).toObject().value(QLatin1StringView("id")).toInteger();
        const HttpAnswer s
            = api->post(QStringLiteral("/distributionsets"),
                        "[{\"name\":\"firmware\",\"version\":\"" + version.toUtf8()
                            + "\",\"type\":\"fw\",\"modules\":[{\"id\":" + QByteArray::number(moduleId) + "}]}]");
        return s.jsonArray().at(0).toObject().value(QLatin1StringView("id")).toInteger();
    }

    // An artifact for the first module of a set (multipart upload, as an operator would); true when stored.
    bool uploadArtifact(qint64 setId, const QByteArray &content, const QByteArray &filename = "image.bin") const
    {
        const HttpAnswer set = api->get(QStringLiteral("/distributionsets/%1").arg(setId));
        const qint64 moduleId = set.json()
                                    .value(QLatin1StringView("modules"))
                                    .toArray()
                                    .at(0)
                                    .toObject()
                                    .value(QLatin1StringView("id"))
                                    .toInteger();
        const QByteArray boundary = "----flotilla-console-test";
        const QByteArray body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
            + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content + "\r\n--" + boundary
            + "--\r\n";
        return api->send("POST", QStringLiteral("/softwaremodules/%1/artifacts").arg(moduleId), body,
                         { { "Content-Type", "multipart/form-data; boundary=" + boundary } })
                   .status
            == 201;
    }

    QTemporaryDir dir;
    std::unique_ptr<Flotilla::ServerThread> thread;
    QString url;
    std::unique_ptr<HttpClient> api;
};

} // namespace FlotillaTest
