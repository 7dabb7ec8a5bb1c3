#include "app/um/firmwareslots.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace Flotilla::Um {

namespace {

bool writeAtomically(const QString &path, const QByteArray &content, QString *error)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size() || !f.commit()) {
        if (error)
            *error = u"%1: %2"_s.arg(path, f.errorString());
        return false;
    }
    return true;
}

} // namespace

FirmwareSlots::FirmwareSlots(QString directory)
    : m_dir(std::move(directory))
{ }

QString FirmwareSlots::path(const QString &component, const QString &name) const
{
    return m_dir + u'/' + component + u'/' + name;
}

QString FirmwareSlots::bootSlot(const QString &component) const
{
    QFile f(path(component, u"boot"_s));
    if (!f.open(QIODevice::ReadOnly))
        return u"a"_s;
    return QString::fromUtf8(f.readAll()).trimmed() == "b"_L1 ? u"b"_s : u"a"_s;
}

QString FirmwareSlots::version(const QString &component, const QString &slot) const
{
    QFile f(path(component, slot + u"/version"_s));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll()).trimmed();
}

QString FirmwareSlots::stage(const QString &component, const QString &source, const QByteArray &sha256, quint64 size,
                             const QString &version) const
{
    const QString slot = other(bootSlot(component));
    const QString dir = path(component, slot);
    if (!QDir().mkpath(dir))
        return u"cannot create %1"_s.arg(dir);
    clear(component, slot);
    QFile in(source);
    if (!in.open(QIODevice::ReadOnly))
        return u"component %1: cannot read the image %2: %3"_s.arg(component, source, in.errorString());
    QSaveFile out(dir + u"/image"_s);
    if (!out.open(QIODevice::WriteOnly))
        return u"component %1: cannot write %2: %3"_s.arg(component, out.fileName(), out.errorString());
    QCryptographicHash hash(QCryptographicHash::Sha256);
    quint64 total = 0;
    QByteArray buffer;
    while (!(buffer = in.read(1 << 20)).isEmpty()) {
        total += quint64(buffer.size());
        if (total > size)
            break;
        hash.addData(buffer);
        if (out.write(buffer) != buffer.size())
            return u"component %1: writing the inactive slot failed: %2"_s.arg(component, out.errorString());
    }
    if (total != size) {
        out.cancelWriting();
        return u"component %1: the image has %2 bytes where %3 were announced"_s.arg(component).arg(total).arg(size);
    }
    if (hash.result() != sha256) {
        out.cancelWriting();
        return u"component %1: SHA-256 mismatch (image %2, announced %3)"_s.arg(
            component, QString::fromLatin1(hash.result().toHex()), QString::fromLatin1(sha256.toHex()));
    }
    if (!out.commit())
        return u"component %1: writing the inactive slot failed: %2"_s.arg(component, out.errorString());
    QString error;
    if (!writeAtomically(dir + u"/version"_s, version.toUtf8(), &error))
        return error;
    return {};
}

bool FirmwareSlots::setBootSlot(const QString &component, const QString &slot, QString *error) const
{
    QDir().mkpath(m_dir + u'/' + component);
    return writeAtomically(path(component, u"boot"_s), slot.toUtf8(), error);
}

void FirmwareSlots::clear(const QString &component, const QString &slot) const
{
    QFile::remove(path(component, slot + u"/image"_s));
    QFile::remove(path(component, slot + u"/version"_s));
}

} // namespace Flotilla::Um
