#include "app/console/models/consentactionmodel.h"
#include "app/console/statusstyle.h"
#include "proto/mgmt/mgmtevents.h"

#include <QDateTime>
#include <QLocale>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Flotilla {

ConsentActionModel::ConsentActionModel(ServerConnection &connection, QObject *parent)
    : WireListModel(connection, parent)
{
    apply();
}

int ConsentActionModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ConsentActionModel::query() const
{
    QString q = u"status==wait_for_confirmation"_s;
    if (!m_pattern.isEmpty()) {
        // RSQL quoting: the pattern as one quoted value ("*" stays a wildcard).
        QString value = m_pattern;
        value.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s);
        q += u";target.controllerId==\""_s + value + u'"';
    }
    if (m_setId)
        q += u";distributionSet.id=="_s + QString::number(m_setId);
    return q;
}

void ConsentActionModel::setFilter(const QString &targetPattern, qint64 setId)
{
    m_pattern = targetPattern.trimmed();
    m_setId = setId;
    apply();
}

void ConsentActionModel::apply()
{
    QUrlQuery q;
    q.addQueryItem(u"q"_s, QString::fromUtf8(QUrl::toPercentEncoding(query())));
    q.addQueryItem(u"sort"_s, u"createdAt:ASC"_s);
    q.addQueryItem(u"limit"_s, u"500"_s);
    setSource(u"/actions"_s, q);
}

void ConsentActionModel::setSetNames(const QHash<qint64, QString> &names)
{
    m_setNames = names;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, Set), index(rowCount() - 1, Set));
}

void ConsentActionModel::onEvent(const QString &type, const QJsonObject &)
{
    if (type == Mgmt::EventType::ActionCreated || type == Mgmt::EventType::ActionChanged)
        scheduleReload();
}

QVariant ConsentActionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return WireListModel::headerData(section, orientation, role);
    switch (section) {
    case Target:
        return tr("Target");
    case Set:
        return tr("Distribution set");
    case WaitingSince:
        return tr("Waiting since");
    case Type:
        return tr("Type");
    case Weight:
        return tr("Weight");
    }
    return {};
}

QVariant ConsentActionModel::cell(const Mgmt::MgmtAction &row, int column, int role) const
{
    const QString target = row.target.value_or(QString());
    if (role == ControllerIdRole)
        return target;
    const QDateTime created = QDateTime::fromMSecsSinceEpoch(row.createdAt.value_or(0));
    if (role == Qt::ToolTipRole && column == WaitingSince)
        return QLocale().toString(created, QLocale::LongFormat);
    if (role == Qt::DecorationRole && column == Target)
        return StatusStyle::actionIcon(u"wait_for_confirmation"_s);
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Target:
        return target;
    case Set:
        return m_setNames.value(row.distributionSetId, u"#%1"_s.arg(row.distributionSetId));
    case WaitingSince:
        return QString(QLocale().toString(created, QLocale::ShortFormat) + u" ("_s
                       + StatusStyle::relativeTime(created.toUTC()) + u')');
    case Type:
        return row.forceType; // hawkBit's name
    case Weight:
        return row.weight;
    }
    return {};
}

} // namespace Flotilla
