// The DDI API v1 end to end over loopback HTTP (tests/backend/ddifixture.h), QNetworkAccessManager as the
// device: polls, deployments, cancel, consent, windows, errors, authentication, links. Every scenario checks the
// wire (status, JSON, links, headers) and what the store says afterwards. Downloads: tst_ddiartifacts.
#include "backend/registrationbudget.h"
#include "tests/backend/ddifixture.h"
#include "tests/common/tableaway.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QTest>

using namespace Flotilla;
using namespace FlotillaTest;
using namespace Qt::StringLiterals;

class TestDdiServer : public DdiFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void happyPath();
    void pollEtagAnswers304();
    void cancelClosedAcceptsCancellation();
    void cancelRejectedBringsActionBackToRunning();
    void cancelFeedbackOnRunningActionIs405();
    void consentDeniedStaysThenConfirmedRuns();
    void autoConfirmActivateTwiceIs409();
    void downloadOnlyClosesOnDownloaded();
    void maintenanceWindowSkipsUpdateUntilOpen();
    void timeForcedTurnsForced();
    void multiAssignmentPresentsHeaviestFirst();
    void configDataModes();
    void configDataLimits();
    void installedBasePut();
    void badRequestsChangeNothing_data();
    void badRequestsChangeNothing();
    void oversizedBodyIs413();
    void feedbackOnClosedActionIs410();
    void quotaIs429();
    void unknownAndForeignActionsAre404();
    void authentication_data();
    void authentication();
    void gatewayTokenRegistersUnknownTarget();
    void gatewayTokenLimits_data();
    void gatewayTokenLimits();
    void registrationsPerMinute();
    void anonymousOnlyWhenEnabled();
    void linksFollowTrustedProxyOnly();
    void swupdateFeedbackIsAccepted();
    void failedReadsAre500NeverAnEmptyAnswer_data();
    void failedReadsAre500NeverAnEmptyAnswer();
    void feedbackOnAnActionThatCannotBeReadIsNotLost();
    void feedbackWhoseReceiptCannotBeWrittenIsNotLost();
};

void TestDdiServer::happyPath()
{
    const qint64 actionId = assign(m_target, m_set.setId);
    QVERIFY(actionId > 0);
    HttpClient &dev = device(m_target);

    HttpAnswer poll = dev.get(controller(m_target));
    QCOMPARE(poll.status, 200);
    QCOMPARE(poll.json()["config"_L1]["polling"_L1]["sleep"_L1].toString(), u"00:05:00"_s);
    const QString deploymentHref = poll.link(u"deploymentBase"_s);
    QVERIFY2(deploymentHref.startsWith(dev.base() + controller(m_target) + u"/deploymentBase/%1?c="_s.arg(actionId)),
             qPrintable(deploymentHref));
    QVERIFY(!poll.link(u"configData"_s).isEmpty()); // a new target is asked for its attributes
    QCOMPARE(m_store->targets().target(m_target.id)->state, TargetState::Pending);
    QVERIFY(m_store->targets().target(m_target.id)->lastPoll.isValid());

    const HttpAnswer deployment = dev.get(deploymentHref + u"&actionHistory=5"_s);
    QCOMPARE(deployment.status, 200);
    const QJsonObject d = deployment.json();
    QCOMPARE(d["id"_L1].toString(), QString::number(actionId));
    QCOMPARE(d["deployment"_L1]["download"_L1].toString(), u"forced"_s);
    QCOMPARE(d["deployment"_L1]["update"_L1].toString(), u"forced"_s);
    QVERIFY(!d["deployment"_L1].toObject().contains("maintenanceWindow"_L1));
    const QJsonObject chunk = d["deployment"_L1]["chunks"_L1][0].toObject();
    QCOMPARE(chunk["part"_L1].toString(), u"os"_s);
    QCOMPARE(chunk["version"_L1].toString(), u"1.0"_s);
    const QJsonObject artifact = chunk["artifacts"_L1][0].toObject();
    QCOMPARE(artifact["filename"_L1].toString(), u"update.swu"_s);
    QCOMPARE(artifact["size"_L1].toInteger(), m_content.size());
    QCOMPARE(artifact["hashes"_L1]["sha1"_L1].toString(),
             QString::fromLatin1(QCryptographicHash::hash(m_content, QCryptographicHash::Sha1).toHex()));
    const QString download = artifact["_links"_L1]["download"_L1]["href"_L1].toString();
    QCOMPARE(artifact["_links"_L1]["download-http"_L1]["href"_L1].toString(), download);
    QCOMPARE(artifact["_links"_L1]["md5sum-http"_L1]["href"_L1].toString(), download + u".MD5SUM"_s);
    QCOMPARE(d["actionHistory"_L1]["status"_L1].toString(), u"RUNNING"_s);
    QVERIFY(history(actionId).contains(HistoryStatus::Retrieved));

    // Resume-style download: a range first, then the rest.
    const HttpAnswer part = dev.get(download, { { "Range", "bytes=0-1023" } });
    QCOMPARE(part.status, 206);
    QCOMPARE(part.body, m_content.left(1024));
    const HttpAnswer rest = dev.get(download, { { "Range", "bytes=1024-" } });
    QCOMPARE(rest.status, 206);
    QCOMPARE(part.body + rest.body, m_content);
    const HttpAnswer whole = dev.get(download);
    QCOMPARE(whole.status, 200);
    QCOMPARE(whole.body, m_content);
    QCOMPARE(whole.header("ETag"), '"' + m_set.artifact.sha1.toLatin1() + '"');
    QCOMPARE(whole.header("Accept-Ranges"), "bytes");
    QVERIFY(whole.header("Content-Disposition").contains("update.swu"));
    QVERIFY(history(actionId).contains(HistoryStatus::Download));

    QCOMPARE(feedback(m_target, actionId, "proceeding", "none").status, 200);
    QCOMPARE(m_store->actions().action(actionId)->state, ActionState::Running);
    QCOMPARE(feedback(m_target, actionId, "closed", "success").status, 200);
    QCOMPARE(m_store->actions().action(actionId)->state, ActionState::Finished);
    const Target after = *m_store->targets().target(m_target.id);
    QCOMPARE(after.state, TargetState::InSync);
    QCOMPARE(after.installedDistributionSetId, m_set.setId);

    poll = dev.get(controller(m_target));
    QVERIFY(poll.link(u"deploymentBase"_s).isEmpty());
    const QString installedHref = poll.link(u"installedBase"_s);
    QVERIFY(installedHref.endsWith(u"/installedBase/%1"_s.arg(actionId)));
    const HttpAnswer installed = dev.get(installedHref);
    QCOMPARE(installed.status, 200);
    QCOMPARE(installed.json()["deployment"_L1]["chunks"_L1][0]["name"_L1].toString(), u"fw"_s);
}

void TestDdiServer::pollEtagAnswers304()
{
    HttpClient &dev = device(m_target);
    const HttpAnswer first = dev.get(controller(m_target));
    const QByteArray etag = first.header("ETag");
    QVERIFY(!etag.isEmpty());
    QCOMPARE(dev.get(controller(m_target), { { "If-None-Match", etag } }).status, 304);
    assign(m_target, m_set.setId); // what the device should do changed: a new ETag
    const HttpAnswer changed = dev.get(controller(m_target), { { "If-None-Match", etag } });
    QCOMPARE(changed.status, 200);
    QVERIFY(changed.header("ETag") != etag);
}

void TestDdiServer::cancelClosedAcceptsCancellation()
{
    const qint64 first = assign(m_target, m_set.setId);
    const SetWithArtifact second = makeSet(m_store->stores(), *m_artifacts, u"fw"_s, u"2.0"_s, u"b.swu"_s, "two");
    const qint64 next = assign(m_target, second.setId); // without multi-assignment: the first is canceled
    QCOMPARE(m_store->actions().action(first)->state, ActionState::Canceling);

    HttpClient &dev = device(m_target);
    const HttpAnswer poll = dev.get(controller(m_target));
    const QString cancelHref = poll.link(u"cancelAction"_s);
    QCOMPARE(cancelHref, dev.base() + controller(m_target) + u"/cancelAction/%1"_s.arg(first));
    QVERIFY(!cancelHref.contains(u'?')); // SWUpdate appends "/feedback" to it
    const HttpAnswer cancel = dev.get(cancelHref);
    QCOMPARE(cancel.status, 200);
    QCOMPARE(cancel.json()["cancelAction"_L1]["stopId"_L1].toString(), QString::number(first));
    QCOMPARE(dev.get(controller(m_target) + u"/deploymentBase/%1"_s.arg(first)).status, 404);

    QCOMPARE(feedback(m_target, first, "closed", "success", u"cancelAction"_s).status, 200);
    QCOMPARE(m_store->actions().action(first)->state, ActionState::Canceled);
    QVERIFY(dev.get(controller(m_target)).link(u"deploymentBase"_s).contains(u"/deploymentBase/%1?"_s.arg(next)));
}

void TestDdiServer::cancelRejectedBringsActionBackToRunning()
{
    const qint64 actionId = assign(m_target, m_set.setId);
    DeploymentService service(m_store->stores(), *m_clock);
    QVERIFY(service.cancel(*m_store->actions().action(actionId), u"operator"_s));
    QCOMPARE(m_store->actions().action(actionId)->state, ActionState::Canceling);
    QCOMPARE(feedback(m_target, actionId, "rejected", "none", u"cancelAction"_s).status, 200);
    QCOMPARE(m_store->actions().action(actionId)->state, ActionState::Running);
    QVERIFY(history(actionId).contains(HistoryStatus::CancelRejected));
    // Regular feedback is still accepted on a canceling action.
    QVERIFY(service.cancel(*m_store->actions().action(actionId), u"operator"_s));
    QCOMPARE(feedback(m_target, actionId, "proceeding", "none").status, 200);
    QCOMPARE(m_store->actions().action(actionId)->state, ActionState::Canceling);
    // "canceled" is not how a device accepts a cancel: logged, nothing changes.
    QCOMPARE(feedback(m_target, actionId, "canceled", "none", u"cancelAction"_s).status, 200);
    QCOMPARE(m_store->actions().action(actionId)->state, ActionState::Canceling);
    QCOMPARE(history(actionId).last(), HistoryStatus::Warning);
}

void TestDdiServer::cancelFeedbackOnRunningActionIs405()
{
    const qint64 actionId = assign(m_target, m_set.setId);
    const HttpAnswer a = feedback(m_target, actionId, "closed", "success", u"cancelAction"_s);
    QCOMPARE(a.status, 405);
    QVERIFY(a.json()["message"_L1].toString().contains(u"not being canceled"_s));
    QCOMPARE(m_store->actions().action(actionId)->state, ActionState::Running);
    QCOMPARE(device(m_target).get(controller(m_target) + u"/cancelAction/%1"_s.arg(actionId)).status, 404);
}

void TestDdiServer::consentDeniedStaysThenConfirmedRuns()
{
    TenantConfiguration c = m_store->configuration().tenantConfiguration();
    c.consentFlow = true;
    QVERIFY(m_store->configuration().setTenantConfiguration(c));
    AssignmentRequest request;
    request.confirmationRequired = true;
    const qint64 actionId = assign(m_target, m_set.setId, request);
    QCOMPARE(m_store->actions().action(actionId)->state, ActionState::WaitForConfirmation);

    HttpClient &dev = device(m_target);
    const HttpAnswer poll = dev.get(controller(m_target));
    const QString confirmHref = poll.link(u"confirmationBase"_s);
    QVERIFY(confirmHref.contains(u"/confirmationBase/%1?c="_s.arg(actionId)));
    QVERIFY(poll.link(u"deploymentBase"_s).isEmpty());
    QCOMPARE(dev.get(controller(m_target) + u"/deploymentBase/%1"_s.arg(actionId)).status, 404);
    const HttpAnswer confirmation = dev.get(confirmHref);
    QCOMPARE(confirmation.status, 200);
    QCOMPARE(confirmation.json()["confirmation"_L1]["chunks"_L1][0]["part"_L1].toString(), u"os"_s);
    const HttpAnswer base = dev.get(controller(m_target) + u"/confirmationBase"_s);
    QCOMPARE(base.json()["autoConfirm"_L1]["active"_L1].toBool(), false);
    QVERIFY(!base.link(u"activateAutoConfirm"_s).isEmpty());
    QCOMPARE(base.link(u"confirmationBase"_s), confirmHref);

    const QString fb = controller(m_target) + u"/confirmationBase/%1/feedback"_s.arg(actionId);
    QCOMPARE(dev.post(fb, R"({"confirmation":"denied","code":12,"details":["not now"]})").status, 200);
    QCOMPARE(m_store->actions().action(actionId)->state, ActionState::WaitForConfirmation); // by design (hawkBit #1667)
    QVERIFY(dev.get(controller(m_target)).link(u"confirmationBase"_s).contains(QString::number(actionId)));

    QCOMPARE(dev.post(fb, R"({"confirmation":"confirmed"})").status, 200);
    QCOMPARE(m_store->actions().action(actionId)->state, ActionState::Running);
    QVERIFY(!dev.get(controller(m_target)).link(u"deploymentBase"_s).isEmpty());
    QCOMPARE(dev.get(controller(m_target) + u"/confirmationBase/%1"_s.arg(actionId)).status, 404);
    QCOMPARE(dev.post(fb, R"({"confirmation":"confirmed"})").status, 404); // no longer awaiting
}

void TestDdiServer::autoConfirmActivateTwiceIs409()
{
    TenantConfiguration c = m_store->configuration().tenantConfiguration();
    c.consentFlow = true;
    QVERIFY(m_store->configuration().setTenantConfiguration(c));
    AssignmentRequest request;
    request.confirmationRequired = true;
    const qint64 actionId = assign(m_target, m_set.setId, request);
    HttpClient &dev = device(m_target);
    const QString activate = controller(m_target) + u"/confirmationBase/activateAutoConfirm"_s;
    QCOMPARE(dev.post(activate, R"({"initiator":"plant","remark":"night shift"})").status, 200);
    QCOMPARE(m_store->actions().action(actionId)->state, ActionState::Running); // the waiting action is confirmed too
    const HttpAnswer again = dev.post(activate, {});
    QCOMPARE(again.status, 409);
    QVERIFY(!again.json()["message"_L1].toString().isEmpty());
    const HttpAnswer base = dev.get(controller(m_target) + u"/confirmationBase"_s);
    QCOMPARE(base.json()["autoConfirm"_L1]["active"_L1].toBool(), true);
    QCOMPARE(base.json()["autoConfirm"_L1]["initiator"_L1].toString(), u"plant"_s);
    QCOMPARE(base.json()["autoConfirm"_L1]["remark"_L1].toString(), u"night shift"_s);
    QVERIFY(!base.link(u"deactivateAutoConfirm"_s).isEmpty());
    QCOMPARE(dev.post(controller(m_target) + u"/confirmationBase/deactivateAutoConfirm"_s, {}).status, 200);
    QCOMPARE(m_store->targets().target(m_target.id)->autoConfirm, false);
}

void TestDdiServer::downloadOnlyClosesOnDownloaded()
{
    AssignmentRequest request;
    request.type = ActionType::DownloadOnly;
    const qint64 actionId = assign(m_target, m_set.setId, request);
    const HttpAnswer d = device(m_target).get(controller(m_target) + u"/deploymentBase/%1"_s.arg(actionId));
    QCOMPARE(d.json()["deployment"_L1]["download"_L1].toString(), u"forced"_s);
    QCOMPARE(d.json()["deployment"_L1]["update"_L1].toString(), u"skip"_s);
    QCOMPARE(feedback(m_target, actionId, "downloaded", "none").status, 200);
    QCOMPARE(m_store->actions().action(actionId)->state, ActionState::Downloaded);
    QCOMPARE(m_store->targets().target(m_target.id)->state, TargetState::InSync);
}

void TestDdiServer::maintenanceWindowSkipsUpdateUntilOpen()
{
    // Daily 02:00-03:00 UTC; soft assignment at midnight.
    AssignmentRequest request;
    request.type = ActionType::Soft;
    request.maintenanceWindow = MaintenanceSchedule::create(u"0 0 2 * * ?"_s, u"01:00:00"_s, u"UTC"_s);
    QVERIFY(request.maintenanceWindow);
    const qint64 actionId = assign(m_target, m_set.setId, request);
    HttpClient &dev = device(m_target);
    const QString path = controller(m_target) + u"/deploymentBase/%1"_s.arg(actionId);

    QJsonObject d = dev.get(path).json()["deployment"_L1].toObject();
    QCOMPARE(d["download"_L1].toString(), u"attempt"_s);
    QCOMPARE(d["update"_L1].toString(), u"skip"_s);
    QCOMPARE(d["maintenanceWindow"_L1].toString(), u"unavailable"_s);
    // Two hours ahead, three polls per window: capped by the regular 5 minutes.
    QCOMPARE(dev.get(controller(m_target)).json()["config"_L1]["polling"_L1]["sleep"_L1].toString(), u"00:05:00"_s);
    // Three minutes before the window: a third of it.
    m_clock->set(utc("2026-06-01T01:57:00"));
    QCOMPARE(dev.get(controller(m_target)).json()["config"_L1]["polling"_L1]["sleep"_L1].toString(), u"00:01:00"_s);
    // Thirty seconds before: not below the minimum polling time.
    m_clock->set(utc("2026-06-01T01:59:30"));
    QCOMPARE(dev.get(controller(m_target)).json()["config"_L1]["polling"_L1]["sleep"_L1].toString(), u"00:00:30"_s);
    const QString closedHref = dev.get(controller(m_target)).link(u"deploymentBase"_s);

    m_clock->set(utc("2026-06-01T02:10:00"));
    d = dev.get(path).json()["deployment"_L1].toObject();
    QCOMPARE(d["update"_L1].toString(), u"attempt"_s);
    QCOMPARE(d["maintenanceWindow"_L1].toString(), u"available"_s);
    QVERIFY(dev.get(controller(m_target)).link(u"deploymentBase"_s) != closedHref); // the c= changed
}

void TestDdiServer::timeForcedTurnsForced()
{
    AssignmentRequest request;
    request.type = ActionType::TimeForced;
    request.forceTime = utc("2026-06-01T01:00:00");
    const qint64 actionId = assign(m_target, m_set.setId, request);
    HttpClient &dev = device(m_target);
    const QString path = controller(m_target) + u"/deploymentBase/%1"_s.arg(actionId);
    QCOMPARE(dev.get(path).json()["deployment"_L1]["update"_L1].toString(), u"attempt"_s);
    const QString before = dev.get(controller(m_target)).link(u"deploymentBase"_s);
    m_clock->set(utc("2026-06-01T01:00:01"));
    QCOMPARE(dev.get(path).json()["deployment"_L1]["download"_L1].toString(), u"forced"_s);
    QCOMPARE(dev.get(path).json()["deployment"_L1]["update"_L1].toString(), u"forced"_s);
    QVERIFY(dev.get(controller(m_target)).link(u"deploymentBase"_s) != before);
}

void TestDdiServer::multiAssignmentPresentsHeaviestFirst()
{
    TenantConfiguration c = m_store->configuration().tenantConfiguration();
    c.multiAssignment = true;
    QVERIFY(m_store->configuration().setTenantConfiguration(c));
    const SetWithArtifact other
        = makeSet(m_store->stores(), *m_artifacts, u"app"_s, u"7"_s, u"app.swu"_s, "app", u"app"_s);
    AssignmentRequest light;
    light.weight = 100;
    AssignmentRequest heavy;
    heavy.weight = 900;
    const qint64 lightId = assign(m_target, m_set.setId, light);
    const qint64 heavyId = assign(m_target, other.setId, heavy);
    HttpClient &dev = device(m_target);
    QVERIFY(dev.get(controller(m_target)).link(u"deploymentBase"_s).contains(u"/deploymentBase/%1?"_s.arg(heavyId)));
    QCOMPARE(feedback(m_target, heavyId, "closed", "success").status, 200);
    QCOMPARE(m_store->targets().target(m_target.id)->state, TargetState::Pending); // the other is still open
    QVERIFY(dev.get(controller(m_target)).link(u"deploymentBase"_s).contains(u"/deploymentBase/%1?"_s.arg(lightId)));
}

void TestDdiServer::configDataModes()
{
    HttpClient &dev = device(m_target);
    const QString path = controller(m_target) + u"/configData"_s;
    QCOMPARE(dev.put(path, R"({"data":{"hwId":"board-a","os":"1"}})").status, 200);
    QCOMPARE((*m_store->targets().targetAttributes(m_target.id)).value(u"hwId"_s), u"board-a"_s);
    QVERIFY(dev.get(controller(m_target)).link(u"configData"_s).isEmpty()); // no longer requested
    QCOMPARE(dev.put(path, R"({"mode":"merge","data":{"os":"2"}})").status, 200);
    QCOMPARE((*m_store->targets().targetAttributes(m_target.id)),
             (QMap<QString, QString> { { u"hwId"_s, u"board-a"_s }, { u"os"_s, u"2"_s } }));
    QCOMPARE(dev.put(path, R"({"mode":"remove","data":{"os":""}})").status, 200);
    QCOMPARE((*m_store->targets().targetAttributes(m_target.id)),
             (QMap<QString, QString> { { u"hwId"_s, u"board-a"_s } }));
    QCOMPARE(dev.put(path, R"({"mode":"replace","data":{"serial":"42"}})").status, 200);
    QCOMPARE((*m_store->targets().targetAttributes(m_target.id)),
             (QMap<QString, QString> { { u"serial"_s, u"42"_s } }));
}

void TestDdiServer::configDataLimits()
{
    HttpClient &dev = device(m_target);
    const QString path = controller(m_target) + u"/configData"_s;
    const QByteArray longKey(129, 'k');
    HttpAnswer a = dev.put(path, R"({"data":{")" + longKey + R"(":"v"}})");
    QCOMPARE(a.status, 400);
    QVERIFY(a.json()["message"_L1].toString().contains(u"128"_s));
    a = dev.put(path, R"({"data":{"k":")" + QByteArray(129, 'v') + R"("}})");
    QCOMPARE(a.status, 400);
    QJsonObject many;
    for (int i = 0; i < 101; ++i)
        many.insert(u"key%1"_s.arg(i), u"v"_s);
    a = dev.put(path, QJsonDocument(QJsonObject { { "data"_L1, many } }).toJson());
    QCOMPARE(a.status, 429);
    QVERIFY((*m_store->targets().targetAttributes(m_target.id)).isEmpty()); // refused as a whole
}

void TestDdiServer::installedBasePut()
{
    HttpClient &dev = device(m_target);
    const QString path = controller(m_target) + u"/installedBase"_s;
    QCOMPARE(dev.put(path, R"({"name":"fw","version":"1.0"})").status, 201);
    const Target t = *m_store->targets().target(m_target.id);
    QCOMPARE(t.installedDistributionSetId, m_set.setId);
    QCOMPARE(t.state, TargetState::InSync);
    QCOMPARE(dev.put(path, R"({"name":"fw","version":"1.0"})").status, 200);
    QCOMPARE(dev.put(path, R"({"name":"fw","version":"9.9"})").status, 404);
    QCOMPARE(dev.put(path, R"({"name":"fw"})").status, 400);
    QVERIFY(!dev.get(controller(m_target)).link(u"installedBase"_s).isEmpty());
}

void TestDdiServer::badRequestsChangeNothing_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("not JSON") << "{status:"_ba << u"malformed JSON"_s;
    QTest::newRow("an array") << "[]"_ba << u"object"_s;
    QTest::newRow("no status") << R"({"id":1})"_ba << u"'status'"_s;
    QTest::newRow("no execution") << R"({"status":{"result":{"finished":"none"}}})"_ba << u"status.execution"_s;
    QTest::newRow("unknown execution") << R"({"status":{"execution":"done","result":{"finished":"none"}}})"_ba
                                       << u"status.execution"_s;
    QTest::newRow("no result") << R"({"status":{"execution":"closed"}})"_ba << u"status.result"_s;
    QTest::newRow("no finished") << R"({"status":{"execution":"closed","result":{}}})"_ba
                                 << u"status.result.finished"_s;
    QTest::newRow("code not a number")
        << R"({"status":{"execution":"closed","result":{"finished":"success"},"code":"x"}})"_ba << u"status.code"_s;
    QTest::newRow("details not strings")
        << R"({"status":{"execution":"closed","result":{"finished":"success"},"details":[1]}})"_ba
        << u"status.details"_s;
}

void TestDdiServer::badRequestsChangeNothing()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, mentions);
    const qint64 actionId = assign(m_target, m_set.setId);
    const int before = (*m_store->actions().countStatus(actionId));
    const HttpAnswer a
        = device(m_target).post(controller(m_target) + u"/deploymentBase/%1/feedback"_s.arg(actionId), body);
    QCOMPARE(a.status, 400);
    QVERIFY2(a.json()["message"_L1].toString().contains(mentions), a.body.constData());
    QCOMPARE(a.json()["errorCode"_L1].toString(), u"flotilla.ddi.badRequest"_s);
    QCOMPARE((*m_store->actions().countStatus(actionId)), before);
    QCOMPARE(m_store->actions().action(actionId)->state, ActionState::Running);
}

void TestDdiServer::oversizedBodyIs413()
{
    const qint64 actionId = assign(m_target, m_set.setId);
    const QByteArray huge = R"({"status":{"execution":"closed","result":{"finished":"success"},"details":[")"
        + QByteArray(600 * 1024, 'x') + R"("]}})";
    const HttpAnswer a
        = device(m_target).post(controller(m_target) + u"/deploymentBase/%1/feedback"_s.arg(actionId), huge);
    QCOMPARE(a.status, 413);
    QVERIFY(!a.json()["message"_L1].toString().isEmpty());
    QCOMPARE(m_store->actions().action(actionId)->state, ActionState::Running);
}

void TestDdiServer::feedbackOnClosedActionIs410()
{
    const qint64 actionId = assign(m_target, m_set.setId);
    QCOMPARE(feedback(m_target, actionId, "closed", "failure").status, 200);
    QCOMPARE(m_store->actions().action(actionId)->state, ActionState::Error);
    QCOMPARE(m_store->targets().target(m_target.id)->state, TargetState::Error);
    const HttpAnswer a = feedback(m_target, actionId, "proceeding", "none");
    QCOMPARE(a.status, 410);
    QCOMPARE(a.json()["errorCode"_L1].toString(), u"flotilla.ddi.actionClosed"_s);
}

void TestDdiServer::quotaIs429()
{
    TenantConfiguration c = m_store->configuration().tenantConfiguration();
    c.maxMessagesPerStatus = 2;
    QVERIFY(m_store->configuration().setTenantConfiguration(c));
    const qint64 actionId = assign(m_target, m_set.setId);
    const HttpAnswer a = device(m_target).post(
        controller(m_target) + u"/deploymentBase/%1/feedback"_s.arg(actionId),
        R"({"status":{"execution":"proceeding","result":{"finished":"none"},"details":["a","b","c"]}})");
    QCOMPARE(a.status, 429);
    QVERIFY(a.json()["message"_L1].toString().contains(u"quota"_s));
}

void TestDdiServer::unknownAndForeignActionsAre404()
{
    const Target other = makeTarget(m_store->stores(), u"dev-002"_s);
    const qint64 foreign = assign(other, m_set.setId);
    HttpClient &dev = device(m_target);
    for (const QString &id : { QString::number(foreign), u"999999"_s, u"abc"_s }) {
        QCOMPARE(dev.get(controller(m_target) + u"/deploymentBase/"_s + id).status, 404);
        const HttpAnswer f = feedback(m_target, id.toLongLong(), "closed", "success");
        QCOMPARE(f.status, 404);
        QCOMPARE(f.json()["errorCode"_L1].toString(), u"flotilla.ddi.notFound"_s);
    }
    QCOMPARE(m_store->actions().action(foreign)->state, ActionState::Running);
}

void TestDdiServer::authentication_data()
{
    QTest::addColumn<QString>("controllerId");
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<int>("status");
    QTest::newRow("no credentials") << u"dev-001"_s << QByteArray() << 401;
    QTest::newRow("wrong target token") << u"dev-001"_s << "TargetToken wrong"_ba << 401;
    QTest::newRow("another target's token") << u"dev-002"_s << "OWN"_ba << 401;
    QTest::newRow("token of an unknown target") << u"ghost"_s << "OWN"_ba << 401;
    QTest::newRow("unknown scheme") << u"dev-001"_s << "Bearer abc"_ba << 401;
    QTest::newRow("wrong gateway token") << u"dev-001"_s << "GatewayToken nope"_ba << 401;
    QTest::newRow("own target token") << u"dev-001"_s << "OWN"_ba << 200;
    QTest::newRow("scheme is case-insensitive") << u"dev-001"_s << "OWNLOWER"_ba << 200;
    QTest::newRow("gateway token") << u"dev-001"_s << "GatewayToken gw-key"_ba << 200;
}

void TestDdiServer::authentication()
{
    QFETCH(QString, controllerId);
    QFETCH(QByteArray, authorization);
    QFETCH(int, status);
    makeTarget(m_store->stores(), u"dev-002"_s);
    if (authorization == "OWN")
        authorization = "TargetToken " + m_target.securityToken.toUtf8();
    else if (authorization == "OWNLOWER")
        authorization = "targettoken " + m_target.securityToken.toUtf8();
    m_client->setAuthorization(authorization);
    const HttpAnswer a = m_client->get(u"/DEFAULT/controller/v1/"_s + controllerId);
    QCOMPARE(a.status, status);
    if (status == 401) {
        // The same answer whether or not the target exists.
        QCOMPARE(a.json()["errorCode"_L1].toString(), u"flotilla.ddi.unauthorized"_s);
        QVERIFY(!a.body.contains(controllerId.toUtf8()));
    }
    QVERIFY(m_store->targets().targetByControllerId(u"ghost"_s).absent()); // nothing registered on a refused request
}

void TestDdiServer::gatewayTokenRegistersUnknownTarget()
{
    m_client->setAuthorization("GatewayToken gw-key");
    const HttpAnswer a = m_client->get(u"/default/controller/v1/new-device"_s); // tenant case-insensitive
    QCOMPARE(a.status, 200);
    const Lookup<Target> t = m_store->targets().targetByControllerId(u"new-device"_s);
    QVERIFY(t.found());
    QCOMPARE(t->state, TargetState::Registered);
    QCOMPARE(t->securityToken.size(), 32);
    QVERIFY(!a.link(u"configData"_s).isEmpty());
    // Other resources do not register.
    QCOMPARE(m_client->get(u"/DEFAULT/controller/v1/other/deploymentBase/1"_s).status, 404);
    QVERIFY(m_store->targets().targetByControllerId(u"other"_s).absent());
    // An over-long controllerId is a bad request, not a new target.
    QCOMPARE(m_client->get(u"/DEFAULT/controller/v1/"_s + QString(257, u'x')).status, 400);
}

void TestDdiServer::gatewayTokenLimits_data()
{
    QTest::addColumn<QStringList>("gatewayTargets");
    QTest::addColumn<bool>("registers");
    QTest::addColumn<QString>("controllerId");
    QTest::addColumn<bool>("gateway"); // the gateway token, else the target's own
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("existsAfter");
    const QStringList plantA { u"plant-a-*"_s };
    QTest::newRow("in reach, unknown: registered") << plantA << true << u"plant-a-7"_s << true << 200 << true;
    QTest::newRow("out of reach, unknown: 401, not registered")
        << plantA << true << u"plant-b-7"_s << true << 401 << false;
    QTest::newRow("out of reach, known: 401") << plantA << true << u"dev-001"_s << true << 401 << true;
    QTest::newRow("out of reach, its own token still works") << plantA << true << u"dev-001"_s << false << 200 << true;
    QTest::newRow("? is one character") << QStringList { u"lab-??"_s } << true << u"lab-12"_s << true << 200 << true;
    QTest::newRow("? is not two") << QStringList { u"lab-??"_s } << true << u"lab-123"_s << true << 401 << false;
    QTest::newRow("a pattern is the whole id") << plantA << true << u"x-plant-a-1"_s << true << 401 << false;
    QTest::newRow("any of several") << QStringList { u"plant-a-*"_s, u"lab-*"_s } << true << u"lab-x"_s << true << 200
                                    << true;
    QTest::newRow("no registration: unknown is 404") << QStringList() << false << u"new-1"_s << true << 404 << false;
    QTest::newRow("no registration: a known target is served")
        << QStringList() << false << u"dev-001"_s << true << 200 << true;
}

void TestDdiServer::gatewayTokenLimits()
{
    QFETCH(QStringList, gatewayTargets);
    QFETCH(bool, registers);
    QFETCH(QString, controllerId);
    QFETCH(bool, gateway);
    QFETCH(int, status);
    QFETCH(bool, existsAfter);
    DdiSettings limited;
    limited.gatewayToken = u"gw-key"_s;
    limited.gatewayTargets = gatewayTargets;
    limited.registerTargets = registers;
    startServer(limited);
    m_client->setAuthorization(gateway ? "GatewayToken gw-key"_ba
                                       : "TargetToken "_ba + m_target.securityToken.toUtf8());
    const HttpAnswer a = m_client->get(u"/DEFAULT/controller/v1/"_s + controllerId);
    QCOMPARE(a.status, status);
    if (status != 200) {
        QVERIFY2(!a.json()["errorCode"_L1].toString().isEmpty(), a.body.constData()); // the JSON error shape
        QVERIFY(!a.body.contains("_links")); // nothing of the target
    }
    QCOMPARE(m_store->targets().targetByControllerId(controllerId).found(), existsAfter);
    // The deployment of a known target out of reach is refused too, not only its base poll.
    if (status == 401 && existsAfter)
        QCOMPARE(m_client->get(u"/DEFAULT/controller/v1/%1/deploymentBase/1"_s.arg(controllerId)).status, 401);
}

void TestDdiServer::registrationsPerMinute()
{
    DdiSettings limited;
    limited.gatewayToken = u"gw-key"_s;
    limited.registrations = std::make_shared<RegistrationBudget>(2);
    startServer(limited);
    m_client->setAuthorization("GatewayToken gw-key");
    QCOMPARE(m_client->get(u"/DEFAULT/controller/v1/new-1"_s).status, 200);
    QCOMPARE(m_client->get(u"/DEFAULT/controller/v1/new-2"_s).status, 200);
    const HttpAnswer third = m_client->get(u"/DEFAULT/controller/v1/new-3"_s);
    QCOMPARE(third.status, 429);
    QCOMPARE(third.json()["errorCode"_L1].toString(), u"flotilla.ddi.quotaExceeded"_s);
    const int retryAfter = third.header("Retry-After").toInt();
    QVERIFY2(retryAfter >= 1 && retryAfter <= 30, third.header("Retry-After").constData());
    QVERIFY(m_store->targets().targetByControllerId(u"new-3"_s).absent());
    // Known targets are not counted: they poll on.
    for (int i = 0; i < 5; ++i)
        QCOMPARE(m_client->get(u"/DEFAULT/controller/v1/new-1"_s).status, 200);
    QCOMPARE(m_client->get(u"/DEFAULT/controller/v1/dev-001"_s).status, 200);
}

void TestDdiServer::anonymousOnlyWhenEnabled()
{
    m_client->setAuthorization({});
    QCOMPARE(m_client->get(u"/DEFAULT/controller/v1/anon-1"_s).status, 401);
    DdiSettings open;
    open.anonymous = true;
    startServer(open);
    QCOMPARE(m_client->get(u"/DEFAULT/controller/v1/anon-1"_s).status, 200);
    QVERIFY(m_store->targets().targetByControllerId(u"anon-1"_s).found());
}

void TestDdiServer::linksFollowTrustedProxyOnly()
{
    assign(m_target, m_set.setId);
    const QList<std::pair<QByteArray, QByteArray>> forwarded = { { "X-Forwarded-Proto", "https" },
                                                                 { "X-Forwarded-Host", "updates.example.com" },
                                                                 { "X-Forwarded-Port", "443" } };
    // Not a trusted proxy: the headers are ignored.
    QString href = device(m_target).get(controller(m_target), forwarded).link(u"deploymentBase"_s);
    QVERIFY2(href.startsWith(u"http://127.0.0.1:%1/"_s.arg(m_port)), qPrintable(href));

    DdiSettings behindProxy;
    QList<std::pair<QHostAddress, int>> proxies;
    QVERIFY(ExternalUrl::parseProxies(u"127.0.0.0/8"_s, &proxies, nullptr));
    behindProxy.externalUrl = ExternalUrl({}, proxies, false);
    startServer(behindProxy);
    href = device(m_target).get(controller(m_target), forwarded).link(u"deploymentBase"_s);
    QVERIFY2(href.startsWith(u"https://updates.example.com/DEFAULT/controller/v1/dev-001/deploymentBase/"_s),
             qPrintable(href));
    const HttpAnswer d = device(m_target).get(
        href.replace(u"https://updates.example.com"_s, u"http://127.0.0.1:%1"_s.arg(m_port)),
        { { "X-Forwarded-Proto", "https" }, { "X-Forwarded-Host", "updates.example.com:8443" } });
    QVERIFY(d.json()["deployment"_L1]["chunks"_L1][0]["artifacts"_L1][0]["_links"_L1]["download"_L1]["href"_L1]
                .toString()
                .startsWith(u"https://updates.example.com:8443/"_s));

    DdiSettings configured;
    configured.externalUrl = ExternalUrl(QUrl(u"https://fleet.example.org/ota/"_s), proxies, false);
    startServer(configured);
    href = device(m_target).get(controller(m_target), forwarded).link(u"deploymentBase"_s);
    QVERIFY2(href.startsWith(u"https://fleet.example.org/ota/DEFAULT/controller/v1/"_s), qPrintable(href));
}

void TestDdiServer::swupdateFeedbackIsAccepted()
{
    // Bodies exactly as SWUpdate 2024.12 sends them (SWUpdate's suricatta/server_hawkbit.c).
    const qint64 actionId = assign(m_target, m_set.setId);
    HttpClient &dev = device(m_target);
    const QString path = controller(m_target) + u"/deploymentBase/%1/feedback"_s.arg(actionId);
    QCOMPARE(
        dev.put(
               controller(m_target) + u"/configData"_s,
               R"({ "id": "", "time": "20261122T110432", "mode" : "replace", "status": { "result": { "finished": "success" }, "execution": "closed", "details" : [ "" ] }, "data" : {  "hwId": "testboard","swupdate_test_client": "1" } })")
            .status,
        200);
    QCOMPARE(
        dev.post(
               path,
               R"({ "id": 1, "time": "20261122T110438", "status": { "result": { "progress": { "cnt" : 0, "of" : 1 }, "finished": "none" }, "execution": "proceeding", "details" : [ "Installing Update Chunk Artifacts." ] } })")
            .status,
        200);
    QCOMPARE(
        dev.post(
               path,
               R"({ "id": 1, "time": "20261122T110439", "status": { "result": { "progress": { "cnt" : 1, "of" : 0 }, "finished": "none" }, "execution": "proceeding", "details" : [ "log line" ] } })")
            .status,
        200);
    // The same report again (a retry) is applied once.
    const int entries = (*m_store->actions().countStatus(actionId));
    QCOMPARE(
        dev.post(
               path,
               R"({ "id": 1, "time": "20261122T110439", "status": { "result": { "progress": { "cnt" : 1, "of" : 0 }, "finished": "none" }, "execution": "proceeding", "details" : [ "log line" ] } })")
            .status,
        200);
    QCOMPARE((*m_store->actions().countStatus(actionId)), entries);
    QCOMPARE(
        dev.post(
               path,
               R"({ "id": 1, "time": "20261122T110440", "status": { "result": { "progress": { "cnt" : 0, "of" : 0 }, "finished": "success" }, "execution": "closed", "details" : [ "Update Installed." ] } })")
            .status,
        200);
    QCOMPARE(m_store->actions().action(actionId)->state, ActionState::Finished);
    QCOMPARE((*m_store->targets().targetAttributes(m_target.id)).value(u"hwId"_s), u"testboard"_s);
}

void TestDdiServer::failedReadsAre500NeverAnEmptyAnswer_data()
{
    QTest::addColumn<QString>("table"); // renamed away while the device asks
    QTest::addColumn<QString>("resource"); // below the controller: "" (the base poll) or "deploymentBase"
    QTest::addColumn<QString>("what"); // in the error message
    QTest::newRow("poll: open actions") << u"actions"_s << QString() << u"reading open actions of target"_s;
    QTest::newRow("deployment: modules") << u"ds_modules"_s << u"deploymentBase"_s << u"reading the modules of set"_s;
    QTest::newRow("deployment: artifacts")
        << u"artifacts"_s << u"deploymentBase"_s << u"reading the artifacts of module"_s;
    QTest::newRow("deployment: metadata")
        << u"entity_metadata"_s << u"deploymentBase"_s << u"reading the metadata of softwaremodule"_s;
    QTest::newRow("deployment: history") << u"action_status"_s << u"deploymentBase"_s
                                         << u"counting the history of action"_s;
    // A lookup of one entity that fails is not "there is none" (a deployment without its set's name).
    QTest::newRow("poll: the target") << u"targets"_s << QString() << u"the target could not be read"_s;
    QTest::newRow("deployment: the action") << u"actions"_s << u"deploymentBase"_s << u"reading action"_s;
    QTest::newRow("deployment: the set") << u"distribution_sets"_s << u"deploymentBase"_s
                                         << u"reading distribution set"_s;
    // Whether the device may see a module: a check that fails is not "not assigned to this target" (a 404 after
    // which a device gives its download up).
    QTest::newRow("artifacts: visibility")
        << u"ds_modules"_s << u"softwaremodules"_s << u"the software module could not be read"_s;
}

// A read the store fails is the device's 500 with the store's words, never an empty answer that tells it there is
// nothing to do (or a deployment without its chunks or history).
void TestDdiServer::failedReadsAre500NeverAnEmptyAnswer()
{
    QFETCH(QString, table);
    QFETCH(QString, resource);
    QFETCH(QString, what);
    const qint64 actionId = assign(m_target, m_set.setId);
    QVERIFY(actionId > 0);
    HttpClient &dev = device(m_target);
    const QString path = resource.isEmpty() ? controller(m_target)
        : resource == u"softwaremodules"_s
        ? controller(m_target) + u"/softwaremodules/%1/artifacts"_s.arg(m_set.moduleId)
        : controller(m_target) + u"/%1/%2?actionHistory=5"_s.arg(resource).arg(actionId);
    QCOMPARE(dev.get(path).status, 200);

    HttpAnswer failed;
    {
        const FlotillaTest::TableAway away(FlotillaTest::storeConnection(), table);
        QVERIFY2(away.isAway(), qPrintable(away.error()));
        failed = dev.get(path);
    }

    QCOMPARE(failed.status, 500);
    QVERIFY2(failed.json()["message"_L1].toString().contains(what), failed.body.constData());
    QCOMPARE(dev.get(path).status, 200); // and it answers again once the table is back
}

// Feedback on an action the store cannot read is a 500, which a device sends again; never the 404 of an action that
// does not exist, after which a device (SWUpdate, for one) drops what it reported.
void TestDdiServer::feedbackOnAnActionThatCannotBeReadIsNotLost()
{
    const qint64 actionId = assign(m_target, m_set.setId);
    QVERIFY(actionId > 0);
    QCOMPARE(device(m_target).get(controller(m_target)).status, 200);

    HttpAnswer failed;
    {
        const FlotillaTest::TableAway away(FlotillaTest::storeConnection(), u"actions"_s);
        QVERIFY2(away.isAway(), qPrintable(away.error()));
        failed = feedback(m_target, actionId, "closed", "success");
    }

    QCOMPARE(failed.status, 500);
    QVERIFY2(failed.json()["message"_L1].toString().contains(u"reading action %1"_s.arg(actionId)),
             failed.body.constData());
    QCOMPARE(m_store->actions().action(actionId)->state, ActionState::Running); // nothing half-applied
    QCOMPARE(feedback(m_target, actionId, "closed", "success").status, 200); // sent again, it lands
    QCOMPARE(m_store->actions().action(actionId)->state, ActionState::Finished);
}

// A retried feedback (one with the device's time) is applied once through a receipt; a receipt that cannot be
// written is a 500, after which the device sends again and the feedback lands. Before, it was answered as a
// duplicate (200) and the feedback was lost: the device took it as delivered.
void TestDdiServer::feedbackWhoseReceiptCannotBeWrittenIsNotLost()
{
    const qint64 actionId = assign(m_target, m_set.setId);
    QVERIFY(actionId > 0);
    HttpClient &dev = device(m_target);
    QCOMPARE(dev.get(controller(m_target)).status, 200);
    const QString path = controller(m_target) + u"/deploymentBase/%1/feedback"_s.arg(actionId);
    const QByteArray body
        = R"({"time":"20261201T120000","status":{"execution":"closed","result":{"finished":"success"},)"
          R"("details":["installed"]}})";

    HttpAnswer failed;
    {
        const FlotillaTest::TableAway away(FlotillaTest::storeConnection(), u"feedback_receipts"_s);
        QVERIFY2(away.isAway(), qPrintable(away.error()));
        failed = dev.post(path, body);
    }

    QCOMPARE(failed.status, 500);
    QVERIFY2(failed.json()["message"_L1].toString().contains(u"recording feedback for action %1"_s.arg(actionId)),
             failed.body.constData());
    QCOMPARE(m_store->actions().action(actionId)->state, ActionState::Running);
    QCOMPARE(dev.post(path, body).status, 200); // sent again, it lands
    QCOMPARE(m_store->actions().action(actionId)->state, ActionState::Finished);
    QCOMPARE(dev.post(path, body).status, 200); // and a third time it is the duplicate it is
    QCOMPARE(history(actionId).count(HistoryStatus::Finished), 1);
}

QTEST_GUILESS_MAIN(TestDdiServer)
#include "tst_ddiserver.moc"
