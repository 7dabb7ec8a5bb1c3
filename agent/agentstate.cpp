#include "agent/agentstate.h"

#include "agent/atomicfile.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Flotilla::Agent {

namespace {

constexpr int formatVersion = 1;

QString restartName(StepResult::Restart r)
{
    switch (r) {
    case StepResult::Restart::None:
        return u"none"_s;
    case StepResult::Restart::ImmediateReboot:
        return u"immediateReboot"_s;
    case StepResult::Restart::DeferredReboot:
        return u"deferredReboot"_s;
    case StepResult::Restart::ImmediateAgentRestart:
        return u"immediateAgentRestart"_s;
    case StepResult::Restart::DeferredAgentRestart:
        return u"deferredAgentRestart"_s;
    }
    return u"none"_s;
}

std::optional<StepResult::Restart> restartFrom(const QString &name)
{
    for (const auto r :
         { StepResult::Restart::None, StepResult::Restart::ImmediateReboot, StepResult::Restart::DeferredReboot,
           StepResult::Restart::ImmediateAgentRestart, StepResult::Restart::DeferredAgentRestart }) {
        if (restartName(r) == name)
            return r;
    }
    return std::nullopt;
}

} // namespace

QByteArray AgentState::encode() const
{
    QJsonObject root { { "version"_L1, formatVersion } };
    if (current) {
        const CurrentAction &c = *current;
        root.insert("current"_L1,
                    QJsonObject {
                        { "actionId"_L1, c.actionId },
                        { "deploymentHref"_L1, c.deploymentHref },
                        { "deployment"_L1, QString::fromUtf8(c.deployment) },
                        { "phase"_L1, UpdateWorkflow::nameOf(c.phase) },
                        { "item"_L1, c.item },
                        { "resumePhase"_L1, UpdateWorkflow::nameOf(c.resumePhase) },
                        { "resumeItem"_L1, c.resumeItem },
                        { "restart"_L1, restartName(c.restart) },
                        { "failure"_L1, c.failure },
                        { "failureCode"_L1, c.failureCode },
                        { "bootId"_L1, c.bootId },
                        { "starts"_L1, c.starts },
                        { "cancelRequested"_L1, c.cancelRequested },
                        { "cancelStopId"_L1, c.cancelStopId },
                        { "cancelHref"_L1, c.cancelHref },
                        { "feedbackStarted"_L1, c.feedbackStarted },
                        { "downloadedReported"_L1, c.downloadedReported },
                    });
    }
    QJsonArray queue;
    for (const PendingFeedback &f : feedback)
        queue.append(QJsonObject { { "actionId"_L1, f.actionId },
                                   { "href"_L1, f.href },
                                   { "body"_L1, QString::fromUtf8(f.body) },
                                   { "summary"_L1, f.summary } });
    root.insert("feedback"_L1, queue);
    root.insert("lastActionId"_L1, lastActionId);
    root.insert("lastOutcome"_L1, lastOutcome);
    root.insert("installedTitle"_L1, installedTitle);
    if (lastCheck.isValid())
        root.insert("lastCheck"_L1, lastCheck.toUTC().toString(Qt::ISODateWithMs));
    root.insert("consentAnswered"_L1, QJsonArray::fromStringList(consentAnswered));
    root.insert("endedActions"_L1, QJsonArray::fromStringList(endedActions));
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

std::optional<AgentState> AgentState::decode(const QByteArray &json, QString *error)
{
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parse);
    if (parse.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = u"not a JSON object (%1 at offset %2)"_s.arg(parse.errorString()).arg(parse.offset);
        return std::nullopt;
    }
    const QJsonObject root = doc.object();
    if (root.value("version"_L1).toInt() != formatVersion) {
        *error = u"unknown format version %1"_s.arg(root.value("version"_L1).toVariant().toString());
        return std::nullopt;
    }
    AgentState s;
    if (const QJsonValue cv = root.value("current"_L1); cv.isObject()) {
        const QJsonObject o = cv.toObject();
        CurrentAction c;
        c.actionId = o.value("actionId"_L1).toString();
        c.deploymentHref = o.value("deploymentHref"_L1).toString();
        c.deployment = o.value("deployment"_L1).toString().toUtf8();
        const auto phase = UpdateWorkflow::phaseFromName(o.value("phase"_L1).toString());
        const auto resumePhase = UpdateWorkflow::phaseFromName(o.value("resumePhase"_L1).toString());
        const auto restart = restartFrom(o.value("restart"_L1).toString());
        if (c.actionId.isEmpty() || !phase || !resumePhase || !restart) {
            *error = u"the action in progress is incomplete (id, phase, resumePhase or restart)"_s;
            return std::nullopt;
        }
        c.phase = *phase;
        c.item = o.value("item"_L1).toInt();
        c.resumePhase = *resumePhase;
        c.resumeItem = o.value("resumeItem"_L1).toInt();
        c.restart = *restart;
        c.failure = o.value("failure"_L1).toString();
        c.failureCode = o.value("failureCode"_L1).toInt();
        c.bootId = o.value("bootId"_L1).toString();
        c.starts = o.value("starts"_L1).toInt();
        c.cancelRequested = o.value("cancelRequested"_L1).toBool();
        c.cancelStopId = o.value("cancelStopId"_L1).toString();
        c.cancelHref = o.value("cancelHref"_L1).toString();
        c.feedbackStarted = o.value("feedbackStarted"_L1).toBool();
        c.downloadedReported = o.value("downloadedReported"_L1).toBool();
        s.current = c;
    }
    for (const QJsonValue &v : root.value("feedback"_L1).toArray()) {
        const QJsonObject o = v.toObject();
        PendingFeedback f { o.value("actionId"_L1).toString(), o.value("href"_L1).toString(),
                            o.value("body"_L1).toString().toUtf8(), o.value("summary"_L1).toString() };
        if (f.href.isEmpty() || f.body.isEmpty()) {
            *error = u"a queued feedback has no address or body"_s;
            return std::nullopt;
        }
        s.feedback.append(f);
    }
    s.lastActionId = root.value("lastActionId"_L1).toString();
    s.lastOutcome = root.value("lastOutcome"_L1).toString();
    s.installedTitle = root.value("installedTitle"_L1).toString();
    s.lastCheck = QDateTime::fromString(root.value("lastCheck"_L1).toString(), Qt::ISODateWithMs);
    for (const QJsonValue &v : root.value("consentAnswered"_L1).toArray())
        s.consentAnswered << v.toString();
    for (const QJsonValue &v : root.value("endedActions"_L1).toArray())
        s.endedActions << v.toString();
    return s;
}

StateFile::StateFile(const QString &directory)
    : m_path(QDir(directory).filePath(u"state.json"_s))
{ }

AgentState StateFile::load(QString *problem)
{
    QFile file(m_path);
    if (!file.exists())
        return {};
    if (!file.open(QIODevice::ReadOnly)) {
        *problem = u"the state file %1 cannot be read: %2; starting clean"_s.arg(m_path, file.errorString());
        return {};
    }
    QString error;
    const std::optional<AgentState> state = AgentState::decode(file.readAll(), &error);
    file.close();
    if (state)
        return *state;
    const QString aside = m_path + u".broken-"_s + QDateTime::currentDateTimeUtc().toString(u"yyyyMMddTHHmmss"_s);
    QFile::rename(m_path, aside);
    *problem = u"the state file %1 is damaged (%2); it was moved to %3 and the agent starts clean"_s.arg(m_path, error,
                                                                                                         aside);
    return {};
}

bool StateFile::save(const AgentState &state, QString *error)
{
    return writeFileAtomically(m_path, state.encode(), error);
}

} // namespace Flotilla::Agent
