// The DDI JSON codecs: what real clients send decodes, what is required is required (with the field named),
// and what the server encodes decodes again on the device side.
#include "ddimessages.h"

#include <QJsonDocument>
#include <QTest>

using namespace Flotilla::Ddi;
using namespace Qt::StringLiterals;

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
    void deploymentOmitsNulls();
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

QTEST_GUILESS_MAIN(TestDdiMessages)
#include "tst_ddimessages.moc"
