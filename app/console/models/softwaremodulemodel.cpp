#include "app/console/models/softwaremodulemodel.h"
#include "app/console/serverconnection.h"

#include <QJsonArray>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace Flotilla {

namespace {
// Internal ids: 0 for a module row, module position + 1 for an artifact row (its parent).
constexpr quintptr ModuleRow = 0;

qint64 idOf(const QJsonObject &o)
{
    return o.value("id"_L1).toInteger();
}
} // namespace

SoftwareModuleModel::SoftwareModuleModel(ServerConnection &connection, QObject *parent)
    : QAbstractItemModel(parent)
    , m_connection(connection)
{
    m_reload.setSingleShot(true);
    m_reload.setInterval(200);
    connect(&m_reload, &QTimer::timeout, this, &SoftwareModuleModel::reload);
    connect(&connection, &ServerConnection::event, this, [this](const QString &type) {
        if (type == u"repository.changed"_s || type == u"artifact.uploaded"_s)
            m_reload.start();
    });
    connect(&connection, &ServerConnection::resyncNeeded, this, &SoftwareModuleModel::reload);
    connect(&connection, &ServerConnection::serverChanged, this, [this] {
        setModules({});
        reload();
    });
}

void SoftwareModuleModel::reload()
{
    m_reload.stop();
    if (!m_connection.isOpen())
        return setModules({});
    const quint64 generation = ++m_generation;
    QUrlQuery q;
    q.addQueryItem(u"limit"_s, u"500"_s);
    ApiReply *reply = m_connection.api().get(u"/softwaremodules"_s, q);
    connect(reply, &ApiReply::finished, this, [this, generation](const QJsonDocument &body) {
        if (generation != m_generation)
            return;
        QList<QJsonObject> modules;
        for (const QJsonValue &v : body.object().value("content"_L1).toArray())
            modules.append(v.toObject());
        setModules(modules);
        Q_EMIT loaded();
    });
    connect(reply, &ApiReply::failed, this, [this, generation](int, const QString &message) {
        if (generation == m_generation)
            Q_EMIT loadFailed(message);
    });
}

void SoftwareModuleModel::setModules(const QList<QJsonObject> &modules)
{
    // Drop modules that are gone.
    QSet<qint64> wanted;
    for (const QJsonObject &m : modules)
        wanted.insert(idOf(m));
    for (int i = int(m_modules.size()) - 1; i >= 0; --i) {
        if (!wanted.contains(idOf(m_modules.at(i)))) {
            beginRemoveRows({}, i, i);
            m_modules.removeAt(i);
            endRemoveRows();
        }
    }
    // Update the ones that stay (children replaced), append new ones in the server's order.
    for (const QJsonObject &m : modules) {
        int row = -1;
        for (int i = 0; i < m_modules.size(); ++i) {
            if (idOf(m_modules.at(i)) == idOf(m)) {
                row = i;
                break;
            }
        }
        if (row < 0) {
            beginInsertRows({}, int(m_modules.size()), int(m_modules.size()));
            m_modules.append(m);
            endInsertRows();
            continue;
        }
        if (m_modules.at(row) == m)
            continue;
        const QModelIndex parent = index(row, 0);
        const int oldChildren = int(m_modules.at(row).value("artifacts"_L1).toArray().size());
        const int newChildren = int(m.value("artifacts"_L1).toArray().size());
        if (oldChildren > 0) {
            beginRemoveRows(parent, 0, oldChildren - 1);
            m_modules[row].remove("artifacts"_L1);
            endRemoveRows();
        }
        if (newChildren > 0) {
            beginInsertRows(parent, 0, newChildren - 1);
            m_modules[row] = m;
            endInsertRows();
        }
        m_modules[row] = m;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

QModelIndex SoftwareModuleModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, ModuleRow);
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex SoftwareModuleModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == ModuleRow)
        return {};
    return createIndex(int(child.internalId() - 1), 0, ModuleRow);
}

int SoftwareModuleModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_modules.size());
    if (parent.internalId() != ModuleRow || parent.column() != 0)
        return 0;
    return int(m_modules.at(parent.row()).value("artifacts"_L1).toArray().size());
}

int SoftwareModuleModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QModelIndex SoftwareModuleModel::indexOfModule(qint64 id) const
{
    for (int i = 0; i < m_modules.size(); ++i) {
        if (idOf(m_modules.at(i)) == id)
            return index(i, 0);
    }
    return {};
}

QVariant SoftwareModuleModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == ModuleRow) {
        const QJsonObject &m = m_modules.at(index.row());
        switch (role) {
        case IdRole:
        case ModuleIdRole:
            return idOf(m);
        case IsArtifactRole:
            return false;
        case Qt::ToolTipRole:
            return m.value("description"_L1).toString();
        case Qt::DisplayRole:
            switch (index.column()) {
            case Name:
                return m.value("name"_L1).toString();
            case Version:
                return m.value("version"_L1).toString();
            case Type:
                return m.value("type"_L1).toString();
            case Size:
                return tr("%n artifact(s)", nullptr, int(m.value("artifacts"_L1).toArray().size()));
            default:
                return {};
            }
        default:
            return {};
        }
    }
    const QJsonObject &m = m_modules.at(int(index.internalId() - 1));
    const QJsonObject a = m.value("artifacts"_L1).toArray().at(index.row()).toObject();
    const QJsonObject hashes = a.value("hashes"_L1).toObject();
    switch (role) {
    case IdRole:
        return idOf(a);
    case ModuleIdRole:
        return idOf(m);
    case IsArtifactRole:
        return true;
    case HashesRole:
        return hashes.toVariantMap();
    case Qt::ToolTipRole:
        return tr("SHA-256: %1\nSHA-1: %2\nMD5: %3")
            .arg(hashes.value("sha256"_L1).toString(), hashes.value("sha1"_L1).toString(),
                 hashes.value("md5"_L1).toString());
    case Qt::FontRole:
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case Name:
            return a.value("providedFilename"_L1).toString();
        case Size:
            return QLocale().formattedDataSize(a.value("size"_L1).toInteger());
        case Sha256:
            return hashes.value("sha256"_L1).toString();
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant SoftwareModuleModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Module / artifact");
    case Version:
        return tr("Version");
    case Type:
        return tr("Type");
    case Size:
        return tr("Size");
    case Sha256:
        return tr("SHA-256");
    }
    return {};
}

} // namespace Flotilla
