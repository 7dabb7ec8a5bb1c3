#include "app/console/models/softwaremodulemodel.h"
#include "app/console/serverconnection.h"

#include <QJsonArray>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace Flotilla {

namespace {
// Internal ids: 0 for a module row, module position + 1 for an artifact row (its parent).
constexpr quintptr ModuleRow = 0;

// A module's artifacts (none when the answer left them out).
const QList<Mgmt::MgmtArtifact> &artifactsOf(const Mgmt::MgmtSoftwareModule &m)
{
    static const QList<Mgmt::MgmtArtifact> none;
    return m.artifacts ? *m.artifacts : none;
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
        if (type == Mgmt::EventType::RepositoryChanged || type == Mgmt::EventType::ArtifactUploaded)
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
        Mgmt::DecodeError error;
        const auto page = Mgmt::decodePage<Mgmt::MgmtSoftwareModule>(body.object(), &error);
        if (!page)
            return Q_EMIT loadFailed(
                tr("The server sent a list of software modules the console cannot read: %1").arg(error.message));
        setModules(page->content);
        Q_EMIT loaded();
    });
    connect(reply, &ApiReply::failed, this, [this, generation](int, const QString &message) {
        if (generation == m_generation)
            Q_EMIT loadFailed(message);
    });
}

void SoftwareModuleModel::setModules(const QList<Mgmt::MgmtSoftwareModule> &modules)
{
    // Drop modules that are gone.
    QSet<qint64> wanted;
    for (const Mgmt::MgmtSoftwareModule &m : modules)
        wanted.insert(m.id);
    for (int i = int(m_modules.size()) - 1; i >= 0; --i) {
        if (!wanted.contains(m_modules.at(i).id)) {
            beginRemoveRows({}, i, i);
            m_modules.removeAt(i);
            endRemoveRows();
        }
    }
    // Update the ones that stay (children replaced), append new ones in the server's order.
    for (const Mgmt::MgmtSoftwareModule &m : modules) {
        int row = -1;
        for (int i = 0; i < m_modules.size(); ++i) {
            if (m_modules.at(i).id == m.id) {
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
        const int oldChildren = int(artifactsOf(m_modules.at(row)).size());
        const int newChildren = int(artifactsOf(m).size());
        if (oldChildren > 0) {
            beginRemoveRows(parent, 0, oldChildren - 1);
            m_modules[row].artifacts.reset();
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
    return int(artifactsOf(m_modules.at(parent.row())).size());
}

int SoftwareModuleModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QModelIndex SoftwareModuleModel::indexOfModule(qint64 id) const
{
    for (int i = 0; i < m_modules.size(); ++i) {
        if (m_modules.at(i).id == id)
            return index(i, 0);
    }
    return {};
}

QVariant SoftwareModuleModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == ModuleRow) {
        const Mgmt::MgmtSoftwareModule &m = m_modules.at(index.row());
        switch (role) {
        case IdRole:
        case ModuleIdRole:
            return m.id;
        case IsArtifactRole:
            return false;
        case Qt::ToolTipRole:
            return m.description;
        case Qt::DisplayRole:
            switch (index.column()) {
            case Name:
                return m.name;
            case Version:
                return m.version;
            case Type:
                return m.type;
            case Size:
                return tr("%n artifact(s)", nullptr, int(artifactsOf(m).size()));
            default:
                return {};
            }
        default:
            return {};
        }
    }
    const Mgmt::MgmtSoftwareModule &m = m_modules.at(int(index.internalId() - 1));
    const Mgmt::MgmtArtifact &a = artifactsOf(m).at(index.row());
    switch (role) {
    case IdRole:
        return a.id;
    case ModuleIdRole:
        return m.id;
    case IsArtifactRole:
        return true;
    case HashesRole:
        return QVariantMap { { u"sha256"_s, a.sha256 }, { u"sha1"_s, a.sha1 }, { u"md5"_s, a.md5 } };
    case Qt::ToolTipRole:
        return tr("SHA-256: %1\nSHA-1: %2\nMD5: %3").arg(a.sha256, a.sha1, a.md5);
    case Qt::FontRole:
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case Name:
            return a.providedFilename;
        case Size:
            return QLocale().formattedDataSize(a.size);
        case Sha256:
            return a.sha256;
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
