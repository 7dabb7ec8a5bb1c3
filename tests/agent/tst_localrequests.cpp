// What the local API takes from a client (agent/localapi/localrequests.h): each field's rule, one row each, for the
// three requests that carry an action id. The server answers a refusal INVALID_ARGUMENT with these words
// (tests/agent/tst_localapiserver), and tests/fuzz/fuzz_localrequests runs the same functions on any bytes.
#include "agent/localapi/localrequests.h"
#include "device/v1/localupdate.pb.h"

#include <QTest>

using namespace Flotilla::Agent;
using namespace Qt::StringLiterals;
namespace pb = flotilla::device::v1;

// The refusal's words, or nothing (for a test's message, which is evaluated whether it fails or not).
template<typename T> QString refusalOf(const LocalRequest<T> &r)
{
    const QString *why = std::get_if<QString>(&r);
    return why ? *why : QString();
}

class TestLocalRequests : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void decisions_data();
    void decisions();
    void postpones_data();
    void postpones();
    void installNow();
};

void TestLocalRequests::decisions_data()
{
    QTest::addColumn<QByteArray>("actionId");
    QTest::addColumn<QByteArray>("by");
    QTest::addColumn<QByteArray>("remark");
    QTest::addColumn<QString>("refusal"); // empty: taken as it is

    QTest::newRow("plain") << "42"_ba << "kiosk"_ba << "approved at the line"_ba << QString();
    QTest::newRow("remark with lines") << "42"_ba << "kiosk"_ba << "first\nsecond\tthird"_ba << QString();
    QTest::newRow("unicode") << "42"_ba << "Jürgen"_ba << "Straße 3 — ok ✓"_ba << QString();
    QTest::newRow("no action") << ""_ba << "kiosk"_ba << ""_ba << u"action_id is required"_s;
    QTest::newRow("action id 64") << QByteArray(64, '9') << ""_ba << ""_ba << QString();
    QTest::newRow("action id 65") << QByteArray(65, '9') << ""_ba << ""_ba
                                  << u"action_id has 65 characters; at most 64 are taken"_s;
    QTest::newRow("action id with a space") << "4 2"_ba << ""_ba << ""_ba << u"action_id contains a space"_s;
    QTest::newRow("action id with NUL") << QByteArray("4\0002", 3) << ""_ba << ""_ba
                                        << u"action_id contains a control character (U+0000)"_s;
    QTest::newRow("action id with a line break")
        << "42\n"_ba << ""_ba << ""_ba << u"action_id contains a control character (U+000A)"_s;
    QTest::newRow("invalid UTF-8") << "42"_ba << "\xff\xfe"_ba << ""_ba << u"decided_by is not valid UTF-8"_s;
    QTest::newRow("overlong UTF-8") << "42"_ba << "\xc0\xaf"_ba << ""_ba << u"decided_by is not valid UTF-8"_s;
    QTest::newRow("name 128") << "42"_ba << QByteArray(128, 'a') << ""_ba << QString();
    QTest::newRow("name 129") << "42"_ba << QByteArray(129, 'a') << ""_ba
                              << u"decided_by has 129 characters; at most 128 are taken"_s;
    QTest::newRow("name with escape") << "42"_ba << "\x1b[31mroot"_ba << ""_ba
                                      << u"decided_by contains a control character (U+001B)"_s;
    QTest::newRow("name with a line break")
        << "42"_ba << "kiosk\nforged log line"_ba << ""_ba << u"decided_by contains a control character (U+000A)"_s;
    QTest::newRow("name with bidi override")
        << "42"_ba << "kiosk\u202e"_ba << ""_ba << u"decided_by contains a control character (U+202E)"_s;
    QTest::newRow("remark 512") << "42"_ba << ""_ba << QByteArray(512, 'r') << QString();
    // Before: cut to 512 characters without a word; now refused, so nothing is lost silently.
    QTest::newRow("remark 513") << "42"_ba << ""_ba << QByteArray(513, 'r')
                                << u"remark has 513 characters; at most 512 are taken"_s;
    QTest::newRow("remark with a carriage return")
        << "42"_ba << ""_ba << "a\rb"_ba << u"remark contains a control character (U+000D)"_s;
}

void TestLocalRequests::decisions()
{
    QFETCH(QByteArray, actionId);
    QFETCH(QByteArray, by);
    QFETCH(QByteArray, remark);
    QFETCH(QString, refusal);
    pb::ConsentDecision in;
    in.set_action_id(actionId.toStdString());
    in.set_decided_by(by.toStdString());
    in.set_remark(remark.toStdString());
    const LocalRequest<LocalDecision> out = LocalRequests::decisionOf(in);
    if (!refusal.isEmpty()) {
        QVERIFY(std::holds_alternative<QString>(out));
        QCOMPARE(std::get<QString>(out), refusal);
        return;
    }
    QVERIFY2(std::holds_alternative<LocalDecision>(out), qPrintable(refusalOf(out)));
    const LocalDecision &d = std::get<LocalDecision>(out);
    QCOMPARE(d.actionId, QString::fromUtf8(actionId));
    QCOMPARE(d.by, QString::fromUtf8(by));
    QCOMPARE(d.remark, QString::fromUtf8(remark)); // whole, never shortened
}

void TestLocalRequests::postpones_data()
{
    QTest::addColumn<qint64>("untilFromNow"); // seconds; the request's until is now + this (0: none given)
    QTest::addColumn<qint64>("until"); // when untilFromNow is 0: the request's until as it is
    QTest::addColumn<QString>("refusal");
    constexpr qint64 day = 86400;
    QTest::newRow("in an hour") << qint64(3600) << qint64(0) << QString();
    QTest::newRow("a year ahead") << 366 * day << qint64(0) << QString();
    QTest::newRow("a year and a second") << 366 * day + 1 << qint64(0) << u"until is more than 366 days ahead"_s;
    QTest::newRow("none") << qint64(0) << qint64(0) << u"until (seconds since the epoch) is required"_s;
    QTest::newRow("negative") << qint64(0) << qint64(-5) << u"until (seconds since the epoch) is required"_s;
    // Never made into a QDateTime, so nothing wraps round to a time in the past or an invalid one.
    QTest::newRow("largest int64") << qint64(0) << std::numeric_limits<qint64>::max()
                                   << u"until is more than 366 days ahead"_s;
    // In the past: the agent answers it ("must lie in the future"), accepted=false, as before.
    QTest::newRow("an hour ago") << qint64(-3600) << qint64(0) << QString();
}

void TestLocalRequests::postpones()
{
    QFETCH(qint64, untilFromNow);
    QFETCH(qint64, until);
    QFETCH(QString, refusal);
    const QDateTime now = QDateTime::fromSecsSinceEpoch(1'800'000'000, QTimeZone::UTC);
    pb::PostponeRequest in;
    in.set_action_id("42");
    in.set_requested_by("kiosk");
    in.set_until(untilFromNow != 0 ? now.toSecsSinceEpoch() + untilFromNow : until);
    const LocalRequest<LocalPostpone> out = LocalRequests::postponeOf(in, now);
    if (!refusal.isEmpty()) {
        QVERIFY(std::holds_alternative<QString>(out));
        QCOMPARE(std::get<QString>(out), refusal);
        return;
    }
    QVERIFY2(std::holds_alternative<LocalPostpone>(out), qPrintable(refusalOf(out)));
    const LocalPostpone &p = std::get<LocalPostpone>(out);
    QCOMPARE(p.until, now.addSecs(untilFromNow));
    QCOMPARE(p.until.timeSpec(), Qt::UTC);
    QCOMPARE(p.actionId, u"42"_s);
    QCOMPARE(p.by, u"kiosk"_s);
}

void TestLocalRequests::installNow()
{
    pb::ActionRequest in;
    in.set_action_id("42");
    in.set_requested_by("kiosk");
    const LocalRequest<LocalActionRequest> ok = LocalRequests::actionRequestOf(in);
    QVERIFY(std::holds_alternative<LocalActionRequest>(ok));
    QCOMPARE(std::get<LocalActionRequest>(ok).actionId, u"42"_s);
    in.set_requested_by(std::string(200, 'x'));
    const LocalRequest<LocalActionRequest> tooLong = LocalRequests::actionRequestOf(in);
    QCOMPARE(std::get<QString>(tooLong), u"requested_by has 200 characters; at most 128 are taken"_s);
    in.clear_action_id();
    QCOMPARE(std::get<QString>(LocalRequests::actionRequestOf(in)), u"action_id is required"_s);
}

QTEST_GUILESS_MAIN(TestLocalRequests)
#include "tst_localrequests.moc"
