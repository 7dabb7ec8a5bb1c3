// The fleet description (flotilla-sim --fleet): what a profile may say, the errors that name the key, and how
// devices are shared out among the profiles.
#include "sim/fleetdescription.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Flotilla::Sim::DeviceProfile;
using Flotilla::Sim::FleetDescription;

class TestFleetDescription : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsEveryKey()
    {
        QString error;
        const auto fleet = FleetDescription::fromJson(R"({"profiles": [
            {"name": "cellular", "share": 0.25, "pollSeconds": 600, "pollJitter": 0.3, "bandwidthKiBps": 64,
             "installSeconds": 30, "rebootSeconds": 45, "failure": {"download": 0.1, "install": 0.02, "apply": 0.01},
             "consent": {"answer": "confirm", "afterSeconds": 120}, "offline": {"everySeconds": 3600, "forSeconds": 600},
             "attributes": {"hw": "rev-{n}", "name": "{id}"}},
            {"name": "kiosk", "share": 0.75, "consent": {"answer": "never"}}]})",
                                                      &error);
        QVERIFY2(fleet, qPrintable(error));
        QCOMPARE(fleet->profiles.size(), 2);
        const DeviceProfile &p = fleet->profiles.at(0);
        QCOMPARE(p.name, u"cellular"_s);
        QCOMPARE(p.share, 0.25);
        QCOMPARE(p.pollSeconds, 600);
        QCOMPARE(p.pollJitter, 0.3);
        QCOMPARE(p.bandwidthBytesPerSecond, 64 * 1024);
        QCOMPARE(p.installSeconds, 30.0);
        QCOMPARE(p.rebootSeconds, 45.0);
        QCOMPARE(p.downloadFailure, 0.1);
        QCOMPARE(p.installFailure, 0.02);
        QCOMPARE(p.applyFailure, 0.01);
        QCOMPARE(p.consent, DeviceProfile::ConsentAnswer::Confirm);
        QCOMPARE(p.consentDelaySeconds, 120.0);
        QCOMPARE(p.offlineEverySeconds, 3600);
        QCOMPARE(p.offlineForSeconds, 600);
        const QMap<QString, QString> attributes { { u"hw"_s, u"rev-7"_s }, { u"name"_s, u"sim-07"_s } };
        QCOMPARE(p.attributesOf(7, u"sim-07"_s), attributes);
        QCOMPARE(fleet->profiles.at(1).consent, DeviceProfile::ConsentAnswer::Never);
        // What a profile leaves out: the defaults (the server's poll interval, no failures, confirm at once).
        QCOMPARE(fleet->profiles.at(1).pollSeconds, 0);
        QCOMPARE(fleet->profiles.at(1).installFailure, 0.0);
    }

    void refusesWhatItCannotUse_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error"); // a part of the message

        QTest::newRow("not json") << "{\"profiles\": ["
                                     ""_ba
                                  << u"not JSON"_s;
        QTest::newRow("no profiles") << R"({"profiles": []})"_ba << u"non-empty \"profiles\""_s;
        QTest::newRow("no name") << R"({"profiles": [{"share": 1}]})"_ba << u"profiles[0]: name"_s;
        QTest::newRow("unknown key") << R"({"profiles": [{"name": "a", "instalSeconds": 3}]})"_ba
                                     << u"profiles[0] (a): instalSeconds: unknown key"_s;
        QTest::newRow("share zero") << R"({"profiles": [{"name": "a", "share": 0}]})"_ba
                                    << u"share: must be more than 0"_s;
        QTest::newRow("probability above 1") << R"({"profiles": [{"name": "a", "failure": {"install": 1.5}}]})"_ba
                                             << u"profiles[0] (a): failure: install: must be a number from 0 to 1"_s;
        QTest::newRow("unknown step") << R"({"profiles": [{"name": "a", "failure": {"reboot": 0.5}}]})"_ba
                                      << u"failure: reboot: unknown step"_s;
        QTest::newRow("consent answer") << R"({"profiles": [{"name": "a", "consent": {"answer": "maybe"}}]})"_ba
                                        << u"consent: must be"_s;
        QTest::newRow("offline longer than its period")
            << R"({"profiles": [{"name": "a", "offline": {"everySeconds": 60, "forSeconds": 60}}]})"_ba
            << u"forSeconds < everySeconds"_s;
        QTest::newRow("poll seconds fraction")
            << R"({"profiles": [{"name": "a", "pollSeconds": 1.5}]})"_ba << u"pollSeconds: must be a whole number"_s;
        QTest::newRow("attribute not a string") << R"({"profiles": [{"name": "a", "attributes": {"hw": 3}}]})"_ba
                                                << u"attributes: \"hw\" must be a string"_s;
        QTest::newRow("name twice") << R"({"profiles": [{"name": "a"}, {"name": "a"}]})"_ba
                                    << u"profiles[1]: the name \"a\" is used twice"_s;
    }
    void refusesWhatItCannotUse()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        QString message;
        QVERIFY(!FleetDescription::fromJson(json, &message));
        QVERIFY2(message.contains(error), qPrintable(message));
    }

    void sharesDevicesOutInBlocks_data()
    {
        QTest::addColumn<QList<double>>("shares");
        QTest::addColumn<int>("count");
        QTest::addColumn<QList<int>>("perProfile");

        QTest::newRow("90/10 of 1000") << QList<double> { 0.9, 0.1 } << 1000 << QList<int> { 900, 100 };
        QTest::newRow("weights, not fractions") << QList<double> { 9, 1 } << 10 << QList<int> { 9, 1 };
        QTest::newRow("thirds of 10: largest remainder") << QList<double> { 1, 1, 1 } << 10 << QList<int> { 4, 3, 3 };
        QTest::newRow("tiny share still rounds") << QList<double> { 0.999, 0.001 } << 3 << QList<int> { 3, 0 };
        QTest::newRow("one device") << QList<double> { 0.5, 0.5 } << 1 << QList<int> { 1, 0 };
    }
    void sharesDevicesOutInBlocks()
    {
        QFETCH(QList<double>, shares);
        QFETCH(int, count);
        QFETCH(QList<int>, perProfile);
        FleetDescription fleet;
        fleet.profiles.clear();
        for (double share : shares) {
            DeviceProfile p;
            p.share = share;
            fleet.profiles << p;
        }
        const QList<int> assigned = fleet.assign(count);
        QCOMPARE(assigned.size(), count);
        QList<int> counted(shares.size(), 0);
        for (int profile : assigned)
            ++counted[profile];
        QCOMPARE(counted, perProfile);
        // In blocks, in the file's order: device n's profile never goes down.
        QVERIFY(std::is_sorted(assigned.cbegin(), assigned.cend()));
    }
};

QTEST_GUILESS_MAIN(TestFleetDescription)
#include "tst_fleetdescription.moc"
