#pragma once

#include <QFile>
#include <QIODevice>
#include <QList>

#include <functional>

namespace Flotilla {

// A read-only, random-access device made of pieces: literal bytes and ranges of one file. It streams a file,
// a byte range of it, or a multipart/byteranges body from disk with a fixed buffer, so answering a download
// costs the same memory whatever the file's size. size() is known up front (Content-Length).
class SegmentDevice final : public QIODevice
{
    Q_OBJECT
public:
    explicit SegmentDevice(const QString &filePath, QObject *parent = nullptr);

    void appendBytes(const QByteArray &bytes);
    void appendFileRange(qint64 offset, qint64 length);

    // For HEAD: the device reports its full size but has nothing to read.
    void setHeadOnly(bool headOnly) { m_headOnly = headOnly; }
    // Called with the number of bytes of each read that returned some (a server's download byte counter).
    void setReadObserver(std::function<void(qint64)> observer) { m_readObserver = std::move(observer); }

    bool open(OpenMode mode) override;
    void close() override;
    bool isSequential() const override { return false; }
    qint64 size() const override { return m_size; }
    bool seek(qint64 pos) override;
    bool atEnd() const override;

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    struct Segment
    {
        qint64 start = 0; // position in this device
        qint64 length = 0;
        QByteArray bytes; // literal bytes, or
        qint64 fileOffset = -1; // a range of the file
    };
    QFile m_file;
    QList<Segment> m_segments;
    qint64 m_size = 0;
    qint64 m_pos = 0;
    bool m_headOnly = false;
    std::function<void(qint64)> m_readObserver;
};

} // namespace Flotilla
