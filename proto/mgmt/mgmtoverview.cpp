// The overview resources (declared in mgmtoverview.h).
#include "proto/mgmt/mgmtoverview.h"
#include "proto/mgmt/mgmtcodec_p.h"

using namespace Qt::StringLiterals;

namespace Flotilla::Mgmt {

using namespace Detail;

namespace {
// {key: value, ...} into *out, each value read as T; the first that is not one is the error ("filters.overdue
// must be a string").
template<typename T> void readMap(Reader &r, QLatin1StringView key, QMap<QString, T> *out)
{
    const auto v = r.value(key);
    if (!v)
        return;
    if (!v->isObject())
        return void(r.fail(key, "an object"));
    const QJsonObject o = v->toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        // Read under a fixed name ("v must be ..."), named as it is in the error.
        DecodeError error;
        Reader one(QJsonObject { { "v"_L1, it.value() } }, {}, &error);
        T value {};
        one.read("v"_L1, &value);
        if (!one.ok())
            return void(r.failWith(r.pathOf(key) + u'.' + it.key() + error.message.mid(1)));
        out->insert(it.key(), value);
    }
}
} // namespace

QJsonObject MgmtFleetOverview::toJson() const
{
    QJsonObject byStatus;
    for (auto it = updateStatus.cbegin(); it != updateStatus.cend(); ++it)
        byStatus.insert(it.key(), double(it.value()));
    QJsonObject filterObject;
    for (auto it = filters.cbegin(); it != filters.cend(); ++it)
        filterObject.insert(it.key(), it.value());
    return { { "total"_L1, double(total) },
             { "updateStatus"_L1, byStatus },
             { "overdue"_L1, double(overdue) },
             { "neverSeen"_L1, double(neverSeen) },
             { "overdueBefore"_L1, double(overdueBefore) },
             { "nextOverdueAt"_L1, orNull(nextOverdueAt) },
             { "filters"_L1, filterObject } };
}

std::optional<MgmtFleetOverview> MgmtFleetOverview::fromJson(const QJsonObject &o, DecodeError *error)
{
    MgmtFleetOverview f;
    Reader r(o, {}, error);
    r.read("total"_L1, &f.total);
    readMap(r, "updateStatus"_L1, &f.updateStatus);
    r.read("overdue"_L1, &f.overdue);
    r.read("neverSeen"_L1, &f.neverSeen);
    r.read("overdueBefore"_L1, &f.overdueBefore);
    r.read("nextOverdueAt"_L1, &f.nextOverdueAt);
    readMap(r, "filters"_L1, &f.filters);
    return done(r, std::move(f));
}

const QList<FieldSpec> &MgmtFleetOverview::fields()
{
    static const QList<FieldSpec> list
        = { { "total", "integer" },     { "updateStatus", "object" },   { "overdue", "integer" },
            { "neverSeen", "integer" }, { "overdueBefore", "integer" }, { "nextOverdueAt", "integer" },
            { "filters", "object" } };
    return list;
}

QJsonObject MgmtErrorCount::toJson() const
{
    return { { "message"_L1, message },
             { "count"_L1, double(count) },
             { "targets"_L1, double(targets) },
             { "filter"_L1, filter } };
}

std::optional<MgmtErrorCount> MgmtErrorCount::fromJson(const QJsonObject &o, DecodeError *error)
{
    MgmtErrorCount e;
    Reader r(o, {}, error);
    r.read("message"_L1, &e.message);
    r.read("count"_L1, &e.count);
    r.read("targets"_L1, &e.targets);
    r.read("filter"_L1, &e.filter);
    return done(r, std::move(e));
}

const QList<FieldSpec> &MgmtErrorCount::fields()
{
    static const QList<FieldSpec> list
        = { { "message", "string" }, { "count", "integer" }, { "targets", "integer" }, { "filter", "string" } };
    return list;
}

QJsonObject MgmtErrorSummary::toJson() const
{
    QJsonObject o = pageJson(arrayOf(content), total);
    o.insert("since"_L1, double(since));
    o.insert("truncated"_L1, truncated);
    return o;
}

std::optional<MgmtErrorSummary> MgmtErrorSummary::fromJson(const QJsonObject &o, DecodeError *error)
{
    const std::optional<PagedList<MgmtErrorCount>> page = decodePage<MgmtErrorCount>(o, error);
    if (!page)
        return std::nullopt;
    MgmtErrorSummary s { page->content, page->total, 0, false };
    Reader r(o, {}, error);
    r.read("since"_L1, &s.since);
    r.read("truncated"_L1, &s.truncated);
    return done(r, std::move(s));
}

namespace {
QJsonObject countsJson(const QMap<QString, qint64> &counts)
{
    QJsonObject o;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        o.insert(it.key(), double(it.value()));
    return o;
}
} // namespace

QJsonObject MgmtDistributionSetStatistics::toJson() const
{
    QJsonObject o;
    if (actions)
        o.insert("actions"_L1, countsJson(*actions));
    if (rollouts)
        o.insert("rollouts"_L1, countsJson(*rollouts));
    if (totalAutoAssignments)
        o.insert("totalAutoAssignments"_L1, double(*totalAutoAssignments));
    return o;
}

std::optional<MgmtDistributionSetStatistics> MgmtDistributionSetStatistics::fromJson(const QJsonObject &o,
                                                                                     DecodeError *error)
{
    MgmtDistributionSetStatistics s;
    Reader r(o, {}, error);
    for (const auto &[key, into] :
         { std::pair { "actions"_L1, &s.actions }, std::pair { "rollouts"_L1, &s.rollouts } }) {
        if (r.value(key)) {
            QMap<QString, qint64> counts;
            readMap(r, key, &counts);
            *into = counts;
        }
    }
    r.read("totalAutoAssignments"_L1, &s.totalAutoAssignments);
    return done(r, std::move(s));
}

const QList<FieldSpec> &MgmtDistributionSetStatistics::fields()
{
    static const QList<FieldSpec> list
        = { { "actions", "object" }, { "rollouts", "object" }, { "totalAutoAssignments", "integer" } };
    return list;
}

} // namespace Flotilla::Mgmt
