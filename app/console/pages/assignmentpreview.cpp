#include "app/console/pages/assignmentpreview.h"

#include <QCoreApplication>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace Flotilla {

AssignmentPreview AssignmentPreview::of(const QList<Mgmt::MgmtTarget> &targets, qint64 setId, bool multiAssignment)
{
    AssignmentPreview p;
    p.targets = int(targets.size());
    for (const Mgmt::MgmtTarget &t : targets) {
        const qint64 assigned = t.assignedDistributionSetId.value_or(0);
        const bool pending = t.updateStatus == u"pending"_s;
        if (assigned == setId && !multiAssignment) {
            ++p.alreadyAssigned;
        } else {
            ++p.newActions;
            if (pending && !multiAssignment)
                ++p.openActionsCanceled;
        }
    }
    return p;
}

QString AssignmentPreview::describe() const
{
    if (targets == 0)
        return tr("No target is selected.");
    QStringList parts;
    parts << tr("%n new action(s)", nullptr, newActions);
    if (openActionsCanceled)
        parts << tr("%n target(s) have an open action that will be canceled", nullptr, openActionsCanceled);
    if (alreadyAssigned)
        parts << tr("%n target(s) already run or wait for this set and are left alone", nullptr, alreadyAssigned);
    return tr("%n target(s): ", nullptr, targets) + parts.join(u"; "_s) + u'.';
}

} // namespace Flotilla
