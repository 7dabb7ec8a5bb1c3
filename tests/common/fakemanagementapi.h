#pragma once

// A Management API in memory, for console models tested without a server: install it as an ApiClient's transport
// (ApiClient::setTransport); every request is answered from the routes a test gave (method and path below
// /rest/v1, the query and body passed to the handler), asynchronously as the network would, and unknown routes
// get hawkBit's 404 error body. Requests are recorded, so a test can also assert how many a model made.
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <QUrlQuery>

#include <functional>

namespace FlotillaTest {

struct FakeAnswer
{
    int status = 200;
    QJsonDocument body;
};

class FakeReply : public QNetworkReply
{
public:
    FakeReply(QNetworkAccessManager::Operation op, const QNetworkRequest &request, const FakeAnswer &answer,
              QObject *parent)
        : QNetworkReply(parent)
        , m_data(answer.body.isNull() ? QByteArray() : answer.body.toJson(QJsonDocument::Compact))
    {
        setRequest(request);
        setUrl(request.url());
        setOperation(op);
        setAttribute(QNetworkRequest::HttpStatusCodeAttribute, answer.status);
        if (answer.status >= 400)
            setError(QNetworkReply::ContentNotFoundError, QStringLiteral("HTTP %1").arg(answer.status));
        open(QIODevice::ReadOnly);
        // As the network would: the answer arrives later, never inside the call that asked.
        QTimer::singleShot(0, this, [this] {
            setFinished(true);
            Q_EMIT readyRead();
            Q_EMIT finished();
        });
    }
    void abort() override { }
    qint64 bytesAvailable() const override { return m_data.size() - m_offset + QIODevice::bytesAvailable(); }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 n = std::min<qint64>(maxSize, m_data.size() - m_offset);
        std::memcpy(data, m_data.constData() + m_offset, size_t(n));
        m_offset += n;
        return n;
    }

private:
    QByteArray m_data;
    qint64 m_offset = 0;
};

class FakeManagementApi : public QNetworkAccessManager
{
public:
    using Handler = std::function<FakeAnswer(const QUrlQuery &query, const QByteArray &body)>;

    // method: "GET", "POST", "PUT", "DELETE"; path below /rest/v1, e.g. "/overview/errors".
    void on(const QByteArray &method, const QString &path, Handler handler)
    {
        m_routes.insert({ method, path }, std::move(handler));
    }
    // How many requests reached path (any method, any query) so far.
    int requestsTo(const QString &path) const { return m_counts.value(path); }

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request, QIODevice *outgoingData) override
    {
        static const QHash<Operation, QByteArray> verbs = {
            { GetOperation, "GET" }, { PostOperation, "POST" }, { PutOperation, "PUT" }, { DeleteOperation, "DELETE" }
        };
        QByteArray method = verbs.value(op);
        if (op == CustomOperation)
            method = request.attribute(QNetworkRequest::CustomVerbAttribute).toByteArray();
        QString path = request.url().path();
        if (path.startsWith(QStringLiteral("/rest/v1")))
            path = path.mid(8);
        ++m_counts[path];
        const QByteArray body = outgoingData ? outgoingData->readAll() : QByteArray();
        const auto handler = m_routes.constFind({ method, path });
        FakeAnswer answer;
        if (handler == m_routes.cend()) {
            answer = { 404,
                       QJsonDocument(QJsonObject {
                           { QStringLiteral("errorCode"), QStringLiteral("hawkbit.server.error.notFound") },
                           { QStringLiteral("message"), QString(QStringLiteral("no route ") + path) } }) };
        } else {
            answer = (*handler)(QUrlQuery(request.url()), body);
        }
        return new FakeReply(op, request, answer, this);
    }

private:
    QHash<std::pair<QByteArray, QString>, Handler> m_routes;
    QHash<QString, int> m_counts;
};

} // namespace FlotillaTest
