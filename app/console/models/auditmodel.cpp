#include "app/console/models/auditmodel.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace Flotilla {

namespace {
QString indented(const QJsonValue &v)
{
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Indented)).trimmed();
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Indented)).trimmed();
    return {};
}
} // namespace

AuditModel::AuditModel(ServerConnection &connection, QObject *parent)
    : WireListModel(connection, parent)
{ }

int AuditModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void AuditModel::onEvent(const QString &type, const QJsonObject &)
{
    // Every operator change shows up as some store change; device polls change nothing of the trail.
    if (type != u"poll"_s)
        scheduleReload();
}

QVariant AuditModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return ApiListModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case When:
        return tr("When");
    case Operator:
        return tr("Operator");
    case Address:
        return tr("From");
    case Change:
        return tr("Change");
    case Result:
    case ColumnCount:
        break;
    }
    return tr("Result");
}

QVariant AuditModel::cell(const Mgmt::MgmtAuditEntry &e, int column, int role) const
{
    if (role == Qt::ToolTipRole && column == Change)
        return changeText(e);
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(column)) {
    case When:
        return QLocale().toString(QDateTime::fromMSecsSinceEpoch(e.at).toLocalTime(), QLocale::ShortFormat);
    case Operator:
        return e.actor;
    case Address:
        return e.address;
    case Change:
        return QString(e.method + u' ' + e.path);
    case Result:
    case ColumnCount:
        break;
    }
    return e.status;
}

QString AuditModel::changeText(const Mgmt::MgmtAuditEntry &e)
{
    QStringList parts;
    if (const QString request = indented(e.request); !request.isEmpty())
        parts << tr("Asked:") + u'\n' + request;
    if (const QString before = indented(e.before); !before.isEmpty())
        parts << tr("Before:") + u'\n' + before;
    if (const QString after = indented(e.after); !after.isEmpty())
        parts << tr("After:") + u'\n' + after;
    return parts.join(u"\n\n"_s);
}

} // namespace Flotilla
