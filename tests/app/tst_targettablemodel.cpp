// The console's targets model over the Management API of an embedded server: pages arrive only when a row is
// asked for, memory stays bounded, a filter the server refuses keeps the rows and says why, sorting is the
// server's, and events change rows in place (no reset) while created/deleted targets change the row count.
#include "app/console/models/apilistmodel.h"
#include "app/console/models/targettablemodel.h"
#include "app/console/serverconnection.h"
#include "tests/app/consolefixture.h"
#include "tests/common/fakemanagementapi.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace Flotilla;
using namespace FlotillaTest;
using namespace Qt::StringLiterals;

class TestTargetTableModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void pagesArriveOnDemand();
    void filters_data();
    void filters();
    void refusedFilterKeepsRows();
    void sortsOnTheServer();
    void eventsUpdateInPlace();
    void memoryStaysBounded();
    void listModelCanWalkEveryPage();
    void anUnreadablePageIsAnError_data();
    void anUnreadablePageIsAnError();

private:
    // A model connected to the server, its first page loaded.
    bool load(TargetTableModel &model, ServerConnection &connection);
    std::unique_ptr<EmbeddedServer> m_server;
};

void TestTargetTableModel::initTestCase()
{
    m_server = std::make_unique<EmbeddedServer>();
    QVERIFY(m_server->start());
    QVERIFY(m_server->createTargets(u"dev-"_s, 250));
}

// The rows are read through the Management API's wire type (proto/mgmt): a page the console cannot read — a
// field of the wrong type, a body that is not a page — is reported with what is wrong, and shows no rows rather
// than rows made of defaults.
void TestTargetTableModel::anUnreadablePageIsAnError_data()
{
    QTest::addColumn<QJsonObject>("page");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("rows");
    const QJsonObject good { { "id"_L1, 7 },
                             { "controllerId"_L1, u"dev-7"_s },
                             { "updateStatus"_L1, u"in_sync"_s },
                             { "lastControllerRequestAt"_L1, QJsonValue() },
                             { "assignedDistributionSetId"_L1, 3 } };
    QTest::newRow("readable") << QJsonObject { { "content"_L1, QJsonArray { good } }, { "total"_L1, 1 } } << QString()
                              << 1;
    QJsonObject badId = good;
    badId.insert("id"_L1, u"seven"_s);
    QTest::newRow("id as text") << QJsonObject { { "content"_L1, QJsonArray { good, badId } }, { "total"_L1, 2 } }
                                << u"id must be a whole number"_s << 0;
    QJsonObject badPoll = good;
    badPoll.insert("lastControllerRequestAt"_L1, u"yesterday"_s);
    QTest::newRow("poll time as text") << QJsonObject { { "content"_L1, QJsonArray { badPoll } }, { "total"_L1, 1 } }
                                       << u"lastControllerRequestAt must be a whole number"_s << 0;
    QTest::newRow("not a page")
        << QJsonObject { { "targets"_L1, QJsonArray { good } } }
        << u"a page must have content (an array) and total (a whole number from 0 to 2^53 - 1)"_s << 0;
}

void TestTargetTableModel::anUnreadablePageIsAnError()
{
    QFETCH(QJsonObject, page);
    QFETCH(QString, message);
    QFETCH(int, rows);
    ServerConnection connection;
    FakeManagementApi api;
    connection.api().setTransport(&api);
    api.on("GET", u"/targets"_s,
           [&](const QUrlQuery &, const QByteArray &) { return FakeAnswer { 200, QJsonDocument(page) }; });
    TargetTableModel model(connection);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy accepted(&model, &TargetTableModel::filterAccepted);
    QSignalSpy failed(&model, &TargetTableModel::loadFailed);
    connection.api().setLogin({ QUrl(u"http://fake.invalid"_s), u"console"_s, u"pw"_s });
    Q_EMIT connection.serverChanged();
    QTRY_VERIFY(accepted.size() + failed.size() > 0);
    QCOMPARE(model.rowCount(), rows);
    QCOMPARE(model.isLoading(), false);
    if (message.isEmpty()) {
        QCOMPARE(failed.size(), 0);
        QCOMPARE(model.index(0, TargetTableModel::ControllerId).data().toString(), u"dev-7"_s);
        QCOMPARE(model.index(0, 0).data(TargetTableModel::AssignedSetIdRole).toLongLong(), 3);
        QCOMPARE(model.index(0, 0).data(TargetTableModel::InstalledSetIdRole).toLongLong(), 0);
        QCOMPARE(model.index(0, TargetTableModel::LastPoll).data().toString(), u"never"_s);
    } else {
        QCOMPARE(failed.size(), 1);
        QVERIFY2(failed.first().first().toString().endsWith(message), qPrintable(failed.first().first().toString()));
    }
}

bool TestTargetTableModel::load(TargetTableModel &model, ServerConnection &connection)
{
    QSignalSpy accepted(&model, &TargetTableModel::filterAccepted);
    m_server->connect(connection);
    return accepted.wait(5000);
}

void TestTargetTableModel::pagesArriveOnDemand()
{
    ServerConnection connection;
    TargetTableModel model(connection);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(load(model, connection));
    QCOMPARE(model.rowCount(), 250);
    QCOMPARE(model.total(), 250);
    QCOMPARE(model.loadedPageCount(), 1);
    QCOMPARE(model.index(0, TargetTableModel::ControllerId).data().toString(), u"dev-000"_s);
    QCOMPARE(model.index(0, TargetTableModel::Status).data(TargetTableModel::StatusRole).toString(), u"unknown"_s);
    QVERIFY(model.index(0, TargetTableModel::Status).data(Qt::DecorationRole).value<QIcon>().isNull() == false);
    QVERIFY(model.index(0, 0).data(TargetTableModel::TargetIdRole).toLongLong() > 0);

    // Row 240 lives on page 2: asking for it fetches that page, and only that one.
    const QModelIndex far = model.index(240, TargetTableModel::ControllerId);
    QCOMPARE(far.data(TargetTableModel::LoadedRole).toBool(), false);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(changed.wait(5000));
    QCOMPARE(far.data(TargetTableModel::LoadedRole).toBool(), true);
    QCOMPARE(far.data().toString(), u"dev-240"_s);
    QCOMPARE(model.loadedPageCount(), 2);
    QCOMPARE(model.targetAt(240).value_or(Mgmt::MgmtTarget()).controllerId, u"dev-240"_s);
    QVERIFY(!model.targetAt(150)); // page 1 was never asked for
}

void TestTargetTableModel::filters_data()
{
    QTest::addColumn<QString>("rsql");
    QTest::addColumn<int>("rows");
    QTest::addColumn<QString>("first");
    QTest::newRow("all") << QString() << 250 << u"dev-000"_s;
    QTest::newRow("wildcard") << u"controllerId==dev-01*"_s << 10 << u"dev-010"_s;
    QTest::newRow("and, with URL characters") << u"controllerId==dev-1* ; name!=dev-100"_s << 99 << u"dev-101"_s;
    QTest::newRow("or") << u"controllerId==dev-007,controllerId==dev-249"_s << 2 << u"dev-007"_s;
    QTest::newRow("nothing") << u"controllerId==nobody"_s << 0 << QString();
}

void TestTargetTableModel::filters()
{
    QFETCH(QString, rsql);
    QFETCH(int, rows);
    QFETCH(QString, first);
    ServerConnection connection;
    TargetTableModel model(connection);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(load(model, connection));
    QSignalSpy accepted(&model, &TargetTableModel::filterAccepted);
    model.setFilter(rsql);
    QVERIFY(accepted.wait(5000));
    QCOMPARE(accepted.first().at(0).toLongLong(), rows);
    QCOMPARE(model.rowCount(), rows);
    if (rows)
        QCOMPARE(model.index(0, 0).data().toString(), first);
}

void TestTargetTableModel::refusedFilterKeepsRows()
{
    ServerConnection connection;
    TargetTableModel model(connection);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(load(model, connection));
    QSignalSpy accepted(&model, &TargetTableModel::filterAccepted);
    model.setFilter(u"controllerId==dev-00*"_s);
    QVERIFY(accepted.wait(5000));
    QSignalSpy error(&model, &TargetTableModel::filterError);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setFilter(u"colour==blue"_s);
    QVERIFY(error.wait(5000));
    const QString message = error.first().at(0).toString();
    QVERIFY2(message.contains(u"unknown field 'colour'"_s), qPrintable(message));
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(model.filter(), u"controllerId==dev-00*"_s);
    QCOMPARE(reset.size(), 0);
    model.setFilter(u"name=="_s);
    QVERIFY(error.wait(5000));
    QVERIFY2(error.last().at(0).toString().contains(u"6"_s), qPrintable(error.last().at(0).toString()));
}

void TestTargetTableModel::sortsOnTheServer()
{
    ServerConnection connection;
    TargetTableModel model(connection);
    QVERIFY(load(model, connection));
    QSignalSpy accepted(&model, &TargetTableModel::filterAccepted);
    model.sort(TargetTableModel::ControllerId, Qt::DescendingOrder);
    QVERIFY(accepted.wait(5000));
    QCOMPARE(model.index(0, 0).data().toString(), u"dev-249"_s);
    model.sort(TargetTableModel::Installed, Qt::AscendingOrder); // not sortable on the server: nothing happens
    QVERIFY(!accepted.wait(300));
}

void TestTargetTableModel::eventsUpdateInPlace()
{
    ServerConnection connection;
    TargetTableModel model(connection);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(load(model, connection));
    QTRY_COMPARE(connection.events().state(), EventClient::State::Connected);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    // A device polls: its status and last poll change where it is.
    QCOMPARE(m_server->poll(u"dev-005"_s).status, 200);
    QTRY_COMPARE(model.index(5, 0).data(TargetTableModel::StatusRole).toString(), u"registered"_s);
    QVERIFY(model.index(5, TargetTableModel::LastPoll).data().toString() != tr("never"));

    // Created and deleted targets change the count, without a reset.
    QVERIFY(m_server->createTargets(u"zz-"_s, 3));
    QTRY_COMPARE(model.rowCount(), 253);
    QTRY_COMPARE(model.index(252, 0).data().toString(), u"zz-002"_s);
    QCOMPARE(m_server->api->send("DELETE", u"/targets/zz-001"_s).status, 204);
    QTRY_COMPARE(model.rowCount(), 252);
    QTRY_COMPARE(model.index(251, 0).data().toString(), u"zz-002"_s);
    QCOMPARE(m_server->api->send("DELETE", u"/targets/zz-000"_s).status, 204);
    QCOMPARE(m_server->api->send("DELETE", u"/targets/zz-002"_s).status, 204);
    QTRY_COMPARE(model.rowCount(), 250);
    QCOMPARE(reset.size(), 0);
}

void TestTargetTableModel::memoryStaysBounded()
{
    EmbeddedServer big;
    QVERIFY(big.start());
    for (int batch = 0; batch < 8; ++batch)
        QVERIFY(big.createTargets(u"b%1-"_s.arg(batch), 1000));
    ServerConnection connection;
    TargetTableModel model(connection);
    QSignalSpy accepted(&model, &TargetTableModel::filterAccepted);
    big.connect(connection);
    QVERIFY(accepted.wait(5000));
    QCOMPARE(model.rowCount(), 8000);
    // Scroll through all 80 pages.
    for (int row = 0; row < 8000; row += TargetTableModel::PageSize) {
        const QModelIndex i = model.index(row, 0);
        i.data();
        QTRY_VERIFY(i.data(TargetTableModel::LoadedRole).toBool());
    }
    QVERIFY2(model.loadedPageCount() <= TargetTableModel::MaxPages,
             qPrintable(QString::number(model.loadedPageCount())));
    QCOMPARE(model.index(7999, 0).data().toString(), u"b7-999"_s);
    // A page that was dropped comes back when asked for again.
    const QModelIndex first = model.index(0, 0);
    QCOMPARE(first.data(TargetTableModel::LoadedRole).toBool(), false);
    QTRY_COMPARE(first.data().toString(), u"b0-000"_s);
}

namespace {
// The smallest ApiListModel: one column, the controller id.
class ControllerIds : public Flotilla::ApiListModel
{
public:
    using ApiListModel::ApiListModel;
    int columnCount(const QModelIndex &) const override { return 1; }

protected:
    QVariant cellData(const QJsonObject &row, int, int role) const override
    {
        return role == Qt::DisplayRole ? row.value("controllerId"_L1) : QVariant();
    }
};
} // namespace

// ApiListModel with setFetchAll: every page of a list, shown together once the last has come; a later reload
// merges (no reset).
void TestTargetTableModel::listModelCanWalkEveryPage()
{
    EmbeddedServer server;
    QVERIFY(server.start());
    QVERIFY(server.createTargets(u"pg-"_s, 7));
    Flotilla::ServerConnection connection;
    server.connect(connection);
    ControllerIds model(connection);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFetchAll(3); // pages of 3, 3 and 1
    QUrlQuery query;
    query.addQueryItem(u"sort"_s, u"controllerId:ASC"_s);
    QSignalSpy loaded(&model, &Flotilla::ApiListModel::loaded);
    int insertedWhileLoading = 0;
    connect(&model, &QAbstractItemModel::rowsInserted, this, [&] { insertedWhileLoading += model.isLoading(); });
    model.setSource(u"/targets"_s, query);
    QVERIFY(loaded.wait(10000));
    QCOMPARE(model.rowCount(), 7);
    QCOMPARE(insertedWhileLoading, 0); // nothing shown before the last page was in
    QCOMPARE(model.index(6, 0).data().toString(), u"pg-006"_s);
    QVERIFY(server.createTargets(u"pz-"_s, 2));
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.reload();
    QVERIFY(loaded.wait(10000));
    QCOMPARE(model.rowCount(), 9);
    QCOMPARE(reset.size(), 0);
}

QTEST_MAIN(TestTargetTableModel)
#include "tst_targettablemodel.moc"
