#include "app/console/rehearsal.h"
#include "app/console/serverconnection.h"
#include "proto/mgmt/mgmtrequests.h"
#include "sim/simulatedfleet.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QTimer>
#include <QUrlQuery>

#include <memory>

using namespace Qt::StringLiterals;

namespace Flotilla {

namespace {

constexpr int Batch = 500;

QString newToken()
{
    QByteArray bytes(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    return QString::fromLatin1(bytes.toHex());
}

} // namespace

Rehearsal::Rehearsal(ServerConnection &connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
{
    m_thread.setObjectName(u"rehearsal"_s);
}

Rehearsal::~Rehearsal()
{
    if (m_context) {
        QObject *context = m_context;
        QMetaObject::invokeMethod(context, [context] { delete context; });
    }
    m_thread.quit();
    m_thread.wait(); // at exit only: the devices' agents stop and save
}

void Rehearsal::fail(const QString &why)
{
    m_busy = false;
    Q_EMIT failed(why);
}

void Rehearsal::start(int count, const Sim::DeviceProfile &profile)
{
    if (m_running || m_busy)
        return fail(tr("A rehearsal is already running or its devices are being removed."));
    if (count < 1 || count > 10000)
        return fail(tr("Rehearse with 1 to 10,000 simulated devices."));
    m_busy = true;
    // Devices of an earlier rehearsal would clash with the new ones (and their tokens are gone with it).
    QUrlQuery q;
    q.addQueryItem(u"limit"_s, u"1"_s);
    q.addQueryItem(u"q"_s, u"controllerId==%1*"_s.arg(Prefix));
    ApiReply *reply = m_connection.api().get(u"/targets"_s, q);
    connect(reply, &ApiReply::failed, this, [this](int, const QString &why) { fail(why); });
    connect(reply, &ApiReply::finished, this, [this, count, profile](const QJsonDocument &body) {
        if (body.object().value("total"_L1).toInteger() > 0)
            return fail(tr("Simulated devices of an earlier rehearsal are still there: remove them first."));
        const int width = std::max(4, int(QString::number(count).size()));
        QList<std::pair<QString, QString>> devices;
        for (int n = 1; n <= count; ++n)
            devices.append({ Prefix + u"%1"_s.arg(n, width, 10, QChar(u'0')), newToken() });
        createTargets(0, devices, profile);
    });
}

void Rehearsal::createTargets(int from, QList<std::pair<QString, QString>> devices, const Sim::DeviceProfile &profile)
{
    if (from >= devices.size())
        return tagTargets(devices, profile);
    QJsonArray body;
    for (qsizetype i = from; i < std::min<qsizetype>(from + Batch, devices.size()); ++i) {
        body.append(QJsonObject { { "controllerId"_L1, devices.at(i).first },
                                  { "name"_L1, devices.at(i).first },
                                  { "description"_L1, tr("Simulated device (rehearsal mode)") },
                                  { "securityToken"_L1, devices.at(i).second } });
    }
    ApiReply *reply = m_connection.api().post(u"/targets"_s, body);
    connect(reply, &ApiReply::failed, this,
            [this](int, const QString &why) { fail(tr("The simulated devices cannot be created: %1").arg(why)); });
    connect(reply, &ApiReply::finished, this,
            [this, from, devices, profile](const QJsonDocument &) { createTargets(from + Batch, devices, profile); });
}

void Rehearsal::tagTargets(const QList<std::pair<QString, QString>> &devices, const Sim::DeviceProfile &profile)
{
    // The tag "Simulated" (made once), on every device: the Targets page can show or hide them at a glance.
    const auto assign = [this, devices, profile](qint64 tagId) {
        QJsonArray members;
        for (const auto &d : devices)
            members.append(QJsonObject { { "controllerId"_L1, d.first } });
        ApiReply *reply = m_connection.api().post(u"/targettags/%1/assigned"_s.arg(tagId), members);
        connect(reply, &ApiReply::failed, this,
                [this](int, const QString &why) { fail(tr("The simulated devices cannot be tagged: %1").arg(why)); });
        connect(reply, &ApiReply::finished, this,
                [this, devices, profile](const QJsonDocument &) { startFleet(devices, profile); });
    };
    QUrlQuery q;
    q.addQueryItem(u"q"_s, u"name==%1"_s.arg(TagName));
    ApiReply *reply = m_connection.api().get(u"/targettags"_s, q);
    connect(reply, &ApiReply::failed, this, [this](int, const QString &why) { fail(why); });
    connect(reply, &ApiReply::finished, this, [this, assign](const QJsonDocument &body) {
        Mgmt::DecodeError error;
        const std::optional<Mgmt::PagedList<Mgmt::MgmtTag>> tags
            = Mgmt::decodePage<Mgmt::MgmtTag>(body.object(), &error);
        if (!tags)
            return fail(tr("The server sent a list the console cannot read: %1").arg(error.message));
        if (!tags->content.isEmpty())
            return assign(tags->content.first().id);
        const Mgmt::MgmtTagRequestBodyPut tag { QString(TagName),
                                                tr("Simulated devices of the console's rehearsal mode"), u"#8e24aa"_s };
        ApiReply *created = m_connection.api().post(u"/targettags"_s, QJsonArray { tag.toJson() });
        connect(created, &ApiReply::failed, this, [this](int, const QString &why) { fail(why); });
        connect(created, &ApiReply::finished, this, [this, assign](const QJsonDocument &answer) {
            Mgmt::DecodeError why;
            const std::optional<QList<Mgmt::MgmtTag>> made = Mgmt::decodeItems<Mgmt::MgmtTag>(answer.array(), &why);
            if (!made || made->isEmpty())
                return fail(tr("The server sent a list the console cannot read: %1").arg(why.message));
            assign(made->first().id);
        });
    });
}

void Rehearsal::startFleet(const QList<std::pair<QString, QString>> &devices, const Sim::DeviceProfile &profile)
{
    Sim::FleetOptions options;
    QUrl server = m_connection.url();
    server.setPath({});
    options.server = server;
    options.devices = devices;
    options.fleet.profiles = { profile };
    options.stateDir = u"%1/flotilla-rehearsal-%2"_s.arg(QDir::tempPath()).arg(QCoreApplication::applicationPid());
    if (!m_thread.isRunning())
        m_thread.start();
    auto *context = new QObject;
    context->moveToThread(&m_thread);
    m_context = context;
    m_count = int(devices.size());
    QMetaObject::invokeMethod(context, [this, context, options] {
        // On the rehearsal's thread: the fleet, its network and its timers live here.
        auto *fleet = new Sim::SimulatedFleet(options, context);
        QString error;
        if (!fleet->start(&error)) {
            delete context;
            QMetaObject::invokeMethod(this,
                                      [this, error] { fail(tr("The simulated devices cannot start: %1").arg(error)); });
            return;
        }
        auto *timer = new QTimer(context);
        QObject::connect(timer, &QTimer::timeout, fleet, [this, fleet] {
            const QString line = fleet->statusLine();
            QMetaObject::invokeMethod(this, [this, line] { Q_EMIT status(line); });
        });
        timer->start(1000);
        QMetaObject::invokeMethod(this, [this] {
            m_busy = false;
            m_running = true;
            Q_EMIT started(m_count);
        });
    });
}

void Rehearsal::stop()
{
    if (!m_running)
        return;
    m_running = false;
    if (QObject *context = m_context)
        QMetaObject::invokeMethod(context, [context] { delete context; }); // the agents stop with their fleet
    Q_EMIT stopped();
}

void Rehearsal::remove()
{
    if (m_busy)
        return fail(tr("The simulated devices are being created or removed; wait for it to end."));
    stop();
    m_busy = true;
    removeBatch(0);
}

void Rehearsal::removeBatch(int removedSoFar)
{
    QUrlQuery q;
    q.addQueryItem(u"limit"_s, QString::number(Batch));
    q.addQueryItem(u"q"_s, u"controllerId==%1*"_s.arg(Prefix));
    ApiReply *reply = m_connection.api().get(u"/targets"_s, q);
    connect(reply, &ApiReply::failed, this, [this](int, const QString &why) { fail(why); });
    connect(reply, &ApiReply::finished, this, [this, removedSoFar](const QJsonDocument &body) {
        const QJsonArray content = body.object().value("content"_L1).toArray();
        if (content.isEmpty()) {
            m_busy = false;
            return Q_EMIT removed(removedSoFar);
        }
        // Every delete of the page answered: the next page, unless none of them went (then say why).
        struct Progress
        {
            int pending = 0;
            int deleted = 0;
            QString lastError;
        };
        auto progress = std::make_shared<Progress>();
        progress->pending = int(content.size());
        const auto answered = [this, progress, removedSoFar] {
            if (--progress->pending > 0)
                return;
            if (progress->deleted == 0)
                return fail(tr("The simulated devices cannot be removed: %1").arg(progress->lastError));
            removeBatch(removedSoFar + progress->deleted);
        };
        for (const QJsonValue &t : content) {
            ApiReply *deleted
                = m_connection.api().remove(u"/targets/%1"_s.arg(t.toObject().value("controllerId"_L1).toString()));
            connect(deleted, &ApiReply::finished, this, [progress, answered] {
                ++progress->deleted;
                answered();
            });
            connect(deleted, &ApiReply::failed, this, [progress, answered](int, const QString &why) {
                progress->lastError = why;
                answered();
            });
        }
    });
}

} // namespace Flotilla
