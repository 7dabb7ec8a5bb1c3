#pragma once

#include "engine/targetstatemachine.h"

#include <QDateTime>
#include <QString>

namespace Flotilla {

constexpr int MaxControllerIdLength = 256;
// A controller id as hawkBit takes it: 1 to MaxControllerIdLength characters, none of them white space or a
// control character (it is a path segment of every DDI and Management URL).
inline bool isValidControllerId(const QString &id)
{
    if (id.isEmpty() || id.size() > MaxControllerIdLength)
        return false;
    for (const QChar c : id) {
        if (c.isSpace() || c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return false;
    }
    return true;
}
constexpr int MaxTargetGroupLength = 256;

struct Target
{
    qint64 id = 0;
    QString controllerId;
    QString name;
    QString description;
    QString targetTypeKey; // empty: no type, any set fits
    // hawkBit's target group: a "/"-separated path such as "Europe/East" (a group with its subgroups is the
    // path and every path below it); empty: in no group.
    QString group;
    TargetState state = TargetState::Unknown;
    QString securityToken;
    QString address;
    QDateTime lastPoll;
    qint64 installedDistributionSetId = 0; // 0: none
    qint64 assignedDistributionSetId = 0;
    bool autoConfirm = false;
    QString autoConfirmInitiator;
    QString autoConfirmRemark;
    QDateTime createdAt;
    // The server asks the device for its attributes (DDI configData link): a new target, after an update, or on
    // the operator's request.
    bool requestAttributes = true;

    // A fresh per-target token for "Authorization: TargetToken": 32 random alphanumeric characters, as hawkBit's.
    static QString generateSecurityToken();
};

// The part of a target that every DDI request needs: who it is, its token, and what the base poll answers
// from. The store reads it narrowly because it is the server's hottest query (one per device request); target()
// reads everything else.
struct DeviceTarget
{
    qint64 id = 0;
    QString controllerId;
    TargetState state = TargetState::Unknown;
    QString securityToken;
    QString address;
    QDateTime lastPoll;
    qint64 installedDistributionSetId = 0; // 0: none
    bool requestAttributes = true;

    static DeviceTarget of(const Target &t)
    {
        return { t.id,
                 t.controllerId,
                 t.state,
                 t.securityToken,
                 t.address,
                 t.lastPoll,
                 t.installedDistributionSetId,
                 t.requestAttributes };
    }
};

// Attribute limits of DDI configData (hawkBit: keys and values up to 128 characters, 100 per target).
constexpr int MaxAttributeKeyLength = 128;
constexpr int MaxAttributeValueLength = 128;

struct DistributionSet
{
    qint64 id = 0;
    QString name;
    QString version;
    QString typeKey;
    bool requiredMigrationStep = false;
    bool locked = false; // once assigned, its modules cannot change
    QString description;
    bool valid = true; // false once invalidated (hawkBit): never assigned again
};

// Tenant configuration, with hawkBit's defaults and quotas.
struct TenantConfiguration
{
    bool autoClose = false; // repository.actions.autoclose.enabled
    bool consentFlow = false; // user.confirmation.flow.enabled
    bool multiAssignment = false; // multi.assignments.enabled
    bool rolloutApproval = false; // rollout.approval.enabled: every new rollout waits for approval
    bool autoAssignmentApproval = false; // auto.assignment.approval.enabled: every new auto-assignment waits
    bool targetTokenAuth = true; // authentication.targettoken.enabled
    bool gatewayTokenAuth = true; // authentication.gatewaytoken.enabled
    QString gatewayTokenKey; // authentication.gatewaytoken.key; empty: the server's configured ddi/gatewayToken
    qint64 pollingSecs = 300;
    qint64 pollingOverdueSecs = 300;
    qint64 minPollingSecs = 30;
    int maintenanceWindowPollCount = 3;
    int maxActionsPerTarget = 2000;
    int maxStatusEntriesPerAction = 1000; // intermediate only; final feedback is always accepted
    int maxMessagesPerStatus = 50;
    int maxTargetsPerAssignment = 5000;
    int maxAttributesPerTarget = 100;
    int maxTargetsPerRolloutGroup = 20000;
    int maxRolloutGroups = 500;
};

} // namespace Flotilla
