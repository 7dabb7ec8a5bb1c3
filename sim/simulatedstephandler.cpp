#include "sim/simulatedstephandler.h"

#include <QCryptographicHash>

using namespace Qt::StringLiterals;
using Flotilla::Agent::Step;
using Flotilla::Agent::StepResult;
using Flotilla::Agent::WorkItem;

namespace Flotilla::Sim {

SimulatedStepHandler::SimulatedStepHandler(const DeviceProfile &profile, quint64 seed, int deviceNumber,
                                           QObject *parent)
    : StepHandler(parent)
    , m_profile(profile)
    , m_seed(seed)
    , m_number(deviceNumber)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer); // a coarse timer may fire 5 % early
}

bool SimulatedStepHandler::fails(quint64 seed, int deviceNumber, const QString &actionId, Step step, double probability)
{
    if (probability <= 0)
        return false;
    if (probability >= 1)
        return true;
    // A hash, not a generator's sequence: the answer does not depend on what the device did before.
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(QByteArray(QByteArray::number(seed) + '/' + QByteArray::number(deviceNumber) + '/' + actionId.toUtf8()
                         + '/' + QByteArray::number(int(step))));
    const QByteArray digest = h.result();
    quint64 x = 0;
    for (int i = 0; i < 8; ++i)
        x = (x << 8) | quint8(digest.at(i));
    return double(x >> 11) / double(quint64(1) << 53) < probability;
}

QString SimulatedStepHandler::keyOf(const WorkItem &item)
{
    return item.chunk.part + u'/' + item.chunk.name + u'/' + item.chunk.version;
}

void SimulatedStepHandler::after(double seconds, Step step, const WorkItem &item, double probability)
{
    disconnect(m_pending);
    const bool failure = fails(m_seed, m_number, item.actionId, step, probability);
    const QString key = keyOf(item);
    m_pending = connect(&m_timer, &QTimer::timeout, this, [this, step, failure, key] {
        disconnect(m_pending);
        if (failure) {
            Q_EMIT finished(StepResult::failure(
                u"simulated %1 failure (profile %2)"_s.arg(Flotilla::Agent::nameOf(step).toLower(), m_profile.name),
                1));
            return;
        }
        if (step == Step::Install)
            m_installed.insert(key);
        Q_EMIT finished(StepResult::success(u"simulated %1"_s.arg(Flotilla::Agent::nameOf(step).toLower())));
    });
    // Never from inside the call (StepHandler's contract): a zero-length step still waits for the event loop.
    m_timer.start(std::chrono::milliseconds(qint64(seconds * 1000)));
}

void SimulatedStepHandler::isInstalled(const WorkItem &item)
{
    StepResult r;
    r.code = m_installed.contains(keyOf(item)) ? StepResult::Code::Installed : StepResult::Code::NotInstalled;
    finishLater(r);
}

void SimulatedStepHandler::download(const WorkItem &item)
{
    qint64 bytes = 0;
    for (const auto &f : item.files)
        bytes += f.size;
    const double seconds
        = m_profile.bandwidthBytesPerSecond > 0 ? double(bytes) / double(m_profile.bandwidthBytesPerSecond) : 0.0;
    after(seconds, Step::Download, item, m_profile.downloadFailure);
}

void SimulatedStepHandler::install(const WorkItem &item)
{
    after(m_profile.installSeconds, Step::Install, item, m_profile.installFailure);
}

void SimulatedStepHandler::apply(const WorkItem &item)
{
    after(m_profile.rebootSeconds, Step::Apply, item, m_profile.applyFailure);
}

bool SimulatedStepHandler::cancel()
{
    if (!m_timer.isActive())
        return false;
    m_timer.stop();
    disconnect(m_pending);
    finishLater({ StepResult::Code::Cancelled, 0, u"canceled"_s, {}, {} });
    return true;
}

} // namespace Flotilla::Sim
