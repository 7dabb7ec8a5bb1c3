#pragma once

// The A/B firmware images of the reference Update Manager, in a directory:
//   <slot-dir>/<component id>/a/image, a/version    one slot
//   <slot-dir>/<component id>/b/image, b/version    the other
//   <slot-dir>/<component id>/boot                  the slot the device boots ("a" when missing)
// Staging writes the inactive slot; switching the boot pointer is the revertible step; committing drops the
// old slot. Every write is atomic (QSaveFile), so a power cut leaves the old or the new pointer, never a mix.
#include <QByteArray>
#include <QString>

#include <functional>

namespace Flotilla::Um {

class FirmwareSlots
{
public:
    explicit FirmwareSlots(QString directory);

    QString directory() const { return m_dir; }
    static QString other(const QString &slot)
    {
        return slot == QLatin1String("a") ? QStringLiteral("b") : QStringLiteral("a");
    }
    QString bootSlot(const QString &component) const;
    // The version in a slot ("" when the slot is empty).
    QString version(const QString &component, const QString &slot) const;
    QString activeVersion(const QString &component) const { return version(component, bootSlot(component)); }

    // Copies `source` into the component's inactive slot, checking size and SHA-256 on the way (blocking:
    // run it off the event loop). An empty string on success, else what went wrong.
    QString stage(const QString &component, const QString &source, const QByteArray &sha256, quint64 size,
                  const QString &version) const;
    // Points the boot pointer at `slot`.
    bool setBootSlot(const QString &component, const QString &slot, QString *error) const;
    // Empties a slot (after a commit: the old one; after a revert: the staged one).
    void clear(const QString &component, const QString &slot) const;

private:
    QString path(const QString &component, const QString &name) const;
    QString m_dir;
};

} // namespace Flotilla::Um
