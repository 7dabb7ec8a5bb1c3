#pragma once

// Fetches a component image from an http(s) URL (the agent's image server) into a file, resuming with a
// Range request after a dropped connection (up to five attempts). Verification is the stage's job.
#include <QFile>
#include <QObject>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace Flotilla::Um {

class ImageDownloader : public QObject
{
    Q_OBJECT
public:
    ImageDownloader(QNetworkAccessManager *network, QUrl url, QString path, qint64 size, QObject *parent = nullptr);
    void start();

Q_SIGNALS:
    // error empty: the file holds `size` bytes.
    void finished(const QString &error);

private:
    void request();
    void consume();
    void done();

    QNetworkAccessManager *m_network;
    QUrl m_url;
    QFile m_file;
    qint64 m_size;
    int m_attempts = 0;
    bool m_restarted = false; // this attempt's first bytes have been placed
    QNetworkReply *m_reply = nullptr;
};

} // namespace Flotilla::Um
