#pragma once

// A StepHandler whose results are set by the test: every call is recorded ("Install:0"), a step can be made
// to fail or to ask for a restart, and isInstalled says Installed once Install has succeeded (as a real
// handler would), unless told otherwise.
#include "agent/handlers/stephandler.h"

#include <QMap>
#include <QStringList>

class FakeStepHandler : public Flotilla::Agent::StepHandler
{
public:
    using Step = Flotilla::Agent::Step;
    using StepResult = Flotilla::Agent::StepResult;
    using WorkItem = Flotilla::Agent::WorkItem;

    QString name() const override { return QStringLiteral("fake"); }
    void isInstalled(const WorkItem &item) override { answer(Step::IsInstalled, item); }
    void download(const WorkItem &item) override { answer(Step::Download, item); }
    void backup(const WorkItem &item) override { answer(Step::Backup, item); }
    void install(const WorkItem &item) override { answer(Step::Install, item); }
    void apply(const WorkItem &item) override { answer(Step::Apply, item); }
    void restore(const WorkItem &item) override { answer(Step::Restore, item); }
    bool cancel() override
    {
        if (!m_held)
            return false;
        m_held = false;
        finishLater({ StepResult::Code::Cancelled, 0, QStringLiteral("canceled"), {}, {} });
        return true;
    }

    QMap<Step, StepResult> results; // what a step returns (default: success)
    bool installed = false; // what isInstalled answers
    bool installMakesInstalled = true;
    Step holdStep = Step::IsInstalled; // with hold: this step does not finish until cancel()
    bool hold = false;
    QStringList calls;

private:
    void answer(Step step, const WorkItem &item)
    {
        calls << Flotilla::Agent::nameOf(step) + u':' + QString::number(item.index);
        if (hold && step == holdStep) {
            m_held = true;
            return;
        }
        if (step == Step::IsInstalled)
            return finishLater(
                { installed ? StepResult::Code::Installed : StepResult::Code::NotInstalled, 0, {}, {}, {} });
        const StepResult r = results.value(step, StepResult::success());
        if (step == Step::Install && r.succeeded() && installMakesInstalled)
            installed = true;
        finishLater(r);
    }
    bool m_held = false;
};
