#include "agent/handlers/firmwarestephandler.h"

#include "agent/um/firmwareupdate.h"
#include "agent/um/umhandler.h"
#include "agent/um/updatemanagerhub.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Flotilla::Agent {

FirmwareStepHandler::FirmwareStepHandler(UpdateManagerHub *hub, const AgentConfig &config, QObject *parent)
    : StepHandler(parent)
    , m_hub(hub)
    , m_config(config)
{ }

FirmwareStepHandler::~FirmwareStepHandler() = default;

void FirmwareStepHandler::jobStarted(const QString &actionId, const QList<WorkItem> &items)
{
    if (actionId != m_actionId)
        m_update.reset();
    m_actionId = actionId;
    m_items = items;
    m_progress.clear();
}

FirmwareUpdate *FirmwareStepHandler::update(QString *error)
{
    if (m_update)
        return m_update.get();
    if (!m_hub) {
        *error = tr("firmware chunks need the agent's Update Manager service: set updateManagers/listen");
        return nullptr;
    }
    if (m_items.isEmpty()) {
        *error = tr("the firmware handler was not told its chunks");
        return nullptr;
    }
    QList<UmPrepareComponent> components;
    for (const WorkItem &item : std::as_const(m_items)) {
        if (item.files.size() != 1) {
            *error = tr("firmware module %1 %2 has %n artifact(s); an Update Manager takes exactly one image per "
                        "component",
                        nullptr, int(item.files.size()))
                         .arg(item.chunk.name, item.chunk.version);
            return nullptr;
        }
        const LocalArtifact &file = item.files.constFirst();
        UmPrepareComponent c;
        c.componentId = item.chunk.name;
        c.componentType = item.chunk.part;
        c.version = item.chunk.version;
        if (!item.chunk.metadata.isEmpty()) {
            QJsonObject annotations;
            for (const auto &[key, value] : item.chunk.metadata)
                annotations.insert(key, value);
            c.annotations = QString::fromUtf8(QJsonDocument(annotations).toJson(QJsonDocument::Compact));
        }
        c.url = m_hub->imageUrl(file.path, file.sha256);
        c.sha256 = QByteArray::fromHex(file.sha256.toLatin1());
        c.size = quint64(file.size);
        components << c;
    }
    FirmwareUpdate::Options options { m_config.umExpected, m_config.umConnectTimeoutSeconds, m_config.umTimeoutSeconds,
                                      m_config.umPriorityDescending };
    m_update = std::make_unique<FirmwareUpdate>(m_hub, components, options,
                                                QDir(m_items.constFirst().workDir).filePath(u"firmware.json"_s));
    connect(m_update.get(), &FirmwareUpdate::progress, this, [this](const QString &line) {
        m_progress << line;
        while (m_progress.size() > 40)
            m_progress.removeFirst();
    });
    return m_update.get();
}

void FirmwareStepHandler::runOnFirst(const WorkItem &item, Run run)
{
    if (m_items.isEmpty() || item.index != m_items.constFirst().index)
        return finishLater(StepResult::success(tr("with the other firmware components")));
    QString error;
    FirmwareUpdate *u = update(&error);
    if (!u)
        return finishLater(run == Run::Revert ? StepResult::success(tr("nothing to revert: %1").arg(error))
                                              : StepResult::failure(error));
    m_progress.clear();
    disconnect(m_finishedConnection);
    m_finishedConnection = connect(u, &FirmwareUpdate::finished, this, [this](bool ok, const QString &message) {
        disconnect(m_finishedConnection);
        StepResult result = ok ? StepResult::success(message) : StepResult::failure(message);
        result.output = m_progress.join(u'\n').right(2048);
        Q_EMIT finished(result);
    });
    switch (run) {
    case Run::Route:
        return u->route();
    case Run::Install:
        return u->install();
    case Run::Apply:
        return u->apply();
    case Run::Revert:
        return u->revert();
    }
}

void FirmwareStepHandler::isInstalled(const WorkItem &item)
{
    if (m_hub) {
        for (const UmHandler *h : m_hub->handlers()) {
            if (h->isConnected() && h->state() == UmHandler::State::Idle
                && h->status().installedVersion(item.chunk.name) == item.chunk.version)
                return finishLater({ StepResult::Code::Installed, 0, {}, {}, {} });
        }
    }
    finishLater({ StepResult::Code::NotInstalled, 0, {}, {}, {} });
}

void FirmwareStepHandler::download(const WorkItem &item)
{
    runOnFirst(item, Run::Route);
}

void FirmwareStepHandler::install(const WorkItem &item)
{
    runOnFirst(item, Run::Install);
}

void FirmwareStepHandler::apply(const WorkItem &item)
{
    runOnFirst(item, Run::Apply);
}

void FirmwareStepHandler::restore(const WorkItem &item)
{
    runOnFirst(item, Run::Revert);
}

bool FirmwareStepHandler::cancel()
{
    if (!m_update || !m_update->cancel())
        return false;
    disconnect(m_finishedConnection);
    finishLater({ StepResult::Code::Cancelled, 0, tr("canceled while waiting for the Update Managers"), {}, {} });
    return true;
}

} // namespace Flotilla::Agent
