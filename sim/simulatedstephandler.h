#pragma once

// The step handler of a simulated device: it installs nothing, it takes the time its profile says (the download
// at the profile's bandwidth after the agent's real, verified transfer; the install; the reboot as Apply) and fails
// a step with the profile's probability. Whether a step fails is drawn from the fleet's seed, the device and the
// action, so the same fleet fails the same way on every run, whatever the timing.
#include "agent/handlers/stephandler.h"
#include "sim/fleetdescription.h"

#include <QSet>
#include <QTimer>

namespace Flotilla::Sim {

class SimulatedStepHandler : public Flotilla::Agent::StepHandler
{
    Q_OBJECT
public:
    SimulatedStepHandler(const DeviceProfile &profile, quint64 seed, int deviceNumber, QObject *parent = nullptr);

    QString name() const override { return QStringLiteral("simulated"); }
    void isInstalled(const Flotilla::Agent::WorkItem &item) override;
    void download(const Flotilla::Agent::WorkItem &item) override;
    void install(const Flotilla::Agent::WorkItem &item) override;
    void apply(const Flotilla::Agent::WorkItem &item) override;
    bool cancel() override;

    // Whether `step` of this action fails on this device (deterministic).
    static bool fails(quint64 seed, int deviceNumber, const QString &actionId, Flotilla::Agent::Step step,
                      double probability);

private:
    void after(double seconds, Flotilla::Agent::Step step, const Flotilla::Agent::WorkItem &item, double probability);
    static QString keyOf(const Flotilla::Agent::WorkItem &item);

    const DeviceProfile &m_profile;
    quint64 m_seed;
    int m_number;
    QTimer m_timer;
    QMetaObject::Connection m_pending;
    QSet<QString> m_installed; // part/name/version installed during this run
};

} // namespace Flotilla::Sim
