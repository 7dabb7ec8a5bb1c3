#pragma once

// A client connection of its own, kept alive, speaking HTTP/1.1 by hand, so that a test decides how many
// connections there are (a server with several HTTP threads spreads connections, not requests, over them); and
// requests sent over many such connections at once.
#include "tests/common/httpclient.h"

#include <QHostAddress>
#include <QTcpSocket>
#include <QTest>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace FlotillaTest {

// Waiting runs the event loop (a server in the test's process goes on serving).
class RawHttpConnection
{
public:
    explicit RawHttpConnection(quint16 port) { m_socket.connectToHost(QHostAddress::LocalHost, port); }
    bool connected()
    {
        return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::ConnectedState; }, 5000);
    }
    void send(const QByteArray &verb, const QString &path, const QByteArray &authorization = {},
              const QByteArray &body = {})
    {
        m_answer = {};
        m_buffer.clear();
        QByteArray request = verb + ' ' + path.toUtf8() + " HTTP/1.1\r\nHost: localhost\r\n";
        if (!authorization.isEmpty())
            request += "Authorization: " + authorization + "\r\n";
        if (!body.isEmpty() || verb == "POST" || verb == "PUT")
            request += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
        m_socket.write(request + "\r\n" + body);
    }
    // The answer to what was sent (status 0 when none came in time).
    HttpAnswer answer()
    {
        if (!QTest::qWaitFor([this] { return parse(); }, 15000))
            return {};
        return m_answer;
    }
    HttpAnswer request(const QByteArray &verb, const QString &path, const QByteArray &authorization = {},
                       const QByteArray &body = {})
    {
        send(verb, path, authorization, body);
        return answer();
    }
    // An answer that came without a request (a refused connection); nullopt while there is none.
    std::optional<HttpAnswer> unasked() { return parse() ? std::optional(m_answer) : std::nullopt; }

private:
    bool parse()
    {
        m_buffer += m_socket.readAll();
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        const QList<QByteArray> lines = m_buffer.left(end).split('\n');
        qsizetype length = 0;
        for (const QByteArray &line : lines.mid(1)) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().compare("content-length", Qt::CaseInsensitive) == 0)
                length = line.mid(colon + 1).trimmed().toLongLong();
        }
        if (m_buffer.size() < end + 4 + length)
            return false;
        m_answer.status = lines.value(0).split(' ').value(1).toInt();
        m_answer.body = m_buffer.mid(end + 4, length);
        return true;
    }
    QTcpSocket m_socket;
    QByteArray m_buffer;
    HttpAnswer m_answer;
};

// Every connection sends its request, then every answer is awaited: the requests run at once on the threads.
inline QList<HttpAnswer> atOnce(const std::vector<std::unique_ptr<RawHttpConnection>> &connections,
                                const QByteArray &verb, const std::function<QString(int)> &path,
                                const QByteArray &authorization, const std::function<QByteArray(int)> &body = {})
{
    for (size_t i = 0; i < connections.size(); ++i)
        connections[i]->send(verb, path(int(i)), authorization, body ? body(int(i)) : QByteArray());
    QList<HttpAnswer> answers;
    for (const auto &c : connections)
        answers.append(c->answer());
    return answers;
}

inline QList<int> statuses(const QList<HttpAnswer> &answers)
{
    QList<int> out;
    for (const HttpAnswer &a : answers)
        out.append(a.status);
    return out;
}

} // namespace FlotillaTest
