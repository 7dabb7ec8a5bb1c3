// The DDI JSON codecs: what real clients send decodes, what is required is required (with the field named),
// and what the server encodes decodes again on the device side.
#include "proto/ddi/ddimessages.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Flotilla::Ddi;
using namespace Qt::StringLiterals;

using Links = QMap<QString, QString>;

class TestDdiMessages : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void feedback_data();
    void feedback();
    void feedbackRoundTrip();
    void confirmation_data();
    void confirmation();
    void configData_data();
    void configData();
    void sleep_data();
    void sleep();
    void controllerBaseRoundTrip();
    void controllerBaseIsWhatQJsonDocumentWrites_data();
    void controllerBaseIsWhatQJsonDocumentWrites();
    void deploymentOmitsNulls();
    void deploymentRoundTrip();
    void deploymentDecode_data();
    void deploymentDecode();
    void cancelActionDecode_data();
    void cancelActionDecode();
    void confirmationBaseRoundTrip();
    void plainFileNames_data();
    void plainFileNames();
};

void TestDdiMessages::feedback_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("execution");
    QTest::addColumn<int>("finished");
    QTest::addColumn<QString>("error");
    auto row = [](const char *name, const QByteArray &json, Execution e, Finished f) {
        QTest::newRow(name) << json << true << int(e) << int(f) << QString();
    };
    auto bad = [](const char *name, const QByteArray &json, const QString &error) {
        QTest::newRow(name) << json << false << 0 << 0 << error;
    };
    row("hawkBit 0.7+ body",
        R"({"timestamp":1627997501890,"status":{"execution":"proceeding","result":{"finished":"none","progress":{"cnt":2,"of":5}},"code":200,"details":["a","b"]}})",
        Execution::Proceeding, Finished::None);
    row("SWUpdate: old id and time, cnt > of",
        R"({ "id": 1, "time": "20261122T110438", "status": { "result": { "progress": { "cnt" : 1, "of" : 0 }, "finished": "none" }, "execution": "proceeding", "details" : [ "x" ] } })",
        Execution::Proceeding, Finished::None);
    row("closed failure", R"({"status":{"execution":"closed","result":{"finished":"failure"}}})", Execution::Closed,
        Finished::Failure);
    row("unknown fields ignored",
        R"({"extra":true,"status":{"execution":"downloaded","result":{"finished":"none","x":1}}})",
        Execution::Downloaded, Finished::None);
    bad("empty body", "", u"malformed JSON"_s);
    bad("no status", R"({"timestamp":1})", u"'status'"_s);
    bad("status not an object", R"({"status":"closed"})", u"'status'"_s);
    bad("unknown execution", R"({"status":{"execution":"finished","result":{"finished":"none"}}})",
        u"status.execution"_s);
    bad("no result", R"({"status":{"execution":"closed"}})", u"status.result"_s);
    bad("unknown finished", R"({"status":{"execution":"closed","result":{"finished":"ok"}}})",
        u"status.result.finished"_s);
    bad("progress count not a number",
        R"({"status":{"execution":"closed","result":{"finished":"none","progress":{"cnt":"1"}}}})",
        u"status.result.progress.cnt"_s);
}

void TestDdiMessages::feedback()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, valid);
    QFETCH(int, execution);
    QFETCH(int, finished);
    QFETCH(QString, error);
    DecodeError e;
    const std::optional<ActionFeedback> f = ActionFeedback::decode(json, &e);
    QCOMPARE(f.has_value(), valid);
    if (!valid) {
        QVERIFY2(e.message.contains(error), qPrintable(e.message));
        return;
    }
    QCOMPARE(int(f->execution), execution);
    QCOMPARE(int(f->finished), finished);
}

void TestDdiMessages::feedbackRoundTrip()
{
    ActionFeedback f;
    f.execution = Execution::Closed;
    f.finished = Finished::Success;
    f.code = 7;
    f.details = { u"done"_s, u"rebooted"_s };
    f.progressCount = 3;
    f.progressOf = 3;
    f.timestampMs = 1700000000000;
    const std::optional<ActionFeedback> back = ActionFeedback::decode(f.encode(), nullptr);
    QVERIFY(back);
    QCOMPARE(back->execution, f.execution);
    QCOMPARE(back->finished, f.finished);
    QCOMPARE(back->code, f.code);
    QCOMPARE(back->details, f.details);
    QCOMPARE(back->progressCount, f.progressCount);
    QCOMPARE(back->timestampMs, f.timestampMs);
}

void TestDdiMessages::confirmation_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<bool>("confirmed");
    QTest::newRow("confirmed") << R"({"confirmation":"confirmed"})"_ba << true << true;
    QTest::newRow("denied with code and details")
        << R"({"confirmation":"denied","code":3,"details":["busy"]})"_ba << true << false;
    QTest::newRow("missing") << R"({"code":3})"_ba << false << false;
    QTest::newRow("unknown word") << R"({"confirmation":"yes"})"_ba << false << false;
}

void TestDdiMessages::confirmation()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, valid);
    QFETCH(bool, confirmed);
    DecodeError e;
    const auto c = ConfirmationFeedback::decode(json, &e);
    QCOMPARE(c.has_value(), valid);
    if (valid)
        QCOMPARE(c->confirmation == Confirmation::Confirmed, confirmed);
    else
        QVERIFY(e.message.contains(u"'confirmation'"_s));
}

void TestDdiMessages::configData_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("mode");
    QTest::addColumn<int>("count");
    QTest::newRow("default merge") << R"({"data":{"a":"1"}})"_ba << true << int(ConfigDataMode::Merge) << 1;
    QTest::newRow("replace") << R"({"mode":"replace","data":{"a":"1","b":"2"}})"_ba << true
                             << int(ConfigDataMode::Replace) << 2;
    QTest::newRow("numbers become text") << R"({"data":{"n":5,"b":true}})"_ba << true << int(ConfigDataMode::Merge)
                                         << 2;
    QTest::newRow("bad mode") << R"({"mode":"append","data":{}})"_ba << false << 0 << 0;
    QTest::newRow("no data") << R"({"mode":"merge"})"_ba << false << 0 << 0;
    QTest::newRow("nested value") << R"({"data":{"a":{"b":1}}})"_ba << false << 0 << 0;
}

void TestDdiMessages::configData()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, valid);
    QFETCH(int, mode);
    QFETCH(int, count);
    DecodeError e;
    const auto c = ConfigData::decode(json, &e);
    QCOMPARE(c.has_value(), valid);
    if (!valid) {
        QVERIFY(!e.message.isEmpty());
        return;
    }
    QCOMPARE(int(c->mode), mode);
    QCOMPARE(c->data.size(), count);
}

void TestDdiMessages::sleep_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << qint64(0) << u"00:00:00"_s;
    QTest::newRow("five minutes") << qint64(300) << u"00:05:00"_s;
    QTest::newRow("mixed") << qint64(3 * 3600 + 25 * 60 + 7) << u"03:25:07"_s;
    QTest::newRow("two digits everywhere") << qint64(12 * 3600 + 34 * 60 + 56) << u"12:34:56"_s;
    QTest::newRow("one second short of a day") << qint64(86399) << u"23:59:59"_s;
    QTest::newRow("a day or more is capped for strptime(%T) clients") << qint64(90000) << u"23:59:59"_s;
}

void TestDdiMessages::sleep()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, text);
    QCOMPARE(formatSleep(seconds), text);
    QCOMPARE(parseSleep(text), std::min<qint64>(seconds, 86399));
    QVERIFY(!parseSleep(u"5:00"_s));
    QVERIFY(!parseSleep(u"00:61:00"_s));
    // hawkBit 0.10's jitter suffix: the base interval (the device jitters itself); a broken suffix is refused.
    QCOMPARE(parsePollSleep(text + u"~10%"_s), std::min<qint64>(seconds, 86399));
    QCOMPARE(parsePollSleep(text), std::min<qint64>(seconds, 86399));
    QVERIFY(!parsePollSleep(text + u"~10"_s));
    QVERIFY(!parsePollSleep(text + u"~x%"_s));
    QVERIFY(!parseSleep(text + u"~10%"_s)); // an operator's setting is exact
}

void TestDdiMessages::controllerBaseRoundTrip()
{
    ControllerBase b;
    b.sleepSeconds = 42;
    b.links.insert(u"deploymentBase"_s, u"http://h/T/controller/v1/c/deploymentBase/3?c=1"_s);
    const auto back = ControllerBase::decode(b.encode(), nullptr);
    QVERIFY(back);
    QCOMPARE(back->sleepSeconds, 42);
    QCOMPARE(back->links, b.links);
    QVERIFY(!ControllerBase::decode(R"({"_links":{}})", nullptr)); // SWUpdate needs the sleep: so do we
}

void TestDdiMessages::controllerBaseIsWhatQJsonDocumentWrites_data()
{
    QTest::addColumn<qint64>("sleep");
    QTest::addColumn<Links>("links");
    const QString c = u"https://h:8443/DEFAULT/controller/v1/dev-1"_s;
    QTest::newRow("nothing to do") << qint64(300) << Links {};
    QTest::newRow("no sleep") << qint64(0) << Links {};
    QTest::newRow("a day or more") << qint64(200000) << Links {};
    QTest::newRow("a deployment") << qint64(300)
                                  << Links { { u"deploymentBase"_s, c + u"/deploymentBase/7?c=-2129030598"_s } };
    QTest::newRow("every link") << qint64(59)
                                << Links { { u"deploymentBase"_s, c + u"/deploymentBase/7?c=1"_s },
                                           { u"cancelAction"_s, c + u"/cancelAction/8"_s },
                                           { u"confirmationBase"_s, c + u"/confirmationBase/9?c=2"_s },
                                           { u"installedBase"_s, c + u"/installedBase/3"_s },
                                           { u"configData"_s, c + u"/configData"_s } };
    // Strings JSON escapes, or may: written through QJsonDocument.
    QTest::newRow("a quote") << qint64(300) << Links { { u"configData"_s, u"http://h/T/a\"b"_s } };
    QTest::newRow("a backslash") << qint64(300) << Links { { u"configData"_s, u"http://h/T/a\\b"_s } };
    QTest::newRow("a control character") << qint64(300) << Links { { u"configData"_s, u"http://h/T/a\tb\x01"_s } };
    QTest::newRow("DEL") << qint64(300) << Links { { u"configData"_s, u"http://h/T/a\x7f"_s } };
    QTest::newRow("not ASCII") << qint64(300) << Links { { u"configData"_s, u"http://h/T/Gerät-データ/x"_s } };
    QTest::newRow("a plain link and an escaped one")
        << qint64(300)
        << Links { { u"configData"_s, c + u"/configData"_s },
                   { u"installedBase"_s, u"http://h/T/\"q\"/installedBase/1"_s } };
}

// The poll's answer is written directly when it can be: byte for byte what QJsonDocument writes, whatever it holds.
void TestDdiMessages::controllerBaseIsWhatQJsonDocumentWrites()
{
    QFETCH(qint64, sleep);
    QFETCH(Links, links);
    QJsonObject linkObjects;
    for (auto it = links.cbegin(); it != links.cend(); ++it)
        linkObjects.insert(it.key(), QJsonObject { { u"href"_s, it.value() } });
    const QJsonObject expected {
        { u"config"_s, QJsonObject { { u"polling"_s, QJsonObject { { u"sleep"_s, formatSleep(sleep) } } } } },
        { u"_links"_s, linkObjects },
    };
    ControllerBase b;
    b.sleepSeconds = sleep;
    b.links = links;
    QCOMPARE(b.encode(), QJsonDocument(expected).toJson(QJsonDocument::Compact));
    const auto back = ControllerBase::decode(b.encode(), nullptr);
    QVERIFY(back);
    QCOMPARE(back->links, links);
}

void TestDdiMessages::deploymentOmitsNulls()
{
    Deployment d;
    d.actionId = u"8"_s;
    d.download = Handling::Attempt;
    d.update = Handling::Skip;
    d.chunks.append({ u"os"_s, u"1.0"_s, u"fw"_s, false, {}, {} });
    QJsonObject o = QJsonDocument::fromJson(d.encode()).object();
    QCOMPARE(o["id"_L1].toString(), u"8"_s);
    QVERIFY(!o["deployment"_L1].toObject().contains("maintenanceWindow"_L1));
    QVERIFY(!o.contains("actionHistory"_L1));
    QVERIFY(!o["deployment"_L1]["chunks"_L1][0].toObject().contains("encrypted"_L1));
    d.maintenanceWindowAvailable = false;
    o = QJsonDocument::fromJson(d.encode(Deployment::Kind::Confirmation)).object();
    QCOMPARE(o["confirmation"_L1]["maintenanceWindow"_L1].toString(), u"unavailable"_s);
    QCOMPARE(o["confirmation"_L1]["update"_L1].toString(), u"skip"_s);
}

void TestDdiMessages::deploymentRoundTrip()
{
    Deployment d;
    d.actionId = u"17"_s;
    d.download = Handling::Forced;
    d.update = Handling::Skip;
    d.maintenanceWindowAvailable = false;
    // Flotilla's extensions for the device's screen.
    d.maintenanceWindowStartMs = 1'790'000'000'000;
    d.maintenanceWindowEndMs = 1'790'001'800'000;
    d.distributionSetName = u"press-line"_s;
    d.distributionSetVersion = u"2026.11"_s;
    d.forceTimeMs = 1'790'500'000'000;
    Artifact a;
    a.filename = u"rootfs.swu"_s;
    a.size = 5'000'000'000;
    a.sha1 = QString(40, u'a');
    a.md5 = QString(32, u'b');
    a.sha256 = QString(64, u'c');
    a.links = { u"https://h/d"_s, u"http://h/d"_s, u"https://h/d.MD5SUM"_s, u"http://h/d.MD5SUM"_s };
    d.chunks.append({ u"os"_s, u"2.1"_s, u"fw"_s, true, { a }, { { u"notes"_s, u"fixes"_s } } });
    d.history = ActionHistory { u"RUNNING"_s, { u"newest"_s, u"older"_s } };
    for (const auto kind : { Deployment::Kind::Deployment, Deployment::Kind::Confirmation }) {
        DecodeError error;
        const auto back = Deployment::decode(d.encode(kind), &error);
        QVERIFY2(back, qPrintable(error.message));
        QCOMPARE(back->actionId, d.actionId);
        QCOMPARE(back->download, Handling::Forced);
        QCOMPARE(back->update, Handling::Skip);
        QCOMPARE(back->maintenanceWindowAvailable, std::optional<bool>(false));
        QCOMPARE(back->maintenanceWindowStartMs, d.maintenanceWindowStartMs);
        QCOMPARE(back->maintenanceWindowEndMs, d.maintenanceWindowEndMs);
        QCOMPARE(back->distributionSetName, u"press-line"_s);
        QCOMPARE(back->distributionSetVersion, u"2026.11"_s);
        QCOMPARE(back->forceTimeMs, d.forceTimeMs);
        QCOMPARE(back->chunks.size(), 1);
        const Chunk &c = back->chunks.first();
        QCOMPARE(c.part, u"os"_s);
        QCOMPARE(c.version, u"2.1"_s);
        QVERIFY(c.encrypted);
        QCOMPARE(c.metadata, d.chunks.first().metadata);
        QCOMPARE(c.artifacts.size(), 1);
        QCOMPARE(c.artifacts.first().size, a.size);
        QCOMPARE(c.artifacts.first().sha256, a.sha256);
        QCOMPARE(c.artifacts.first().links.downloadHttp, a.links.downloadHttp);
        QCOMPARE(c.artifacts.first().links.md5sum, a.links.md5sum);
        QCOMPARE(back->history->messages, d.history->messages);
    }
}

void TestDdiMessages::deploymentDecode_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error"); // empty: decodes
    const QByteArray sha256 = QByteArray(64, 'e');
    const auto body = [](const QByteArray &artifact) {
        return R"({"id":"5","deployment":{"download":"forced","update":"attempt","chunks":[{"part":"os","version":"1","name":"n","artifacts":[)"
            + artifact + "]}]}}";
    };
    QTest::newRow("hawkBit's documented example") << QByteArray(
        R"({"id":"8","deployment":{"download":"forced","update":"forced","maintenanceWindow":"available","chunks":[{"part":"os","version":"1.0.79","name":"one Firmware","encrypted":true,"artifacts":[{"filename":"binary.tgz","size":13,"hashes":{"sha1":"1bb2e0b5a31d5d0e2a1d8fa1d0b1c2fa0a0f9c11","md5":"0123456789abcdef0123456789abcdef","sha256":")"
        + sha256
        + R"("},"_links":{"download-http":{"href":"http://h/x"}}}],"metadata":[{"key":"k","value":"v"}]}]},"actionHistory":{"status":"RUNNING","messages":["a"]}})")
                                                  << QString();
    QTest::newRow("numeric id (some servers)")
        << QByteArray(R"({"id":8,"deployment":{"download":"skip","update":"skip","chunks":[]}})") << QString();
    QTest::newRow("malformed JSON") << QByteArray(R"({"id":"8","deployment":)") << u"malformed JSON"_s;
    QTest::newRow("not an object") << QByteArray("[1]") << u"JSON object"_s;
    QTest::newRow("no id") << QByteArray(R"({"deployment":{"download":"forced","update":"forced","chunks":[]}})")
                           << u"'id'"_s;
    QTest::newRow("no deployment") << QByteArray(R"({"id":"1"})") << u"'deployment'"_s;
    QTest::newRow("unknown handling") << QByteArray(
        R"({"id":"1","deployment":{"download":"now","update":"forced","chunks":[]}})")
                                      << u"deployment.download"_s;
    QTest::newRow("no chunks") << QByteArray(R"({"id":"1","deployment":{"download":"forced","update":"forced"}})")
                               << u"deployment.chunks"_s;
    QTest::newRow("bad window") << QByteArray(
        R"({"id":"1","deployment":{"download":"forced","update":"forced","maintenanceWindow":"soon","chunks":[]}})")
                                << u"maintenanceWindow"_s;
    QTest::newRow("chunk without part") << QByteArray(
        R"({"id":"1","deployment":{"download":"forced","update":"forced","chunks":[{"artifacts":[]}]}})")
                                        << u"chunks[0].part"_s;
    QTest::newRow("negative size") << body(R"({"filename":"a","size":-1})") << u"artifacts[0].size"_s;
    QTest::newRow("fractional size") << body(R"({"filename":"a","size":1.5})") << u"artifacts[0].size"_s;
    QTest::newRow("size as text") << body(R"({"filename":"a","size":"12"})") << u"artifacts[0].size"_s;
    QTest::newRow("absurd size") << body(R"({"filename":"a","size":1e300})") << u"artifacts[0].size"_s;
    QTest::newRow("path in filename") << body(R"({"filename":"../../etc/passwd","size":1})") << u"plain file name"_s;
    QTest::newRow("dot dot filename") << body(R"({"filename":"..","size":1})") << u"plain file name"_s;
    QTest::newRow("empty filename") << body(R"({"filename":"","size":1})") << u"plain file name"_s;
    QTest::newRow("short sha256") << body(R"({"filename":"a","size":1,"hashes":{"sha256":"abc"}})")
                                  << u"hashes.sha256"_s;
    QTest::newRow("non-hex md5") << body(
        R"({"filename":"a","size":1,"hashes":{"md5":"zz23456789abcdef0123456789abcdef"}})")
                                 << u"hashes.md5"_s;
}

void TestDdiMessages::deploymentDecode()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    DecodeError e;
    const auto d = Deployment::decode(json, &e);
    if (error.isEmpty()) {
        QVERIFY2(d, qPrintable(e.message));
        return;
    }
    QVERIFY(!d);
    QVERIFY2(e.message.contains(error), qPrintable(e.message));
}

void TestDdiMessages::cancelActionDecode_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("stopId"); // empty: refused
    QTest::newRow("hawkBit") << QByteArray(R"({"id":"11","cancelAction":{"stopId":"11"}})") << u"11"_s;
    QTest::newRow("numbers") << QByteArray(R"({"id":11,"cancelAction":{"stopId":12}})") << u"12"_s;
    QTest::newRow("no stopId") << QByteArray(R"({"id":"11","cancelAction":{}})") << QString();
    QTest::newRow("no cancelAction") << QByteArray(R"({"id":"11"})") << QString();
    QTest::newRow("garbage") << QByteArray("<html>") << QString();
}

void TestDdiMessages::cancelActionDecode()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, stopId);
    DecodeError e;
    const auto c = CancelAction::decode(json, &e);
    QCOMPARE(bool(c), !stopId.isEmpty());
    if (c)
        QCOMPARE(c->stopId, stopId);
    else
        QVERIFY(!e.message.isEmpty());
}

void TestDdiMessages::confirmationBaseRoundTrip()
{
    ConfirmationBase b;
    b.autoConfirmActive = true;
    b.initiator = u"ops"_s;
    b.remark = u"night shift"_s;
    b.activatedAtMs = 1700000000000;
    b.links.insert(u"confirmationBase"_s, u"http://h/T/controller/v1/c/confirmationBase/4?c=1"_s);
    const auto back = ConfirmationBase::decode(b.encode(), nullptr);
    QVERIFY(back);
    QVERIFY(back->autoConfirmActive);
    QCOMPARE(back->initiator, b.initiator);
    QCOMPARE(back->remark, b.remark);
    QCOMPARE(back->activatedAtMs, b.activatedAtMs);
    QCOMPARE(back->links, b.links);
    QVERIFY(!ConfirmationBase::decode(R"({"autoConfirm":{"active":"yes"}})", nullptr));
}

void TestDdiMessages::plainFileNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("plain");
    QTest::newRow("name") << u"rootfs-1.2.swu"_s << true;
    QTest::newRow("dotfile") << u".config"_s << true;
    QTest::newRow("slash") << u"a/b"_s << false;
    QTest::newRow("backslash") << u"a\\b"_s << false;
    QTest::newRow("dot") << u"."_s << false;
    QTest::newRow("dot dot") << u".."_s << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("NUL") << QString(u"a"_s + QChar(0)) << false;
    QTest::newRow("too long") << QString(256, u'x') << false;
}

void TestDdiMessages::plainFileNames()
{
    QFETCH(QString, name);
    QFETCH(bool, plain);
    QCOMPARE(isPlainFileName(name), plain);
}

QTEST_GUILESS_MAIN(TestDdiMessages)
#include "tst_ddimessages.moc"
