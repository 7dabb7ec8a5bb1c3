#pragma once

#include <QJsonDocument>
#include <QObject>
#include <QPointer>
#include <QSslError>

class QNetworkReply;

namespace Flotilla {

// One Management API request in flight. Exactly one of finished() or failed() is emitted, then the reply
// deletes itself. abort() cancels it (failed() with status 0 and "canceled"). An answer that is not JSON, a
// network error and a TLS error that was not accepted all end in failed(), with a message a person can read:
// the server's own errorCode/message when it sent one.
class ApiReply : public QObject
{
    Q_OBJECT
public:
    explicit ApiReply(QNetworkReply *reply, QObject *parent = nullptr);
    ~ApiReply() override;

    void abort();
    bool isFinished() const { return m_done; }
    bool wasCanceled() const { return m_canceled; }

Q_SIGNALS:
    void finished(const QJsonDocument &body);
    // status: the HTTP status, or 0 when there was none (network, TLS, canceled).
    void failed(int status, const QString &message);
    void progress(qint64 done, qint64 total);
    void sslErrors(const QList<QSslError> &errors);

private:
    void complete();

    QPointer<QNetworkReply> m_reply;
    bool m_done = false;
    bool m_canceled = false;
    QList<QSslError> m_sslErrors;
};

} // namespace Flotilla
