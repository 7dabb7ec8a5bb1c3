#include "app/console/models/rolloutforecastmodel.h"

#include <QDateTime>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace Flotilla {

RolloutForecastModel::RolloutForecastModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void RolloutForecastModel::setForecast(const QJsonObject &forecast)
{
    beginResetModel();
    m_forecast = forecast;
    m_groups = forecast.value("groups"_L1).toArray();
    endResetModel();
}

void RolloutForecastModel::clear()
{
    setForecast({});
}

QString RolloutForecastModel::durationText(qint64 secs)
{
    if (secs < 60)
        return tr("%n s", nullptr, int(std::max<qint64>(0, secs)));
    const qint64 minutes = (secs + 30) / 60;
    if (minutes < 60)
        return tr("%n min", nullptr, int(minutes));
    const qint64 hours = minutes / 60;
    if (hours < 48)
        return minutes % 60 ? tr("%1 h %2 min").arg(hours).arg(minutes % 60) : tr("%n h", nullptr, int(hours));
    return hours % 24 ? tr("%1 d %2 h").arg(hours / 24).arg(hours % 24) : tr("%n d", nullptr, int(hours / 24));
}

qint64 RolloutForecastModel::secondsAfterStart(const QJsonValue &ms) const
{
    return (ms.toInteger() - m_forecast.value("start"_L1).toInteger()) / 1000;
}

QString RolloutForecastModel::offsetText(const QJsonValue &ms) const
{
    if (!ms.isDouble())
        return tr("not within 7 days");
    const qint64 secs = secondsAfterStart(ms);
    return secs <= 0 ? tr("at once") : tr("after %1").arg(durationText(secs));
}

QString RolloutForecastModel::verdict() const
{
    if (m_forecast.isEmpty())
        return {};
    const QString status = m_forecast.value("status"_L1).toString();
    const QJsonValue end = m_forecast.value("end"_L1);
    const qint64 secs = end.isDouble() ? secondsAfterStart(end) : 0;
    const QString bytes = QLocale().formattedDataSize(m_forecast.value("bytes"_L1).toInteger());
    const int silent = m_forecast.value("assumptions"_L1).toObject().value("silentTargets"_L1).toInt();
    QString text;
    if (status == "finished"_L1)
        text = tr("All %n group(s) finish after %1; %2 downloaded.", nullptr, int(m_groups.size()))
                   .arg(durationText(secs), bytes);
    else if (status == "paused"_L1)
        text = tr("Pauses in %1 after %2: its failures pass the error threshold. %3 downloaded by then.")
                   .arg(m_forecast.value("pausedAt"_L1).toString(), durationText(secs), bytes);
    else
        text = tr("Does not finish within 7 days.");
    if (silent > 0)
        text += u' '
            + tr("%n target(s) have not polled within the polling and overdue time; they are assumed to stay "
                 "silent, and a group waiting for them does not finish.",
                 nullptr, silent);
    return text;
}

QString RolloutForecastModel::assumptions() const
{
    const QJsonObject a = m_forecast.value("assumptions"_L1).toObject();
    if (a.isEmpty())
        return {};
    const QString fail = QLocale().toString(a.value("failureRate"_L1).toDouble() * 100, 'f', 1);
    const QString base = tr("Assumes: devices poll every %1, an install takes %2, %3 % fail")
                             .arg(durationText(a.value("pollingSeconds"_L1).toInteger()),
                                  durationText(a.value("installSeconds"_L1).toInteger()), fail);
    return a.value("fromHistory"_L1).toBool() ? base + u' '
            + tr("(from %n action(s) of the last 30 days).", nullptr, int(a.value("historyActions"_L1).toInteger()))
                                              : base + u' ' + tr("(too few past actions to learn from: defaults).");
}

int RolloutForecastModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_groups.size());
}

int RolloutForecastModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RolloutForecastModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject g = m_groups.at(index.row()).toObject();
    if (role == Qt::TextAlignmentRole && index.column() != Group)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && (index.column() == Starts || index.column() == Ends)) {
        const QJsonValue ms = g.value(index.column() == Starts ? "startsAt"_L1 : "endsAt"_L1);
        return ms.isDouble()
            ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms.toInteger()).toLocalTime(), QLocale::ShortFormat)
            : QVariant();
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Group:
        return g.value("name"_L1).toString();
    case Targets:
        return QLocale().toString(g.value("targets"_L1).toInt());
    case Starts:
        return offsetText(g.value("startsAt"_L1));
    case Ends:
        return offsetText(g.value("endsAt"_L1));
    case Finished:
        return QLocale().toString(g.value("finished"_L1).toInt());
    case Failed:
        return QLocale().toString(g.value("failed"_L1).toInt());
    default:
        return {};
    }
}

QVariant RolloutForecastModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Group:
        return tr("Group");
    case Targets:
        return tr("Targets");
    case Starts:
        return tr("Starts");
    case Ends:
        return tr("Ends");
    case Finished:
        return tr("Finished");
    case Failed:
        return tr("Failed");
    default:
        return {};
    }
}

} // namespace Flotilla
