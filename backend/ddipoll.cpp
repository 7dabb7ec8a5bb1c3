#include "backend/ddiserver.h"
#include "backend/ddiserver_p.h"
#include "backend/servermetrics.h"

using namespace Qt::StringLiterals;
using namespace Flotilla::DdiDetail;

namespace Flotilla {

void DdiServer::basePoll(Context &ctx, const QString &)
{
    DeviceTarget &t = ctx.target;
    const QDateTime now = m_clock.now();
    const QString address = ctx.request.remoteAddress().toString();
    const TargetState state = TargetStateMachine::next(t.state, TargetEvent::Polled).value_or(t.state);
    // A first poll, a new state or a new address is written at once; a poll that only moves the time is
    // batched (hawkBit's lazy poll persistence): the store's last poll lags by at most pollFlushIntervalMs.
    if (state != t.state || address != t.address || !t.lastPoll.isValid()) {
        joinGroup(ctx); // many devices polling for the first time: one commit for those of this turn
        m_pendingPolls.remove(t.id);
        if (const Result<void> recorded = m_targets.recordPoll({ t.id, now, address }, state); !recorded) {
            qCWarning(lcDdi).noquote() << recorded.error().message;
            return ctx.fail(Status::InternalServerError, u"the poll could not be recorded"_s);
        }
    } else {
        m_pendingPolls.insert(t.id, { t.id, now, address });
        if (!m_pollFlush.isActive())
            m_pollFlush.start();
    }

    // Throttled here, on this thread: on the other HTTP threads each signal is an event posted to the event
    // stream's thread, which would drop all but one a second of a target's polls anyway.
    if (m_pollEvents.admit(t.id, steadyMs()))
        Q_EMIT polled(t.id, t.controllerId);
    if (m_metrics)
        m_metrics->recordPoll();
    // The open actions were read with the target (serve), unless the poll registered it.
    const Result<DeploymentService::PollAnswer> answer
        = ctx.openActions ? m_deployment.poll(t.id, *std::move(ctx.openActions)) : m_deployment.poll(t.id);
    if (!answer)
        return ctx.fail(Status::InternalServerError,
                        u"the poll could not be answered: %1"_s.arg(answer.error().message));
    const Presentation &p = answer->presentation;
    Ddi::ControllerBase base;
    base.sleepSeconds = answer->sleepSeconds;
    const QString controller = controllerBase(ctx);
    switch (p.kind) {
    case PresentationKind::DeploymentBase:
        base.links.insert(u"deploymentBase"_s,
                          controller + u"/deploymentBase/%1?c=%2"_s.arg(p.actionId).arg(cacheBuster(p)));
        break;
    case PresentationKind::CancelAction:
        // No query string: SWUpdate appends "/feedback" to this href.
        base.links.insert(u"cancelAction"_s, controller + u"/cancelAction/%1"_s.arg(p.actionId));
        break;
    case PresentationKind::ConfirmationBase:
        base.links.insert(u"confirmationBase"_s,
                          controller + u"/confirmationBase/%1?c=%2"_s.arg(p.actionId).arg(cacheBuster(p)));
        break;
    case PresentationKind::Nothing:
        break;
    }
    if (t.installedDistributionSetId) {
        const Result<qint64> installed = m_actions.installedActionId(t.id);
        if (!installed)
            return ctx.fail(Status::InternalServerError,
                            u"the poll could not be answered: %1"_s.arg(installed.error().message));
        if (*installed)
            base.links.insert(u"installedBase"_s, controller + u"/installedBase/%1"_s.arg(*installed));
    }
    if (t.requestAttributes)
        base.links.insert(u"configData"_s, controller + u"/configData"_s);

    const PollAnswerEncoder::Encoded answerBytes = m_pollAnswers.encode(base);
    QHttpHeaders headers = jsonHeaders();
    headers.append(QHttpHeaders::WellKnownHeader::ETag, answerBytes.etag);
    const QByteArray ifNoneMatch = ctx.request.value("if-none-match");
    if (!ifNoneMatch.isEmpty() && ifNoneMatch.split(',').contains(answerBytes.etag)) {
        QHttpHeaders h;
        h.append(QHttpHeaders::WellKnownHeader::ETag, answerBytes.etag);
        return ctx.send(QByteArray(), Status::NotModified, h);
    }
    ctx.send(answerBytes.body, Status::Ok, headers);
}

void DdiServer::putConfigData(Context &ctx, const QString &)
{
    Ddi::DecodeError error;
    const std::optional<Ddi::ConfigData> config = Ddi::ConfigData::decode(ctx.request.body(), &error);
    if (!config)
        return ctx.fail(Status::BadRequest, error.message);
    for (auto it = config->data.cbegin(); it != config->data.cend(); ++it) {
        if (it.key().isEmpty() || it.key().size() > MaxAttributeKeyLength)
            return ctx.fail(
                Status::BadRequest,
                u"attribute key '%1' must have 1 to %2 characters"_s.arg(it.key()).arg(MaxAttributeKeyLength));
        if (it.value().size() > MaxAttributeValueLength)
            return ctx.fail(
                Status::BadRequest,
                u"the value of attribute '%1' exceeds %2 characters"_s.arg(it.key()).arg(MaxAttributeValueLength));
    }
    QMap<QString, QString> attributes;
    if (config->mode != Ddi::ConfigDataMode::Replace) {
        const Result<QMap<QString, QString>> stored = m_targets.targetAttributes(ctx.target.id);
        if (!stored)
            return ctx.fail(Status::InternalServerError, u"the attributes could not be read"_s);
        attributes = *stored;
    }
    for (auto it = config->data.cbegin(); it != config->data.cend(); ++it) {
        if (config->mode == Ddi::ConfigDataMode::Remove)
            attributes.remove(it.key());
        else
            attributes.insert(it.key(), it.value());
    }
    const int quota = m_configuration.tenantConfiguration().maxAttributesPerTarget;
    if (attributes.size() > quota)
        return ctx.fail(Status::TooManyRequests,
                        u"%1 attributes exceed the quota of %2 per target"_s.arg(attributes.size()).arg(quota));
    StoreTransaction tx(m_session);
    Lookup<Target> target = tx.begun() ? m_targets.target(ctx.target.id) : Lookup<Target>(tx.begun().error());
    if (target.found())
        target->requestAttributes = false;
    Result<void> saved;
    if (target.failed())
        saved = target.error();
    else if (target.absent())
        saved = Failure { u"flotilla.store"_s, u"target %1 is gone"_s.arg(ctx.target.id) };
    else
        saved = m_targets.setTargetAttributes(ctx.target.id, attributes);
    if (saved)
        saved = m_targets.updateTarget(*target);
    if (saved)
        saved = tx.commit();
    if (!saved) {
        qCWarning(lcDdi).noquote() << "attributes of" << ctx.target.controllerId << ':' << saved.error().message;
        return ctx.fail(Status::InternalServerError, u"the attributes could not be saved"_s);
    }
    ctx.send(QByteArray());
}

} // namespace Flotilla
