#pragma once

// A fleet whose overview is known, for the server's and the console's overview tests. Seeded in two parts:
// seedStore() writes what no API can make now — devices that last polled two hours ago (overdue) and devices that
// never polled — into the database before the server starts; goLive() then, over the Management API and DDI,
// assigns a set, has three devices fail (twice "Disk full", once "Downloading" then "Checksum mismatch") and
// leaves one action waiting for the device's consent.
#include "backend/sqlstore.h"
#include "tests/common/fleetdata.h"
#include "tests/common/httpclient.h"

#include <QJsonArray>

namespace FlotillaTest::OverviewFleet {

using namespace Qt::StringLiterals;

// What the overview must show for this fleet.
inline constexpr int Total = 14;
inline constexpr int Registered = 5; // fresh-0..2 and late-0..1
inline constexpr int Unknown = 4; // new-0..3
inline constexpr int InSync = 1; // synced-0
inline constexpr int Error = 3; // fail-0..2
inline constexpr int Pending = 1; // consent-0
inline constexpr int Overdue = 2; // late-0..1
inline constexpr int NeverSeen = 4; // new-0..3
inline constexpr int WaitingForConsent = 1;

inline bool seedStore(const QString &databaseFile)
{
    Flotilla::SqlStore store;
    if (!store.open(databaseFile))
        return false;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto add = [&](const QString &id, Flotilla::TargetState state, const QDateTime &lastPoll) {
        Flotilla::Target t;
        t.controllerId = id;
        t.name = id;
        t.state = state;
        t.securityToken = Flotilla::Target::generateSecurityToken();
        t.createdAt = now.addDays(-1);
        t.lastPoll = lastPoll;
        return store.targets().insertTarget(t).ok();
    };
    bool ok = true;
    for (int i = 0; i < 3; ++i)
        ok = ok && add(u"fresh-%1"_s.arg(i), Flotilla::TargetState::Registered, now.addSecs(-60));
    for (int i = 0; i < 2; ++i)
        ok = ok && add(u"late-%1"_s.arg(i), Flotilla::TargetState::Registered, now.addSecs(-2 * 3600));
    for (int i = 0; i < 4; ++i)
        ok = ok && add(u"new-%1"_s.arg(i), Flotilla::TargetState::Unknown, {});
    ok = ok && add(u"synced-0"_s, Flotilla::TargetState::InSync, now.addSecs(-30));
    for (int i = 0; i < 3; ++i)
        ok = ok && add(u"fail-%1"_s.arg(i), Flotilla::TargetState::Registered, now.addSecs(-30));
    ok = ok && add(u"consent-0"_s, Flotilla::TargetState::Registered, now.addSecs(-30));
    return ok;
}

// The device side of a failure: its action's id (from the Management API), then closed/failure with details.
inline bool fail(HttpClient &api, const QString &ddiBase, const QString &controllerId, const QStringList &details)
{
    const HttpAnswer actions = api.get(u"/targets/%1/actions"_s.arg(controllerId));
    const qint64 action = actions.json()["content"_L1][0]["id"_L1].toInteger();
    if (action <= 0)
        return false;
    HttpClient device(ddiBase + controllerId);
    device.setAuthorization("GatewayToken gw");
    const QJsonObject body { { "id"_L1, QString::number(action) },
                             { "status"_L1,
                               QJsonObject { { "execution"_L1, u"closed"_s },
                                             { "result"_L1, QJsonObject { { "finished"_L1, u"failure"_s } } },
                                             { "details"_L1, QJsonArray::fromStringList(details) } } } };
    return device.post(u"/deploymentBase/%1/feedback"_s.arg(action), QJsonDocument(body).toJson()).status == 200;
}

// api: the Management API (an administrator); ddiBase: ".../DEFAULT/controller/v1/"; gateway token "gw".
inline bool goLive(HttpClient &api, const QString &ddiBase, qint64 setId)
{
    auto assign = [&](const QString &controllerId, bool confirm = false) {
        const QByteArray body = "[{\"id\":\"" + controllerId.toUtf8()
            + "\",\"type\":\"forced\",\"confirmationRequired\":" + (confirm ? "true" : "false") + "}]";
        return api.post(u"/distributionsets/%1/assignedTargets"_s.arg(setId), body).status == 200;
    };
    bool ok = true;
    for (int i = 0; i < 3; ++i)
        ok = ok && assign(u"fail-%1"_s.arg(i));
    ok = ok && fail(api, ddiBase, u"fail-0"_s, { u"Disk full"_s });
    ok = ok && fail(api, ddiBase, u"fail-1"_s, { u"Installing"_s, u"Disk full"_s });
    ok = ok && fail(api, ddiBase, u"fail-2"_s, { u"Downloading"_s, u"Checksum mismatch"_s });
    // Consent: with the flow on, a new assignment waits for the device's confirmation.
    ok = ok && api.put(u"/system/configs/user.confirmation.flow.enabled"_s, R"({"value":true})").status == 200;
    ok = ok && assign(u"consent-0"_s, true);
    return ok;
}

} // namespace FlotillaTest::OverviewFleet
