#pragma once

// A WebSocket client of a server's event stream (GET /rest/v1/events) as the tests read it: the number of every
// event after the hello, every event, and the target.created events as (seq, target id, controllerId).
#include "backend/server.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QTest>
#include <QWebSocket>

namespace FlotillaTest {

class EventStreamClient
{
public:
    struct Created
    {
        qint64 seq = 0;
        qint64 id = 0;
        QString controllerId;
        bool operator==(const Created &) const = default;
    };

    // query: "?since=<seq>" to replay.
    EventStreamClient(const Flotilla::Server &server, const QByteArray &authorization, const QString &query = {})
        : EventStreamClient(server.url(), authorization, query)
    { }
    // serverUrl: "http://host:port" of any server (a flotillad process).
    EventStreamClient(const QString &serverUrl, const QByteArray &authorization, const QString &query = {})
    {
        using namespace Qt::StringLiterals;
        QString url = serverUrl + u"/rest/v1/events"_s + query;
        url.replace(0, 4, u"ws"_s);
        QNetworkRequest request { QUrl(url) };
        request.setRawHeader("Authorization", authorization);
        QObject::connect(&m_socket, &QWebSocket::textMessageReceived, &m_socket, [this](const QString &text) {
            const QJsonObject e = QJsonDocument::fromJson(text.toUtf8()).object();
            const QString type = e.value("type"_L1).toString();
            if (type == u"hello"_s)
                return;
            sequences.append(e.value("seq"_L1).toInteger());
            events.append(e);
            if (type == u"target.created"_s)
                created.append({ e.value("seq"_L1).toInteger(), e.value("data"_L1)["id"_L1].toInteger(),
                                 e.value("data"_L1)["controllerId"_L1].toString() });
        });
        m_socket.open(request);
    }
    bool connected()
    {
        return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::ConnectedState; });
    }

    QList<Created> created;
    QList<qint64> sequences; // of every event after the hello
    QList<QJsonObject> events; // every event after the hello: {seq, type, data}

private:
    QWebSocket m_socket;
};

} // namespace FlotillaTest
