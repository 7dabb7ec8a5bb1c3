// Rehearsal mode (File → Rehearse with Simulated Devices…) against an embedded server: the simulated devices are
// created with their own tokens, tagged "Simulated", register and send simulated=true; a rollout to them runs
// as to real devices (with the failures asked for); the status bar says a rehearsal runs; a second start is
// refused while their targets exist; Remove deletes them and nothing else.
#include "app/console/mainwindow.h"
#include "app/console/rehearsal.h"
#include "app/console/rehearsaldialog.h"
#include "app/console/serverconnection.h"
#include "tests/app/consolefixture.h"
#include "tests/common/screenshotdir.h"

#include <QApplication>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace Flotilla;
using namespace FlotillaTest;
using namespace Qt::StringLiterals;

class TestRehearsal : public QObject
{
    Q_OBJECT

private:
    static int total(EmbeddedServer &server, const QString &rsql)
    {
        QUrlQuery q;
        q.addQueryItem(u"q"_s, rsql);
        q.addQueryItem(u"limit"_s, u"1"_s);
        const HttpAnswer a = server.api->get(u"/targets?"_s + q.toString(QUrl::FullyEncoded));
        return a.status == 200 ? a.json()["total"_L1].toInt() : -a.status;
    }

private Q_SLOTS:
    void rehearseARolloutThenRemoveTheDevices()
    {
        EmbeddedServer server;
        QVERIFY(server.start());
        QCOMPARE(
            server.api->put(u"/system/configs"_s, R"({"minPollingTime":"00:00:01","pollingTime":"00:00:01"})").status,
            204);
        QVERIFY(server.createTargets(u"real-"_s, 2)); // real devices: the rehearsal never touches them
        const qint64 set = server.createSet();
        QVERIFY(set > 0);
        QVERIFY(server.uploadArtifact(set, QByteArray(8192, 'f')));

        MainWindow window;
        window.connectToServer(server.login());
        window.show();
        RehearsalDialog *dialog = window.showRehearsalDialog();
        QVERIFY(dialog->isVisible());
        dialog->setDeviceCount(20);
        dialog->setInstallSeconds(0.2);
        dialog->setFailurePercent(0);
        QSignalSpy started(window.rehearsal(), &Rehearsal::started);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"startRehearsal"_s), Qt::LeftButton);
        QVERIFY2(started.wait(20000), qPrintable(dialog->statusText()));
        auto *label = window.findChild<QLabel *>(u"rehearsalLabel"_s);
        QVERIFY(label->isVisible());
        QVERIFY2(label->text().contains(u"20"_s), qPrintable(label->text()));

        // Registered with their tokens, tagged, and reporting simulated=true.
        QTRY_COMPARE_WITH_TIMEOUT(total(server, u"attribute.simulated==true"_s), 20, 20000);
        QCOMPARE(total(server, u"tag==Simulated"_s), 20);
        QCOMPARE(total(server, u"controllerId==rehearsal-*"_s), 20);
        QTRY_VERIFY2_WITH_TIMEOUT(dialog->statusText().contains(u"20 devices"_s), qPrintable(dialog->statusText()),
                                  5000);
        window.grab().save(screenshotDir() + u"/rehearsal-running.png"_s);
        dialog->grab().save(screenshotDir() + u"/rehearsal-dialog.png"_s);

        // A rollout to them runs to the end, as to real devices.
        const HttpAnswer created
            = server.api->post(u"/rollouts"_s,
                               QJsonDocument(QJsonObject { { "name"_L1, u"rehearsed"_s },
                                                           { "distributionSetId"_L1, double(set) },
                                                           { "targetFilterQuery"_L1, u"tag==Simulated"_s },
                                                           { "amountGroups"_L1, 2 } })
                                   .toJson());
        QVERIFY2(created.status == 201, created.body.constData());
        const int id = created.json()["id"_L1].toInt();
        QTRY_COMPARE_WITH_TIMEOUT(server.api->get(u"/rollouts/%1"_s.arg(id)).json()["status"_L1].toString(), u"ready"_s,
                                  10000);
        QCOMPARE(server.api->send("POST", u"/rollouts/%1/start"_s.arg(id)).status, 204);
        QTRY_COMPARE_WITH_TIMEOUT(server.api->get(u"/rollouts/%1"_s.arg(id)).json()["status"_L1].toString(),
                                  u"finished"_s, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(
            server.api->get(u"/rollouts/%1"_s.arg(id)).json()["totalTargetsPerStatus"_L1]["finished"_L1].toInt(), 20,
            20000);

        // While their targets exist, a new rehearsal is refused with a reason.
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"stopRehearsal"_s), Qt::LeftButton);
        QVERIFY(!window.rehearsal()->isRunning());
        QVERIFY(!label->isVisible());
        QSignalSpy failed(window.rehearsal(), &Rehearsal::failed);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"startRehearsal"_s), Qt::LeftButton);
        QVERIFY(failed.wait(10000));
        QVERIFY2(failed.first().first().toString().contains(u"earlier rehearsal"_s),
                 qPrintable(failed.first().first().toString()));

        // Remove: every simulated device goes, the real ones stay.
        QSignalSpy removed(window.rehearsal(), &Rehearsal::removed);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"removeSimulated"_s), Qt::LeftButton);
        QVERIFY(removed.wait(30000));
        QCOMPARE(removed.first().first().toInt(), 20);
        QCOMPARE(total(server, u"controllerId==rehearsal-*"_s), 0);
        QCOMPARE(total(server, u"controllerId==real-*"_s), 2);
    }
};

QTEST_MAIN(TestRehearsal)
#include "tst_rehearsal.moc"
