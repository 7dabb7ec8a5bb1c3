#include "client/apireply.h"
#include "client/clientlogging.h"

#include <QJsonObject>
#include <QNetworkReply>

using namespace Qt::StringLiterals;

namespace Flotilla {

ApiReply::ApiReply(QNetworkReply *reply, QObject *parent)
    : QObject(parent)
    , m_reply(reply)
{
    reply->setParent(this);
    connect(reply, &QNetworkReply::finished, this, &ApiReply::complete);
    connect(reply, &QNetworkReply::uploadProgress, this, &ApiReply::progress);
    connect(reply, &QNetworkReply::downloadProgress, this, [this](qint64 done, qint64 total) {
        // An upload reports through uploadProgress; only a plain download reports here.
        if (m_reply && m_reply->operation() == QNetworkAccessManager::GetOperation)
            Q_EMIT progress(done, total);
    });
    connect(reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        m_sslErrors = errors;
        Q_EMIT sslErrors(errors);
    });
}

ApiReply::~ApiReply() = default;

void ApiReply::abort()
{
    if (m_done || !m_reply)
        return;
    m_canceled = true;
    m_reply->abort(); // finished() follows synchronously
}

void ApiReply::complete()
{
    if (m_done)
        return;
    m_done = true;
    QNetworkReply *reply = m_reply;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray bytes = reply->readAll();
    QJsonParseError parseError {};
    const QJsonDocument body = bytes.isEmpty() ? QJsonDocument() : QJsonDocument::fromJson(bytes, &parseError);

    if (m_canceled) {
        Q_EMIT failed(0, tr("Canceled"));
    } else if (!m_sslErrors.isEmpty() && reply->error() != QNetworkReply::NoError) {
        QStringList why;
        for (const QSslError &e : std::as_const(m_sslErrors))
            why << e.errorString();
        Q_EMIT failed(0, tr("The server's certificate is not trusted: %1").arg(why.join(u"; "_s)));
    } else if (status >= 400 || (status == 0 && reply->error() != QNetworkReply::NoError)) {
        QString message = body.object().value("message"_L1).toString();
        if (message.isEmpty())
            message = status ? tr("HTTP %1 %2")
                                   .arg(status)
                                   .arg(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString())
                             : reply->errorString();
        qCDebug(lcClient).noquote() << reply->operation() << reply->url().path() << status << message;
        Q_EMIT failed(status, message);
    } else if (!bytes.isEmpty() && parseError.error != QJsonParseError::NoError) {
        Q_EMIT failed(status, tr("The server's answer is not JSON: %1").arg(parseError.errorString()));
    } else {
        Q_EMIT finished(body);
    }
    deleteLater();
}

} // namespace Flotilla
