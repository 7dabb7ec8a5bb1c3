#pragma once

// Downloads the artifacts of an action into the download directory and verifies them (size, then the SHA-256,
// or SHA-1/MD5 when the server gives no SHA-256 or downloads/verifyAllHashes is set) before anything else sees
// them. A file is <sha256>.part while it grows
// and <sha256> (or the sha1/md5 when there is no sha256) once verified, so a file already downloaded - by a
// download-only action, or before a restart - is not fetched again. A dropped connection or a restart resumes
// with an HTTP Range request; a server that ignores the range gets the whole file again.
#include "agent/ddi/artifacthasher.h"
#include "agent/ddi/ddiclient.h"
#include "agent/handlers/stephandler.h"

#include <QElapsedTimer>
#include <QFile>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace Flotilla::Agent {

class ArtifactDownloader : public QObject
{
    Q_OBJECT
public:
    struct Request
    {
        Flotilla::Ddi::Artifact artifact;
        QString chunkLabel; // for messages: "os \"fw\" 1.0"
    };

    ArtifactDownloader(DdiClient &client, const AgentConfig &config, QObject *parent = nullptr);
    // A transfer still running is aborted (its .part stays for a later resume).
    ~ArtifactDownloader() override;

    // Checks every artifact first (links to allowed hosts, a hash, a sane size, free space), then downloads
    // them one after another. Ends with finished().
    void start(const QList<Request> &requests);
    void cancel();
    bool isRunning() const { return m_running; }
    // The verified file of an artifact, whether or not this downloader fetched it.
    QString finalPath(const Flotilla::Ddi::Artifact &artifact) const;

Q_SIGNALS:
    void progress(qint64 done, qint64 total);
    // Success: every artifact is at finalPath(), verified.
    void finished(const Flotilla::Agent::StepResult &result);

private:
    void next();
    void request();
    void readData();
    void replyFinished();
    void retryLater(const QString &why);
    void fail(const QString &message);
    void stopTransfer();
    bool verify(QString *problem);
    void resetHashes();
    bool hashExisting(qint64 length);

    DdiClient &m_client;
    const AgentConfig &m_config;
    QList<Request> m_requests;
    int m_index = -1;
    bool m_running = false;
    QUrl m_url;
    QFile m_file;
    qint64 m_offset = 0; // bytes in the .part file
    qint64 m_requestStart = 0;
    qint64 m_syncedUpTo = 0; // write-back started up to here
    qint64 m_total = 0;
    qint64 m_doneBytes = 0; // of finished artifacts
    std::unique_ptr<ArtifactHasher> m_hasher;
    QPointer<QNetworkReply> m_reply;
    bool m_replyChecked = false;
    bool m_finishing = false;
    QString m_replyProblem;
    int m_failures = 0; // consecutive attempts without progress
    QTimer m_retry;
};

} // namespace Flotilla::Agent
