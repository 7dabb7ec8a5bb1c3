#pragma once

#include "proto/mgmt/mgmtmessages.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace Flotilla {

// What assigning a set to some targets will do, worked out before it happens from what the console knows of
// each target (its assigned set and status): which already run or wait for the set, which have an open action
// that the assignment cancels (without multi-assignment), which simply get a new action.
struct AssignmentPreview
{
    Q_DECLARE_TR_FUNCTIONS(Flotilla::AssignmentPreview)

public:
    int targets = 0;
    int alreadyAssigned = 0; // assigned this set already: nothing changes for them
    int openActionsCanceled = 0; // pending with another set: that action is canceled
    int newActions = 0;

    static AssignmentPreview of(const QList<Mgmt::MgmtTarget> &targets, qint64 setId, bool multiAssignment);
    // "12 targets: 3 have an open action that will be canceled; 2 already run this set."
    QString describe() const;
};

} // namespace Flotilla
