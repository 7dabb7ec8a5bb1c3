#include "ddimessages.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <array>

using namespace Qt::StringLiterals;

namespace Flotilla::Ddi {

namespace {

constexpr std::array executionNames = { "closed"_L1,   "proceeding"_L1, "canceled"_L1,   "scheduled"_L1,
                                        "rejected"_L1, "resumed"_L1,    "downloaded"_L1, "download"_L1 };
constexpr std::array finishedNames = { "success"_L1, "failure"_L1, "none"_L1 };
constexpr std::array handlingNames = { "skip"_L1, "attempt"_L1, "forced"_L1 };
constexpr std::array modeNames = { "merge"_L1, "replace"_L1, "remove"_L1 };
constexpr std::array confirmationNames = { "confirmed"_L1, "denied"_L1 };

template<typename Enum, std::size_t N>
std::optional<Enum> enumFrom(const std::array<QLatin1StringView, N> &names, const QString &text)
{
    for (std::size_t i = 0; i < N; ++i) {
        if (names[i] == text)
            return Enum(i);
    }
    return std::nullopt;
}

template<std::size_t N> QString allowed(const std::array<QLatin1StringView, N> &names)
{
    QStringList list;
    for (QLatin1StringView n : names)
        list << n;
    return list.join(", "_L1);
}

bool fail(DecodeError *error, const QString &message)
{
    if (error)
        error->message = message;
    return false;
}

// The body as a JSON object; an empty body is an empty object only where the caller allows it.
std::optional<QJsonObject> objectOf(const QByteArray &json, DecodeError *error, bool emptyAllowed = false)
{
    if (emptyAllowed && json.trimmed().isEmpty())
        return QJsonObject();
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parse);
    if (parse.error != QJsonParseError::NoError) {
        fail(error, u"malformed JSON at offset %1: %2"_s.arg(parse.offset).arg(parse.errorString()));
        return std::nullopt;
    }
    if (!doc.isObject()) {
        fail(error, u"the body must be a JSON object"_s);
        return std::nullopt;
    }
    return doc.object();
}

// An optional integer field; false (with the error set) when present with another type.
bool optionalInt(const QJsonObject &o, QLatin1StringView key, const QString &path, std::optional<int> *out,
                 DecodeError *error)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isDouble())
        return fail(error, u"'%1' must be an integer"_s.arg(path));
    *out = v.toInt();
    return true;
}

bool stringList(const QJsonObject &o, QLatin1StringView key, const QString &path, QStringList *out, DecodeError *error)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isArray())
        return fail(error, u"'%1' must be an array of strings"_s.arg(path));
    for (const QJsonValue &item : v.toArray()) {
        if (!item.isString())
            return fail(error, u"'%1' must be an array of strings"_s.arg(path));
        out->append(item.toString());
    }
    return true;
}

QJsonObject linksJson(const QMap<QString, QString> &links)
{
    QJsonObject o;
    for (auto it = links.cbegin(); it != links.cend(); ++it)
        o.insert(it.key(), QJsonObject { { "href"_L1, it.value() } });
    return o;
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

QString nameOf(Execution execution)
{
    return executionNames.at(std::size_t(execution));
}

QString nameOf(Finished finished)
{
    return finishedNames.at(std::size_t(finished));
}

QString nameOf(Handling handling)
{
    return handlingNames.at(std::size_t(handling));
}

std::optional<ActionFeedback> ActionFeedback::decode(const QByteArray &json, DecodeError *error)
{
    const std::optional<QJsonObject> root = objectOf(json, error);
    if (!root)
        return std::nullopt;
    ActionFeedback f;
    const QJsonValue status = root->value("status"_L1);
    if (!status.isObject())
        return fail(error, u"'status' is required and must be an object"_s), std::nullopt;
    const QJsonObject s = status.toObject();
    const QJsonValue execution = s.value("execution"_L1);
    const auto exec = enumFrom<Execution>(executionNames, execution.toString());
    if (!execution.isString() || !exec)
        return fail(error, u"'status.execution' is required, one of: %1"_s.arg(allowed(executionNames))), std::nullopt;
    f.execution = *exec;
    const QJsonValue result = s.value("result"_L1);
    if (!result.isObject())
        return fail(error, u"'status.result' is required and must be an object"_s), std::nullopt;
    const QJsonObject r = result.toObject();
    const QJsonValue finished = r.value("finished"_L1);
    const auto fin = enumFrom<Finished>(finishedNames, finished.toString());
    if (!finished.isString() || !fin)
        return fail(error, u"'status.result.finished' is required, one of: %1"_s.arg(allowed(finishedNames))),
               std::nullopt;
    f.finished = *fin;
    // progress is accepted and not validated: SWUpdate sends {"cnt":0,"of":0} and even cnt > of.
    if (const QJsonValue p = r.value("progress"_L1); p.isObject()) {
        if (!optionalInt(p.toObject(), "cnt"_L1, u"status.result.progress.cnt"_s, &f.progressCount, error)
            || !optionalInt(p.toObject(), "of"_L1, u"status.result.progress.of"_s, &f.progressOf, error))
            return std::nullopt;
    }
    if (!optionalInt(s, "code"_L1, u"status.code"_s, &f.code, error)
        || !stringList(s, "details"_L1, u"status.details"_s, &f.details, error))
        return std::nullopt;
    if (const QJsonValue ts = root->value("timestamp"_L1); ts.isDouble())
        f.timestampMs = qint64(ts.toDouble());
    return f;
}

QByteArray ActionFeedback::encode() const
{
    QJsonObject result { { "finished"_L1, nameOf(finished) } };
    if (progressCount || progressOf)
        result.insert("progress"_L1,
                      QJsonObject { { "cnt"_L1, progressCount.value_or(0) }, { "of"_L1, progressOf.value_or(0) } });
    QJsonObject status { { "execution"_L1, nameOf(execution) }, { "result"_L1, result } };
    if (code)
        status.insert("code"_L1, *code);
    if (!details.isEmpty())
        status.insert("details"_L1, QJsonArray::fromStringList(details));
    QJsonObject root { { "status"_L1, status } };
    if (timestampMs)
        root.insert("timestamp"_L1, double(*timestampMs));
    return compact(root);
}

std::optional<ConfirmationFeedback> ConfirmationFeedback::decode(const QByteArray &json, DecodeError *error)
{
    const std::optional<QJsonObject> root = objectOf(json, error);
    if (!root)
        return std::nullopt;
    ConfirmationFeedback f;
    const auto c = enumFrom<Confirmation>(confirmationNames, root->value("confirmation"_L1).toString());
    if (!c)
        return fail(error, u"'confirmation' is required, one of: %1"_s.arg(allowed(confirmationNames))), std::nullopt;
    f.confirmation = *c;
    if (!optionalInt(*root, "code"_L1, u"code"_s, &f.code, error)
        || !stringList(*root, "details"_L1, u"details"_s, &f.details, error))
        return std::nullopt;
    return f;
}

QByteArray ConfirmationFeedback::encode() const
{
    QJsonObject root { { "confirmation"_L1, confirmationNames.at(std::size_t(confirmation)) } };
    if (code)
        root.insert("code"_L1, *code);
    if (!details.isEmpty())
        root.insert("details"_L1, QJsonArray::fromStringList(details));
    return compact(root);
}

std::optional<ConfigData> ConfigData::decode(const QByteArray &json, DecodeError *error)
{
    const std::optional<QJsonObject> root = objectOf(json, error);
    if (!root)
        return std::nullopt;
    ConfigData c;
    if (const QJsonValue mode = root->value("mode"_L1); !mode.isUndefined() && !mode.isNull()) {
        const auto m = enumFrom<ConfigDataMode>(modeNames, mode.toString());
        if (!m)
            return fail(error, u"'mode' must be one of: %1"_s.arg(allowed(modeNames))), std::nullopt;
        c.mode = *m;
    }
    const QJsonValue data = root->value("data"_L1);
    if (!data.isObject())
        return fail(error, u"'data' is required and must be an object of string values"_s), std::nullopt;
    const QJsonObject d = data.toObject();
    for (auto it = d.constBegin(); it != d.constEnd(); ++it) {
        const QJsonValue v = it.value();
        if (v.isString())
            c.data.insert(it.key(), v.toString());
        else if (v.isDouble() || v.isBool())
            c.data.insert(it.key(), v.toVariant().toString());
        else
            return fail(error, u"'data.%1' must be a string"_s.arg(it.key())), std::nullopt;
    }
    return c;
}

QByteArray ConfigData::encode() const
{
    QJsonObject d;
    for (auto it = data.cbegin(); it != data.cend(); ++it)
        d.insert(it.key(), it.value());
    return compact({ { "mode"_L1, modeNames.at(std::size_t(mode)) }, { "data"_L1, d } });
}

std::optional<AutoConfirmActivation> AutoConfirmActivation::decode(const QByteArray &json, DecodeError *error)
{
    const std::optional<QJsonObject> root = objectOf(json, error, /*emptyAllowed=*/true);
    if (!root)
        return std::nullopt;
    for (QLatin1StringView key : { "initiator"_L1, "remark"_L1 }) {
        const QJsonValue v = root->value(key);
        if (!v.isUndefined() && !v.isNull() && !v.isString())
            return fail(error, u"'%1' must be a string"_s.arg(key)), std::nullopt;
    }
    return AutoConfirmActivation { root->value("initiator"_L1).toString(), root->value("remark"_L1).toString() };
}

std::optional<InstalledBase> InstalledBase::decode(const QByteArray &json, DecodeError *error)
{
    const std::optional<QJsonObject> root = objectOf(json, error);
    if (!root)
        return std::nullopt;
    const QJsonValue name = root->value("name"_L1);
    const QJsonValue version = root->value("version"_L1);
    if (!name.isString() || name.toString().isEmpty())
        return fail(error, u"'name' is required and must be a string"_s), std::nullopt;
    if (!version.isString() || version.toString().isEmpty())
        return fail(error, u"'version' is required and must be a string"_s), std::nullopt;
    return InstalledBase { name.toString(), version.toString() };
}

QString formatSleep(qint64 seconds)
{
    // Every base poll carries one: built digit by digit rather than through three QString::arg passes.
    seconds = std::clamp<qint64>(seconds, 0, 24 * 3600 - 1);
    const int parts[] = { int(seconds / 3600), int(seconds / 60 % 60), int(seconds % 60) };
    QString text(8, u':');
    for (int i = 0; i < 3; ++i) {
        text[i * 3] = QChar(u'0' + parts[i] / 10);
        text[i * 3 + 1] = QChar(u'0' + parts[i] % 10);
    }
    return text;
}

std::optional<qint64> parseSleep(const QString &text)
{
    const QStringList parts = text.split(':'_L1);
    if (parts.size() != 3)
        return std::nullopt;
    qint64 total = 0;
    for (int i = 0; i < 3; ++i) {
        bool ok = false;
        const int v = parts.at(i).toInt(&ok);
        if (!ok || v < 0 || (i > 0 && v > 59) || parts.at(i).size() != 2)
            return std::nullopt;
        total = total * 60 + v;
    }
    return total;
}

QByteArray ControllerBase::encode() const
{
    QJsonObject root {
        { "config"_L1, QJsonObject { { "polling"_L1, QJsonObject { { "sleep"_L1, formatSleep(sleepSeconds) } } } } }
    };
    root.insert("_links"_L1, linksJson(links));
    return compact(root);
}

std::optional<ControllerBase> ControllerBase::decode(const QByteArray &json, DecodeError *error)
{
    const std::optional<QJsonObject> root = objectOf(json, error);
    if (!root)
        return std::nullopt;
    ControllerBase b;
    const auto sleep
        = parseSleep(root->value("config"_L1).toObject().value("polling"_L1).toObject().value("sleep"_L1).toString());
    if (!sleep)
        return fail(error, u"'config.polling.sleep' is required as HH:mm:ss"_s), std::nullopt;
    b.sleepSeconds = *sleep;
    const QJsonObject links = root->value("_links"_L1).toObject();
    for (auto it = links.constBegin(); it != links.constEnd(); ++it)
        b.links.insert(it.key(), it.value().toObject().value("href"_L1).toString());
    return b;
}

QJsonObject Artifact::toJson() const
{
    QMap<QString, QString> rels;
    if (!links.download.isEmpty())
        rels.insert(u"download"_s, links.download);
    if (!links.downloadHttp.isEmpty())
        rels.insert(u"download-http"_s, links.downloadHttp);
    if (!links.md5sum.isEmpty())
        rels.insert(u"md5sum"_s, links.md5sum);
    if (!links.md5sumHttp.isEmpty())
        rels.insert(u"md5sum-http"_s, links.md5sumHttp);
    return QJsonObject {
        { "filename"_L1, filename },
        { "size"_L1, double(size) },
        { "hashes"_L1, QJsonObject { { "sha1"_L1, sha1 }, { "md5"_L1, md5 }, { "sha256"_L1, sha256 } } },
        { "_links"_L1, linksJson(rels) },
    };
}

QByteArray Deployment::encode(Kind kind) const
{
    QJsonArray chunksJson;
    for (const Chunk &c : chunks) {
        QJsonArray artifactsJson;
        for (const Artifact &a : c.artifacts)
            artifactsJson.append(a.toJson());
        QJsonObject chunk {
            { "part"_L1, c.part }, { "version"_L1, c.version }, { "name"_L1, c.name }, { "artifacts"_L1, artifactsJson }
        };
        if (c.encrypted)
            chunk.insert("encrypted"_L1, true);
        if (!c.metadata.isEmpty()) {
            QJsonArray metadata;
            for (const auto &[key, value] : c.metadata)
                metadata.append(QJsonObject { { "key"_L1, key }, { "value"_L1, value } });
            chunk.insert("metadata"_L1, metadata);
        }
        chunksJson.append(chunk);
    }
    QJsonObject deployment { { "download"_L1, nameOf(download) },
                             { "update"_L1, nameOf(update) },
                             { "chunks"_L1, chunksJson } };
    if (maintenanceWindowAvailable)
        deployment.insert("maintenanceWindow"_L1, *maintenanceWindowAvailable ? u"available"_s : u"unavailable"_s);
    QJsonObject root { { "id"_L1, actionId },
                       { kind == Kind::Confirmation ? "confirmation"_L1 : "deployment"_L1, deployment } };
    if (history)
        root.insert("actionHistory"_L1,
                    QJsonObject { { "status"_L1, history->status },
                                  { "messages"_L1, QJsonArray::fromStringList(history->messages) } });
    return compact(root);
}

QByteArray CancelAction::encode() const
{
    return compact({ { "id"_L1, actionId }, { "cancelAction"_L1, QJsonObject { { "stopId"_L1, stopId } } } });
}

QByteArray ConfirmationBase::encode() const
{
    QJsonObject autoConfirm { { "active"_L1, autoConfirmActive } };
    if (autoConfirmActive) {
        if (!initiator.isEmpty())
            autoConfirm.insert("initiator"_L1, initiator);
        if (!remark.isEmpty())
            autoConfirm.insert("remark"_L1, remark);
        if (activatedAtMs)
            autoConfirm.insert("activatedAt"_L1, double(*activatedAtMs));
    }
    return compact({ { "autoConfirm"_L1, autoConfirm }, { "_links"_L1, linksJson(links) } });
}

QByteArray encodeArtifacts(const QList<Artifact> &artifacts)
{
    QJsonArray list;
    for (const Artifact &a : artifacts)
        list.append(a.toJson());
    return QJsonDocument(list).toJson(QJsonDocument::Compact);
}

QByteArray encodeError(const QString &errorCode, const QString &message)
{
    return compact({ { "errorCode"_L1, errorCode }, { "message"_L1, message } });
}

} // namespace Flotilla::Ddi
