// DeviceAgent's consent questions (consent/policy, or a person on the device's screen through the local API) and
// the local API's other requests: InstallNow and Postpone.
#include "agent/agentlogging.h"
#include "agent/deviceagent.h"

using namespace Qt::StringLiterals;

namespace Flotilla::Agent {

void DeviceAgent::handleConfirmation(const QUrl &href)
{
    const QString actionId = actionIdIn(href, "confirmationBase"_L1);
    if (m_state.consentAnswered.contains(actionId))
        return;
    switch (m_config.consentPolicy) {
    case ConsentPolicy::Wait:
        if (m_config.hasLocalApi()) {
            // A person decides on the device's screen: fetch what to show them (once; the server keeps asking).
            if (m_consents.contains(actionId) || m_consentFetching.contains(actionId))
                return;
            m_consentFetching << actionId;
            m_client.get(href, [this, href](const DdiReply &reply) { consentDetailsRead(href, reply); });
            return;
        }
        qCInfo(lcAgent, "action %s waits for consent (consent/policy = wait)", qUtf8Printable(actionId));
        m_state.consentAnswered << actionId; // logged once; the question stays open on the server
        break;
    case ConsentPolicy::Confirm:
    case ConsentPolicy::Deny: {
        const bool confirm = m_config.consentPolicy == ConsentPolicy::Confirm;
        Flotilla::Ddi::ConfirmationFeedback f;
        f.confirmation = confirm ? Flotilla::Ddi::Confirmation::Confirmed : Flotilla::Ddi::Confirmation::Denied;
        f.details << (confirm ? tr("confirmed by the device's consent policy")
                              : tr("denied by the device's consent policy"));
        m_state.consentAnswered << actionId;
        m_feedback->enqueue({ actionId, feedbackUrl(href).toString(), f.encode(),
                              confirm ? u"consent: confirmed"_s : u"consent: denied"_s });
        break;
    }
    }
    while (m_state.consentAnswered.size() > 100)
        m_state.consentAnswered.removeFirst();
    save();
}

QString DeviceAgent::titleOf(const Flotilla::Ddi::Deployment &deployment)
{
    // flotillad names the distribution set; other hawkBit servers do not, and the modules stand in for it.
    if (!deployment.distributionSetName.isEmpty())
        return u"%1 %2"_s.arg(deployment.distributionSetName, deployment.distributionSetVersion).trimmed();
    QStringList parts;
    for (const Flotilla::Ddi::Chunk &c : deployment.chunks)
        parts << u"%1 %2"_s.arg(c.name, c.version);
    return parts.join(u", "_s);
}

const Flotilla::Ddi::Deployment *DeviceAgent::currentDeployment() const
{
    if (!m_state.current)
        return nullptr;
    if (m_decodedBody.isNull() || m_decodedBody != m_state.current->deployment) {
        m_decodedBody = m_state.current->deployment;
        Flotilla::Ddi::DecodeError ignored;
        m_decodedDeployment = Flotilla::Ddi::Deployment::decode(m_decodedBody, &ignored);
    }
    return m_decodedDeployment ? &*m_decodedDeployment : nullptr;
}

QString DeviceAgent::currentTitle() const
{
    const Flotilla::Ddi::Deployment *d = currentDeployment();
    return d ? titleOf(*d) : QString();
}

void DeviceAgent::consentDetailsRead(const QUrl &href, const DdiReply &reply)
{
    const QString actionId = actionIdIn(href, "confirmationBase"_L1);
    m_consentFetching.removeAll(actionId);
    if (!reply.ok()) {
        qCWarning(lcAgent, "the consent question of action %s cannot be read: %s; asking again at the next poll",
                  qUtf8Printable(actionId), qUtf8Printable(reply.describe()));
        return;
    }
    Flotilla::Ddi::DecodeError error;
    const auto deployment = Flotilla::Ddi::Deployment::decode(reply.body, &error);
    if (!deployment) {
        qCWarning(lcAgent, "the consent question of action %s cannot be read: %s", qUtf8Printable(actionId),
                  qUtf8Printable(error.message));
        return;
    }
    qCInfo(lcAgent, "action %s (%s) waits for consent on the device", qUtf8Printable(actionId),
           qUtf8Printable(titleOf(*deployment)));
    m_consents.insert(actionId, { actionId, href, *deployment, {} });
    Q_EMIT statusChanged();
}

void DeviceAgent::forgetConsentsBut(const QString &actionId)
{
    // The server no longer asks (decided elsewhere, canceled, or auto-confirmed): the question goes.
    bool changed = false;
    for (auto it = m_consents.begin(); it != m_consents.end();) {
        if (it.key() != actionId) {
            it = m_consents.erase(it);
            changed = true;
        } else {
            ++it;
        }
    }
    if (changed)
        Q_EMIT statusChanged();
}

bool DeviceAgent::answerConsent(const QString &actionId, bool confirm, const QString &decidedBy, const QString &remark,
                                QString *message)
{
    const auto it = m_consents.constFind(actionId);
    if (it == m_consents.cend()) {
        *message = m_state.consentAnswered.contains(actionId)
            ? tr("action %1 has been decided already").arg(actionId)
            : tr("action %1 does not wait for consent on this device").arg(actionId);
        return false;
    }
    const QString who = decidedBy.isEmpty() ? tr("the device's screen") : decidedBy;
    Flotilla::Ddi::ConfirmationFeedback f;
    f.confirmation = confirm ? Flotilla::Ddi::Confirmation::Confirmed : Flotilla::Ddi::Confirmation::Denied;
    f.details << (confirm ? tr("confirmed on the device by %1").arg(who) : tr("denied on the device by %1").arg(who));
    if (!remark.isEmpty())
        f.details << remark;
    const QUrl href = it->href;
    m_consents.erase(it);
    m_state.consentAnswered << actionId;
    while (m_state.consentAnswered.size() > 100)
        m_state.consentAnswered.removeFirst();
    QUrl feedback = href;
    feedback.setPath(href.path() + u"/feedback"_s);
    m_feedback->enqueue({ actionId, feedback.toString(), f.encode(),
                          confirm ? u"consent: confirmed by %1"_s.arg(who) : u"consent: denied by %1"_s.arg(who) });
    save();
    qCInfo(lcAgent, "action %s %s on the device by %s", qUtf8Printable(actionId), confirm ? "confirmed" : "denied",
           qUtf8Printable(who));
    *message = confirm ? tr("confirmed; the update starts when the server hands it over")
                       : tr("declined; the update waits on the server until the operator decides");
    // A declined action stays open on the server (WAIT_FOR_CONFIRMATION) but is not asked here again: the person
    // said no; "Later" is the way to be asked again.
    Q_EMIT statusChanged();
    // Ask at once what comes next (the deployment, or the question again).
    QTimer::singleShot(confirm ? 200 : 1000, this, &DeviceAgent::poll);
    return true;
}

bool DeviceAgent::heldForAPerson(const Flotilla::Ddi::Deployment &deployment) const
{
    return m_config.hasLocalApi() && m_config.localHoldSoftActions
        && deployment.update == Flotilla::Ddi::Handling::Attempt;
}

bool DeviceAgent::isHeldForAPerson() const
{
    if (!m_state.current || !m_workflow->isRunning() || m_workflow->phase() != UpdateWorkflow::Phase::WaitForWindow
        || m_installNowGiven == m_state.current->actionId)
        return false;
    const Flotilla::Ddi::Deployment *d = currentDeployment();
    return d && heldForAPerson(*d);
}

bool DeviceAgent::installNowAllowed() const
{
    if (!m_state.current || !m_workflow->isRunning() || m_workflow->phase() != UpdateWorkflow::Phase::WaitForWindow)
        return false;
    return m_config.localAllowInstallNow || isHeldForAPerson();
}

bool DeviceAgent::installNow(const QString &actionId, const QString &requestedBy, QString *message)
{
    if (!m_state.current || m_state.current->actionId != actionId) {
        *message = tr("action %1 is not waiting on this device").arg(actionId);
        return false;
    }
    if (!installNowAllowed()) {
        *message = m_workflow->phase() == UpdateWorkflow::Phase::WaitForWindow
            ? tr("installing outside the maintenance window is not allowed on this device "
                 "(localApi/allowInstallNow)")
            : tr("action %1 is not waiting to be installed").arg(actionId);
        return false;
    }
    m_installNowGiven = actionId;
    qCInfo(lcAgent, "action %s: install now, asked by %s", qUtf8Printable(actionId), qUtf8Printable(requestedBy));
    m_workflow->setInstallAllowed(true);
    *message = tr("installing now");
    return true;
}

bool DeviceAgent::postpone(const QString &actionId, const QDateTime &until, const QString &requestedBy,
                           QString *message)
{
    const auto it = m_consents.find(actionId);
    if (it == m_consents.end()) {
        *message = tr("only a consent question can be postponed; action %1 is not one").arg(actionId);
        return false;
    }
    if (!until.isValid() || until <= QDateTime::currentDateTimeUtc()) {
        *message = tr("the time to postpone to must lie in the future");
        return false;
    }
    it->postponedUntil = until.toUTC();
    qCInfo(lcAgent, "action %s: consent postponed until %s by %s", qUtf8Printable(actionId),
           qUtf8Printable(until.toUTC().toString(Qt::ISODate)), qUtf8Printable(requestedBy));
    *message = tr("asked again at %1").arg(until.toLocalTime().toString(u"HH:mm"_s));
    Q_EMIT statusChanged();
    remindAt(until); // ask again when the time has come
    return true;
}

void DeviceAgent::remindAt(const QDateTime &until)
{
    // One timer waits at most about 24 days (an int of milliseconds); a longer wait is a chain of shorter ones.
    constexpr qint64 longest = qint64(20) * 24 * 3600 * 1000;
    const qint64 left = QDateTime::currentDateTimeUtc().msecsTo(until);
    if (left > longest) {
        QTimer::singleShot(std::chrono::milliseconds(longest), this, [this, until] { remindAt(until); });
        return;
    }
    QTimer::singleShot(std::chrono::milliseconds(std::max<qint64>(0, left) + 100), this, &DeviceAgent::statusChanged);
}

} // namespace Flotilla::Agent
