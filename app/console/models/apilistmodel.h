#pragma once

#include "app/console/models/jsonlistmodel.h"

#include <QTimer>
#include <QUrlQuery>

namespace Flotilla {

class ServerConnection;

// A JsonListModel filled from one Management API list (its "content"), reloaded on demand and, debounced, on
// the events a subclass cares about. Answers to an earlier source are dropped. With setFetchAll(pageSize) it
// walks every page (offset/limit up to the answer's "total") and shows them together once all are in.
class ApiListModel : public JsonListModel
{
    Q_OBJECT
public:
    explicit ApiListModel(ServerConnection &connection, QObject *parent = nullptr);

    // An empty path shows nothing.
    void setSource(const QString &path, const QUrlQuery &query = {});
    void setFetchAll(int pageSize) { m_pageSize = pageSize; }
    QString source() const { return m_path; }
    void reload();
    // Reload soon: many events in a burst cost one request.
    void scheduleReload() { m_reload.start(); }
    // How long scheduleReload() waits for more events (200 ms unless set).
    void setReloadDelay(int ms) { m_reload.setInterval(ms); }
    bool isLoading() const { return m_loading; }

Q_SIGNALS:
    void loaded();
    void loadFailed(const QString &message);

protected:
    ServerConnection &connection() { return m_connection; }
    // Called for every event; schedule a reload or update rows in place.
    virtual void onEvent(const QString &type, const QJsonObject &data);
    // A chance to reshape the answer's rows before they are shown.
    virtual QList<QJsonObject> rowsFrom(const QJsonDocument &body) const;
    // What is wrong with an answer's rows, or empty when they can be shown (then the load fails with it).
    virtual QString unreadable(const QList<QJsonObject> &rows) const;

private:
    void requestFrom(quint64 generation, int offset);

    ServerConnection &m_connection;
    QString m_path;
    QUrlQuery m_query;
    quint64 m_generation = 0;
    bool m_loading = false;
    int m_pageSize = 0; // 0: one request, as the source asks
    QList<QJsonObject> m_incoming; // pages in so far
    QTimer m_reload;
};

} // namespace Flotilla
