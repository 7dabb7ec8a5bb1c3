#pragma once

// A DDI server over loopback for tests: a DdiServer on a QHttpServer with a real SQLite store and artifact
// store and a manual clock; one target (dev-001) and one set whose module holds a 100 KiB artifact.
#include "backend/ddiserver.h"
#include "backend/sqlstore.h"
#include "tests/common/fleetdata.h"
#include "tests/common/flotillatest.h"
#include "tests/common/httpclient.h"

#include <QHttpServer>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

class DdiFixture : public QObject
{
protected:
    // From the test's init() and cleanup().
    void setUp()
    {
        using namespace Qt::StringLiterals;
        QVERIFY(m_dir.isValid());
        static int n = 0;
        const QString sub = m_dir.filePath(QString::number(++n));
        m_store = std::make_unique<Flotilla::SqlStore>();
        QVERIFY2(m_store->open(sub + u".db"_s), qPrintable(m_store->lastError()));
        m_artifacts = std::make_unique<Flotilla::ArtifactStore>(sub + u"-artifacts"_s);
        QVERIFY(m_artifacts->open());
        m_clock = std::make_unique<Flotilla::ManualClock>(FlotillaTest::utc("2026-06-01T00:00:00"));
        m_content.resize(100 * 1024);
        for (int i = 0; i < m_content.size(); ++i)
            m_content[i] = char('a' + (i * 7) % 26);
        m_target = FlotillaTest::makeTarget(m_store->stores(), u"dev-001"_s);
        m_set = FlotillaTest::makeSet(m_store->stores(), *m_artifacts, u"fw"_s, u"1.0"_s, u"update.swu"_s, m_content);
        QVERIFY(m_set.setId > 0);
        Flotilla::DdiSettings settings;
        settings.gatewayToken = u"gw-key"_s;
        startServer(settings);
    }
    void tearDown()
    {
        m_client.reset();
        m_http.reset();
        m_rollouts.reset();
        m_deployment.reset();
        m_artifacts.reset();
        m_store.reset();
    }

    void startServer(Flotilla::DdiSettings settings = {})
    {
        using namespace Qt::StringLiterals;
        m_client.reset();
        m_http.reset();
        m_http = std::make_unique<QHttpServer>();
        m_deployment = std::make_unique<Flotilla::DeploymentService>(m_store->stores(), *m_clock);
        m_rollouts = std::make_unique<Flotilla::RolloutService>(m_store->stores(), *m_deployment, *m_clock);
        m_ddi = new Flotilla::DdiServer(m_store->stores(), *m_artifacts, *m_clock, *m_deployment, *m_rollouts,
                                        std::move(settings), m_http.get());
        m_ddi->install(*m_http);
        auto *listener = new QTcpServer();
        QVERIFY(listener->listen(QHostAddress::LocalHost, 0));
        QVERIFY(m_http->bind(listener));
        m_port = listener->serverPort();
        m_client = std::make_unique<FlotillaTest::HttpClient>(u"http://127.0.0.1:%1"_s.arg(m_port));
    }

    QString controller(const Flotilla::Target &t) const
    {
        return QStringLiteral("/DEFAULT/controller/v1/") + t.controllerId;
    }
    QString artifactPath() const
    {
        return controller(m_target) + QStringLiteral("/softwaremodules/%1/artifacts/update.swu").arg(m_set.moduleId);
    }

    FlotillaTest::HttpClient &device(const Flotilla::Target &t)
    {
        m_client->setAuthorization("TargetToken " + t.securityToken.toUtf8());
        return *m_client;
    }

    qint64 assign(const Flotilla::Target &t, qint64 setId, Flotilla::AssignmentRequest request = {})
    {
        Flotilla::DeploymentService service(m_store->stores(), *m_clock);
        return service.assign({ t.id }, setId, request).actionIds.value(0);
    }

    FlotillaTest::HttpAnswer feedback(const Flotilla::Target &t, qint64 actionId, const QByteArray &execution,
                                      const QByteArray &finished,
                                      const QString &kind = QStringLiteral("deploymentBase"))
    {
        const QByteArray body = R"({"status":{"execution":")" + execution + R"(","result":{"finished":")" + finished
            + R"("},"details":["from the test"]}})";
        return device(t).post(controller(t) + QStringLiteral("/%1/%2/feedback").arg(kind).arg(actionId), body);
    }

    QList<Flotilla::HistoryStatus> history(qint64 actionId)
    {
        QList<Flotilla::HistoryStatus> list;
        for (const Flotilla::ActionStatusEntry &e : (*m_store->actions().statusHistory(actionId, 0, 1000)))
            list << e.status;
        return list;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Flotilla::SqlStore> m_store;
    std::unique_ptr<Flotilla::ArtifactStore> m_artifacts;
    std::unique_ptr<Flotilla::ManualClock> m_clock;
    std::unique_ptr<Flotilla::DeploymentService> m_deployment; // the fixture is the composition root
    std::unique_ptr<Flotilla::RolloutService> m_rollouts;
    std::unique_ptr<QHttpServer> m_http;
    Flotilla::DdiServer *m_ddi = nullptr;
    quint16 m_port = 0;
    std::unique_ptr<FlotillaTest::HttpClient> m_client;
    Flotilla::Target m_target;
    FlotillaTest::SetWithArtifact m_set;
    QByteArray m_content;
};
