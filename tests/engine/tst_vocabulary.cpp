// The status vocabulary's names come from the meta-object (engine/vocabulary.h): each value must come out in
// hawkBit's spelling, and every name must read back, in upper or lower case.
#include "engine/action.h"
#include "engine/autoassignment.h"
#include "engine/rollout.h"
#include "engine/targetstatemachine.h"

#include <QTest>

using namespace Flotilla;
using namespace Qt::StringLiterals;

class TestVocabulary : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void names_data();
    void names();
    void unknownNamesAreRefused();
};

namespace {
// hawkBit's names, by the enum's order.
const QStringList actionStates = { u"SCHEDULED"_s, u"WAIT_FOR_CONFIRMATION"_s,
                                   u"RUNNING"_s,   u"CANCELING"_s,
                                   u"CANCELED"_s,  u"FINISHED"_s,
                                   u"ERROR"_s,     u"DOWNLOADED"_s };
const QStringList historyStatuses = {
    u"FINISHED"_s,  u"ERROR"_s,    u"WARNING"_s,   u"RUNNING"_s,         u"CANCELED"_s,   u"CANCELING"_s,
    u"RETRIEVED"_s, u"DOWNLOAD"_s, u"SCHEDULED"_s, u"CANCEL_REJECTED"_s, u"DOWNLOADED"_s, u"WAIT_FOR_CONFIRMATION"_s
};
const QStringList actionTypes = { u"forced"_s, u"soft"_s, u"downloadonly"_s, u"timeforced"_s };
const QStringList targetStates = { u"UNKNOWN"_s, u"REGISTERED"_s, u"PENDING"_s, u"IN_SYNC"_s, u"ERROR"_s };
const QStringList rolloutStates = { u"CREATING"_s,        u"WAITING_FOR_APPROVAL"_s,
                                    u"APPROVAL_DENIED"_s, u"READY"_s,
                                    u"STARTING"_s,        u"RUNNING"_s,
                                    u"PAUSED"_s,          u"STOPPING"_s,
                                    u"STOPPED"_s,         u"FINISHED"_s };
const QStringList groupStates = { u"CREATING"_s, u"READY"_s, u"SCHEDULED"_s, u"RUNNING"_s, u"FINISHED"_s, u"ERROR"_s };
const QStringList autoAssignmentStatuses
    = { u"waiting_for_approval"_s, u"approval_denied"_s, u"ready"_s, u"paused"_s, u"running"_s };
} // namespace

void TestVocabulary::names_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("value");
    QTest::addColumn<QString>("name");
    const auto rows = [](const char *kind, const QStringList &names) {
        for (int i = 0; i < names.size(); ++i)
            QTest::addRow("%s %s", kind, qPrintable(names.at(i))) << QString::fromLatin1(kind) << i << names.at(i);
    };
    rows("action", actionStates);
    rows("history", historyStatuses);
    rows("type", actionTypes);
    rows("target", targetStates);
    rows("rollout", rolloutStates);
    rows("group", groupStates);
    rows("autoassignment", autoAssignmentStatuses);
}

void TestVocabulary::names()
{
    QFETCH(QString, kind);
    QFETCH(int, value);
    QFETCH(QString, name);
    QString actual;
    std::optional<int> upper;
    std::optional<int> lower;
    const auto read = [&](auto fromString) {
        const auto u = fromString(name.toUpper());
        const auto l = fromString(name.toLower());
        upper = u ? std::optional(int(*u)) : std::nullopt;
        lower = l ? std::optional(int(*l)) : std::nullopt;
    };
    if (kind == u"action"_s) {
        actual = nameOf(ActionState(value));
        read([](const QString &n) { return actionStateFromString(n); });
    } else if (kind == u"history"_s) {
        actual = nameOf(HistoryStatus(value));
        read([](const QString &n) { return historyStatusFromString(n); });
    } else if (kind == u"type"_s) {
        actual = nameOf(ActionType(value));
        read([](const QString &n) { return actionTypeFromString(n); });
    } else if (kind == u"target"_s) {
        actual = nameOf(TargetState(value));
        read([](const QString &n) { return targetStateFromString(n); });
    } else if (kind == u"rollout"_s) {
        actual = nameOf(RolloutState(value));
        read([](const QString &n) { return rolloutStateFromString(n); });
    } else if (kind == u"group"_s) {
        actual = nameOf(RolloutGroupState(value));
        read([](const QString &n) { return rolloutGroupStateFromString(n); });
    } else {
        actual = nameOf(AutoAssignmentStatus(value));
        read([](const QString &n) { return autoAssignmentStatusFromString(n); });
    }
    QCOMPARE(actual, name);
    QCOMPARE(upper, std::optional(value));
    QCOMPARE(lower, std::optional(value));
}

void TestVocabulary::unknownNamesAreRefused()
{
    QVERIFY(!actionStateFromString(u"WAITFORCONFIRMATION"));
    QVERIFY(!targetStateFromString(u"INSYNC"));
    QVERIFY(!actionTypeFromString(u"download_only"));
    QVERIFY(!rolloutStateFromString(QString()));
    QCOMPARE(nameOf(ActionState(200)), QString()); // out of range: no name, no crash
}

QTEST_GUILESS_MAIN(TestVocabulary)
#include "tst_vocabulary.moc"
