#pragma once

#include <QIdentityProxyModel>
#include <QQmlEngine>

namespace Flotilla {

// One action's status history as a track in time: a proxy over a list model with roles atMs, status, messages
// and code. Adds where each entry lies on the track (0..1 between the first and the last entry, or "now" while
// the action is open) and how long the device was silent before it, when that is longer than silentAfterMs.
class ActionTrackModel : public QIdentityProxyModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QAbstractItemModel *history READ sourceModel WRITE setHistory NOTIFY historyChanged)
    Q_PROPERTY(qreal silentAfterMs READ silentAfterMs WRITE setSilentAfterMs NOTIFY silentAfterMsChanged)
    Q_PROPERTY(qreal endMs READ endMs WRITE setEndMs NOTIFY trackChanged) // where the track ends (default last)
    Q_PROPERTY(qreal firstMs READ firstMs NOTIFY trackChanged)
    Q_PROPERTY(qreal lastMs READ lastMs NOTIFY trackChanged)
    Q_PROPERTY(int silences READ silences NOTIFY trackChanged)
public:
    enum Role {
        AtRole = Qt::UserRole + 600,
        StatusRole,
        MessagesRole,
        CodeRole,
        PositionRole, // 0..1 on the track
        SilentBeforeRole, // ms of silence before this entry (0: none worth showing)
    };
    explicit ActionTrackModel(QObject *parent = nullptr);

    void setHistory(QAbstractItemModel *history);
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    qreal silentAfterMs() const { return m_silentAfter; }
    void setSilentAfterMs(qreal ms);
    qreal endMs() const { return m_end >= 0 ? m_end : m_last; }
    void setEndMs(qreal ms);
    qreal firstMs() const { return m_first; }
    qreal lastMs() const { return m_last; }
    int silences() const;

Q_SIGNALS:
    void historyChanged();
    void silentAfterMsChanged();
    void trackChanged();

private:
    void recompute();
    qint64 timeOf(int row) const;

    QHash<QByteArray, int> m_sourceRoles;
    QList<qint64> m_sortedTimes;
    qreal m_first = 0;
    qreal m_last = 0;
    qreal m_end = -1;
    qreal m_silentAfter = 15 * 60 * 1000;
    bool m_recomputing = false;
};

} // namespace Flotilla
