#include "proto/http/segmentdevice.h"

namespace Flotilla {

SegmentDevice::SegmentDevice(const QString &filePath, QObject *parent)
    : QIODevice(parent)
    , m_file(filePath)
{ }

void SegmentDevice::appendBytes(const QByteArray &bytes)
{
    m_segments.append({ m_size, bytes.size(), bytes, -1 });
    m_size += bytes.size();
}

void SegmentDevice::appendFileRange(qint64 offset, qint64 length)
{
    m_segments.append({ m_size, length, {}, offset });
    m_size += length;
}

bool SegmentDevice::open(OpenMode mode)
{
    if ((mode & WriteOnly) || !m_file.open(QIODevice::ReadOnly)) {
        setErrorString(m_file.errorString());
        return false;
    }
    m_pos = 0;
    return QIODevice::open(mode | Unbuffered);
}

void SegmentDevice::close()
{
    m_file.close();
    QIODevice::close();
}

bool SegmentDevice::seek(qint64 pos)
{
    if (pos < 0 || pos > m_size)
        return false;
    m_pos = pos;
    return QIODevice::seek(pos);
}

bool SegmentDevice::atEnd() const
{
    return m_headOnly || m_pos >= m_size;
}

qint64 SegmentDevice::readData(char *data, qint64 maxSize)
{
    if (m_headOnly)
        return 0;
    qint64 done = 0;
    for (const Segment &s : std::as_const(m_segments)) {
        if (done == maxSize)
            break;
        if (m_pos >= s.start + s.length || m_pos < s.start)
            continue;
        const qint64 inSegment = m_pos - s.start;
        const qint64 n = std::min(maxSize - done, s.length - inSegment);
        if (s.fileOffset < 0) {
            std::memcpy(data + done, s.bytes.constData() + inSegment, size_t(n));
        } else {
            if (!m_file.seek(s.fileOffset + inSegment) || m_file.read(data + done, n) != n) {
                setErrorString(m_file.errorString());
                return done > 0 ? done : -1;
            }
        }
        done += n;
        m_pos += n;
    }
    if (done > 0 && m_readObserver)
        m_readObserver(done);
    return done;
}

} // namespace Flotilla
