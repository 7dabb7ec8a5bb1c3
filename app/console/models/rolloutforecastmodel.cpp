#include "app/console/models/rolloutforecastmodel.h"

#include <QDateTime>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace Flotilla {

RolloutForecastModel::RolloutForecastModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

bool RolloutForecastModel::setForecast(const QJsonObject &forecast, QString *error)
{
    Mgmt::DecodeError why;
    std::optional<Mgmt::MgmtRolloutForecast> read = Mgmt::MgmtRolloutForecast::fromJson(forecast, &why);
    if (!read && error)
        *error = why.message;
    beginResetModel();
    m_forecast = std::move(read);
    endResetModel();
    return m_forecast.has_value();
}

void RolloutForecastModel::clear()
{
    beginResetModel();
    m_forecast.reset();
    endResetModel();
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

qint64 RolloutForecastModel::secondsAfterStart(qint64 ms) const
{
    return (ms - (m_forecast ? m_forecast->start : 0)) / 1000;
}

QString RolloutForecastModel::offsetText(const std::optional<qint64> &ms) const
{
    if (!ms)
        return tr("not within 7 days");
    const qint64 secs = secondsAfterStart(*ms);
    return secs <= 0 ? tr("at once") : tr("after %1").arg(durationText(secs));
}

QString RolloutForecastModel::verdict() const
{
    if (!m_forecast)
        return {};
    const QString &status = m_forecast->status;
    const qint64 secs = m_forecast->end ? secondsAfterStart(*m_forecast->end) : 0;
    const QString bytes = QLocale().formattedDataSize(m_forecast->bytes);
    const int silent = m_forecast->assumptions.silentTargets;
    QString text;
    if (status == "finished"_L1)
        text = tr("All %n group(s) finish after %1; %2 downloaded.", nullptr, int(m_forecast->groups.size()))
                   .arg(durationText(secs), bytes);
    else if (status == "paused"_L1)
        text = tr("Pauses in %1 after %2: its failures pass the error threshold. %3 downloaded by then.")
                   .arg(m_forecast->pausedAt.value_or(QString()), durationText(secs), bytes);
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
    if (!m_forecast)
        return {};
    const Mgmt::MgmtForecastAssumptions &a = m_forecast->assumptions;
    const QString fail = QLocale().toString(a.failureRate * 100, 'f', 1);
    const QString base = tr("Assumes: devices poll every %1, an install takes %2, %3 % fail")
                             .arg(durationText(a.pollingSeconds), durationText(a.installSeconds), fail);
    return a.fromHistory ? base + u' ' + tr("(from %n action(s) of the last 30 days).", nullptr, int(a.historyActions))
                         : base + u' ' + tr("(too few past actions to learn from: defaults).");
}

int RolloutForecastModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_forecast ? 0 : int(m_forecast->groups.size());
}

int RolloutForecastModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RolloutForecastModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Mgmt::MgmtGroupForecast &g = m_forecast->groups.at(index.row());
    if (role == Qt::TextAlignmentRole && index.column() != Group)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && (index.column() == Starts || index.column() == Ends)) {
        const std::optional<qint64> &ms = index.column() == Starts ? g.startsAt : g.endsAt;
        return ms ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(*ms).toLocalTime(), QLocale::ShortFormat)
                  : QVariant();
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Group:
        return g.name;
    case Targets:
        return QLocale().toString(g.targets);
    case Starts:
        return offsetText(g.startsAt);
    case Ends:
        return offsetText(g.endsAt);
    case Finished:
        return QLocale().toString(g.finished);
    case Failed:
        return QLocale().toString(g.failed);
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
