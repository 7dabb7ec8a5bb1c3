// The fleet description (flotilla-sim --fleet): what a profile may say, the errors that name the key, and how
// devices are shared out among the profiles.
#include "sim/fleetdescription.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Flotilla::Sim::DeviceProfile;
using Flotilla::Sim::FleetDescription;

class TestFleetDescription : public QObject
{
    Q_OBJECT

private:
    // The "cellular" profile both readsEveryKey and readsTheSameFromIni describe, one in JSON, one in INI.
    static void checkCellular(const DeviceProfile &p)
    {
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
        QVERIFY(p.ignoresMaintenanceWindow);
    }

private Q_SLOTS:
    void readsEveryKey()
    {
        QString error;
        const auto fleet = FleetDescription::fromJson(R"({"profiles": [
            {"name": "cellular", "share": 0.25, "pollSeconds": 600, "pollJitter": 0.3, "bandwidthKiBps": 64,
             "installSeconds": 30, "rebootSeconds": 45, "failure": {"download": 0.1, "install": 0.02, "apply": 0.01},
             "consent": {"answer": "confirm", "afterSeconds": 120}, "offline": {"everySeconds": 3600, "forSeconds": 600},
             "attributes": {"hw": "rev-{n}", "name": "{id}"}, "maintenanceWindow": "ignore"},
            {"name": "kiosk", "share": 0.75, "consent": {"answer": "never"}}]})",
                                                      &error);
        QVERIFY2(fleet, qPrintable(error));
        QCOMPARE(fleet->profiles.size(), 2);
        const DeviceProfile &p = fleet->profiles.at(0);
        checkCellular(p);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(!fleet->profiles.at(1).ignoresMaintenanceWindow); // respected unless a profile says otherwise
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
        QTest::newRow("maintenance window neither respect nor ignore")
            << R"({"profiles": [{"name": "a", "maintenanceWindow": "sometimes"}]})"_ba
            << u"maintenanceWindow: must be \"respect\" or \"ignore\""_s;
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

    // An INI file says what the JSON says: the same profiles, in the order [fleet] gives.
    void readsTheSameFromIni()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"fleet.ini"_s);
        QFile ini(path);
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write("[fleet]\nprofiles=kiosk, cellular\n\n"
                  "[cellular]\nshare=0.25\npollSeconds=600\npollJitter=0.3\nbandwidthKiBps=64\ninstallSeconds=30\n"
                  "rebootSeconds=45\nfailure.download=0.1\nfailure.install=0.02\nfailure.apply=0.01\n"
                  "consent.answer=confirm\nconsent.afterSeconds=120\noffline.everySeconds=3600\n"
                  "offline.forSeconds=600\nattributes.hw=rev-{n}\nattributes.version=1.0\n"
                  "attributes.where=\"Hall 3, bay 2\"\nmaintenanceWindow=ignore\n\n"
                  "[kiosk]\nshare=0.75\nconsent.answer=never\n");
        ini.close();
        QString error;
        const auto fleet = FleetDescription::load(path, &error);
        QVERIFY2(fleet, qPrintable(error));
        QCOMPARE(fleet->profiles.size(), 2);
        QCOMPARE(fleet->profiles.at(0).name, u"kiosk"_s); // [fleet]'s order, not the file's or the alphabet's
        QCOMPARE(fleet->profiles.at(0).consent, DeviceProfile::ConsentAnswer::Never);
        const DeviceProfile &p = fleet->profiles.at(1);
        checkCellular(p);
        if (QTest::currentTestFailed())
            return;
        // Attributes stay text, even one that looks like a number or holds a comma.
        const QMap<QString, QString> attributes { { u"hw"_s, u"rev-7"_s },
                                                  { u"version"_s, u"1.0"_s },
                                                  { u"where"_s, u"Hall 3, bay 2"_s } };
        QCOMPARE(p.attributesOf(7, u"sim-07"_s), attributes);
    }

    void refusesWhatItCannotUseInIni_data()
    {
        QTest::addColumn<QByteArray>("ini");
        QTest::addColumn<QString>("error"); // a part of the message

        QTest::newRow("no sections") << "share=1\n"_ba << u"one [section] per profile"_s;
        QTest::newRow("a number that is not one")
            << "[a]\nshare=lots\n"_ba << u"profiles[0] (a): share: must be a number"_s;
        QTest::newRow("unknown key") << "[a]\ninstalSeconds=3\n"_ba << u"(a): instalSeconds: unknown key"_s;
        QTest::newRow("unknown step") << "[a]\nfailure.reboot=0.5\n"_ba << u"failure: reboot: unknown step"_s;
        QTest::newRow("order names a missing section")
            << "[fleet]\nprofiles=a, b\n[a]\nshare=1\n"_ba << u"\"b\", which has no section"_s;
        QTest::newRow("a section the order leaves out")
            << "[fleet]\nprofiles=a\n[a]\nshare=1\n[b]\nshare=1\n"_ba << u"[b] is not in [fleet] profiles"_s;
    }
    void refusesWhatItCannotUseInIni()
    {
        QFETCH(QByteArray, ini);
        QFETCH(QString, error);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"fleet.conf"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(ini);
        f.close();
        QString message;
        QVERIFY(!FleetDescription::load(path, &message));
        QVERIFY2(message.contains(error), qPrintable(message));
        QVERIFY2(message.startsWith(path), qPrintable(message)); // the file is named
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
