#pragma once

// The Management API's errors as hawkBit reports them: every error body is hawkBit's ExceptionInfo
// ({"exceptionClass", "errorCode", "message"}), and each kind of error carries the HTTP status, the
// error code (hawkBit's SpServerError keys) and the exception class hawkBit's ResponseExceptionHandler
// answers with, so a script that branches on errorCode or status works unchanged. Flotilla-only kinds
// (an unauthenticated request) use the flotilla.mgmt.* namespace.
#include <QHttpServerResponder>
#include <QLatin1StringView>

namespace Flotilla::Mgmt {

struct Error
{
    QHttpServerResponder::StatusCode status;
    QLatin1StringView errorCode;
    QLatin1StringView exceptionClass;
};

namespace Errors {
using S = QHttpServerResponder::StatusCode;
using namespace Qt::StringLiterals;
// Generic ones, one per status (what fail(Status, ...) uses).
inline constexpr Error BodyNotReadable { S::BadRequest, "hawkbit.server.error.rest.body.notReadable"_L1,
                                         "org.eclipse.hawkbit.rest.exception.MessageNotReadableException"_L1 };
inline constexpr Error UnsupportedMediaType { S::UnsupportedMediaType, "flotilla.mgmt.unsupportedMediaType"_L1,
                                              "org.springframework.web.HttpMediaTypeNotSupportedException"_L1 };
inline constexpr Error ConstraintViolation { S::BadRequest, "hawkbit.server.error.repo.constraintViolation"_L1,
                                             "jakarta.validation.ConstraintViolationException"_L1 };
inline constexpr Error Unauthorized { S::Unauthorized, "flotilla.mgmt.unauthorized"_L1,
                                      "org.springframework.security.authentication.BadCredentialsException"_L1 };
inline constexpr Error InsufficientPermission {
    S::Forbidden, "hawkbit.server.error.insufficientPermission"_L1,
    "org.eclipse.hawkbit.repository.exception.InsufficientPermissionException"_L1
};
inline constexpr Error EntityNotFound { S::NotFound, "hawkbit.server.error.repo.entityNotFound"_L1,
                                        "org.eclipse.hawkbit.repository.exception.EntityNotFoundException"_L1 };
inline constexpr Error EntityAlreadyExists {
    S::Conflict, "hawkbit.server.error.repo.entityAlreadyExists"_L1,
    "org.eclipse.hawkbit.repository.exception.EntityAlreadyExistsException"_L1
};
inline constexpr Error FileSizeQuotaExceeded {
    S::PayloadTooLarge, "hawkbit.server.error.quota.fileSizeExceeded"_L1,
    "org.eclipse.hawkbit.artifact.exception.FileSizeQuotaExceededException"_L1
};
inline constexpr Error QuotaExceeded { S::TooManyRequests, "hawkbit.server.error.quota.tooManyEntries"_L1,
                                       "org.eclipse.hawkbit.repository.exception.AssignmentQuotaExceededException"_L1 };
inline constexpr Error Generic { S::InternalServerError, "hawkbit.server.error.repo.genericError"_L1,
                                 "org.eclipse.hawkbit.exception.GenericSpServerException"_L1 };
// Specific ones.
inline constexpr Error RolloutIllegalState {
    S::BadRequest, "hawkbit.server.error.rollout.illegalState"_L1,
    "org.eclipse.hawkbit.repository.exception.RolloutIllegalStateException"_L1
};
inline constexpr Error ActionNotCancelable {
    S::MethodNotAllowed, "hawkbit.server.error.action.notCancelable"_L1,
    "org.eclipse.hawkbit.repository.exception.CancelActionNotAllowedException"_L1
};
inline constexpr Error ActionNotForceQuitable {
    S::MethodNotAllowed, "hawkbit.server.error.action.notForceQuitable"_L1,
    "org.eclipse.hawkbit.repository.exception.ForceQuitActionNotAllowedException"_L1
};
inline constexpr Error ConfigurationKeyInvalid {
    S::BadRequest, "hawkbit.server.error.configKeyInvalid"_L1,
    "org.eclipse.hawkbit.repository.exception.InvalidTenantConfigurationKeyException"_L1
};
inline constexpr Error ConfigurationValueInvalid {
    S::BadRequest, "hawkbit.server.error.configValueInvalid"_L1,
    "org.eclipse.hawkbit.repository.exception.TenantConfigurationValidatorException"_L1
};
inline constexpr Error Md5Mismatch { S::BadRequest, "hawkbit.server.error.artifact.uploadFailed.checksum.md5.match"_L1,
                                     "org.eclipse.hawkbit.repository.exception.InvalidMd5HashException"_L1 };
inline constexpr Error Sha1Mismatch { S::BadRequest,
                                      "hawkbit.server.error.artifact.uploadFailed.checksum.sha1.match"_L1,
                                      "org.eclipse.hawkbit.repository.exception.InvalidSha1HashException"_L1 };
inline constexpr Error Sha256Mismatch { S::BadRequest,
                                        "hawkbit.server.error.artifact.uploadFailed.checksum.sha256.match"_L1,
                                        "org.eclipse.hawkbit.repository.exception.InvalidSha256HashException"_L1 };
inline constexpr Error RsqlSyntax { S::BadRequest, "hawkbit.server.error.rest.param.rsqlParamSyntax"_L1,
                                    "org.eclipse.hawkbit.repository.exception.RSQLParameterSyntaxException"_L1 };
inline constexpr Error SortParameterInvalid {
    S::BadRequest, "hawkbit.server.error.rest.param.invalidField"_L1,
    "org.eclipse.hawkbit.mgmt.rest.resource.exception.SortParameterUnsupportedFieldException"_L1
};
inline constexpr Error Locked { S::Locked, "hawkbit.server.error.locked"_L1,
                                "org.eclipse.hawkbit.repository.exception.LockedException"_L1 };
inline constexpr Error AutoConfirmationAlreadyActive {
    S::Conflict, "hawkbit.server.error.repo.autoConfAlreadyActive"_L1,
    "org.eclipse.hawkbit.repository.exception.AutoConfirmationAlreadyActiveException"_L1
};
inline constexpr Error DistributionSetInvalid {
    S::BadRequest, "hawkbit.server.error.distributionset.invalid"_L1,
    "org.eclipse.hawkbit.repository.exception.InvalidDistributionSetException"_L1
};
inline constexpr Error DistributionSetIncomplete {
    S::BadRequest, "hawkbit.server.error.distributionset.incomplete"_L1,
    "org.eclipse.hawkbit.repository.exception.IncompleteDistributionSetException"_L1
};
inline constexpr Error TargetTypeInUse { S::Conflict, "hawkbit.server.error.target.type.used"_L1,
                                         "org.eclipse.hawkbit.repository.exception.TargetTypeInUseException"_L1 };
inline constexpr Error EntityReadOnly { S::Forbidden, "hawkbit.server.error.entityReadOnly"_L1,
                                        "org.eclipse.hawkbit.repository.exception.EntityReadOnlyException"_L1 };
inline constexpr Error AutoAssignmentIllegalState {
    S::Conflict, "hawkbit.server.error.auto.assignment.illegalState"_L1,
    "org.eclipse.hawkbit.repository.exception.AutoAssignmentIllegalStateException"_L1
};
inline constexpr Error AutoAssignActionTypeInvalid {
    S::BadRequest, "hawkbit.server.error.repo.invalidAutoAssignActionType"_L1,
    "org.eclipse.hawkbit.repository.exception.InvalidAutoAssignActionTypeException"_L1
};
// A module, set or type that something still uses. hawkBit soft-deletes modules and sets with history;
// Flotilla refuses and names the users, so no history goes missing (a Flotilla-only error).
inline constexpr Error InUse { S::Conflict, "flotilla.mgmt.inUse"_L1, "flotilla.mgmt.InUseException"_L1 };
} // namespace Errors

// The generic kind of an HTTP status (a 400 is a constraint violation; malformed JSON says so itself).
constexpr Error errorFor(QHttpServerResponder::StatusCode status)
{
    using S = QHttpServerResponder::StatusCode;
    switch (status) {
    case S::BadRequest:
        return Errors::ConstraintViolation;
    case S::Unauthorized:
        return Errors::Unauthorized;
    case S::Forbidden:
        return Errors::InsufficientPermission;
    case S::NotFound:
        return Errors::EntityNotFound;
    case S::Conflict:
        return Errors::EntityAlreadyExists;
    case S::PayloadTooLarge:
        return Errors::FileSizeQuotaExceeded;
    case S::TooManyRequests:
        return Errors::QuotaExceeded;
    case S::Locked:
        return Errors::Locked;
    case S::MethodNotAllowed:
        return Errors::ActionNotCancelable;
    default:
        return { status, Errors::Generic.errorCode, Errors::Generic.exceptionClass };
    }
}

} // namespace Flotilla::Mgmt
