#pragma once

// hawkBit DDI API v1 JSON messages as plain values, with their codecs. Both sides use them: the server decodes
// feedback and encodes deployments, a device agent does the reverse. Decoding is lenient where real clients
// are (unknown fields ignored, SWUpdate's old "id"/"time" fields accepted) and strict where the API is
// (required fields missing or of the wrong type give an error naming the field).
#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace Flotilla::Ddi {

// The first problem found while decoding, for a 400 answer.
struct DecodeError
{
    QString message;
};

enum class Execution : quint8 { Closed, Proceeding, Canceled, Scheduled, Rejected, Resumed, Downloaded, Download };
enum class Finished : quint8 { Success, Failure, None };
QString nameOf(Execution execution);
QString nameOf(Finished finished);

// deploymentBase/{id}/feedback and cancelAction/{id}/feedback.
struct ActionFeedback
{
    Execution execution = Execution::Proceeding;
    Finished finished = Finished::None;
    std::optional<int> progressCount;
    std::optional<int> progressOf;
    std::optional<int> code;
    QStringList details;
    std::optional<qint64> timestampMs;

    static std::optional<ActionFeedback> decode(const QByteArray &json, DecodeError *error);
    QByteArray encode() const;
};

enum class Confirmation : quint8 { Confirmed, Denied };

// confirmationBase/{id}/feedback.
struct ConfirmationFeedback
{
    Confirmation confirmation = Confirmation::Confirmed;
    std::optional<int> code;
    QStringList details;

    static std::optional<ConfirmationFeedback> decode(const QByteArray &json, DecodeError *error);
    QByteArray encode() const;
};

enum class ConfigDataMode : quint8 { Merge, Replace, Remove };

// PUT configData: the device's attributes.
struct ConfigData
{
    ConfigDataMode mode = ConfigDataMode::Merge;
    QMap<QString, QString> data;

    static std::optional<ConfigData> decode(const QByteArray &json, DecodeError *error);
    QByteArray encode() const;
};

// POST confirmationBase/activateAutoConfirm (the body is optional).
struct AutoConfirmActivation
{
    QString initiator;
    QString remark;

    static std::optional<AutoConfirmActivation> decode(const QByteArray &json, DecodeError *error);
};

// PUT installedBase: a set the device installed on its own.
struct InstalledBase
{
    QString name;
    QString version;

    static std::optional<InstalledBase> decode(const QByteArray &json, DecodeError *error);
};

// The base poll answer: the sleep and the links the device should follow.
struct ControllerBase
{
    qint64 sleepSeconds = 300;
    QMap<QString, QString>
        links; // rel -> href: deploymentBase, cancelAction, confirmationBase, installedBase, configData

    QByteArray encode() const;
    static std::optional<ControllerBase> decode(const QByteArray &json, DecodeError *error);
};
// "HH:mm:ss" as hawkBit writes a poll sleep (values of a day or more are capped at 23:59:59: legacy clients
// parse the field with strptime("%T")).
QString formatSleep(qint64 seconds);
std::optional<qint64> parseSleep(const QString &text);
// A device reading a poll answer: also hawkBit 0.10's jitter suffix ("00:05:00~10%"), returning the base
// interval (the device applies its own jitter).
std::optional<qint64> parsePollSleep(const QString &text);

enum class Handling : quint8 { Skip, Attempt, Forced };
QString nameOf(Handling handling);

struct ArtifactLinks
{
    QString download; // the externally visible base URL's scheme (https behind a TLS proxy)
    QString downloadHttp;
    QString md5sum;
    QString md5sumHttp;
};

struct Artifact
{
    QString filename;
    qint64 size = 0;
    QString sha1;
    QString md5;
    QString sha256;
    ArtifactLinks links;

    QJsonObject toJson() const;
};

struct Chunk
{
    QString part; // the software module type's key
    QString version;
    QString name;
    bool encrypted = false;
    QList<Artifact> artifacts;
    QList<std::pair<QString, QString>> metadata;
};

struct ActionHistory
{
    QString status; // Action.Status name
    QStringList messages; // newest first
};

// deploymentBase/{id}, confirmationBase/{id} ("confirmation" instead of "deployment") and installedBase/{id}.
struct Deployment
{
    QString actionId;
    Handling download = Handling::Forced;
    Handling update = Handling::Forced;
    std::optional<bool> maintenanceWindowAvailable;
    // Flotilla's extension (hawkBit clients ignore it): the window open now or the next one, epoch ms, so a
    // device can show a countdown ("maintenanceWindowStart", "maintenanceWindowEnd" beside "maintenanceWindow").
    std::optional<qint64> maintenanceWindowStartMs;
    std::optional<qint64> maintenanceWindowEndMs;
    // Flotilla's extension too, for the device's screen: the distribution set's name and version, and when a
    // time-forced action stops being soft (epoch ms).
    QString distributionSetName;
    QString distributionSetVersion;
    std::optional<qint64> forceTimeMs;
    QList<Chunk> chunks;
    std::optional<ActionHistory> history;

    enum class Kind : quint8 { Deployment, Confirmation };
    QByteArray encode(Kind kind = Kind::Deployment) const;
    // The device's side: strict about what it will act on. Sizes must be whole non-negative numbers, hashes
    // hexadecimal of their length, and filenames plain names (no path separators, not "." or ".."), since a
    // device writes them to disk. Reads "deployment" or "confirmation", whichever the body has.
    static std::optional<Deployment> decode(const QByteArray &json, DecodeError *error);
};

// cancelAction/{id}.
struct CancelAction
{
    QString actionId;
    QString stopId;
    QByteArray encode() const;
    static std::optional<CancelAction> decode(const QByteArray &json, DecodeError *error);
};

// confirmationBase.
struct ConfirmationBase
{
    bool autoConfirmActive = false;
    QString initiator;
    QString remark;
    std::optional<qint64> activatedAtMs;
    QMap<QString, QString> links;
    QByteArray encode() const;
    static std::optional<ConfirmationBase> decode(const QByteArray &json, DecodeError *error);
};

// The artifact list of softwaremodules/{id}/artifacts.
QByteArray encodeArtifacts(const QList<Artifact> &artifacts);

// Whether a name from the server can be used as a file name in a directory of the device's (no separators,
// not "." or "..", no NUL, at most 255 bytes).
bool isPlainFileName(const QString &name);

// The error body every DDI (and Management API) error carries, in hawkBit's shape.
QByteArray encodeError(const QString &errorCode, const QString &message);

} // namespace Flotilla::Ddi
