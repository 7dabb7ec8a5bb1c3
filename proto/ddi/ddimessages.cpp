#include "proto/ddi/ddimessages.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>
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

std::optional<qint64> parsePollSleep(const QString &text)
{
    const qsizetype tilde = text.indexOf(u'~');
    if (tilde < 0)
        return parseSleep(text);
    const QStringView jitter = QStringView(text).mid(tilde + 1);
    bool ok = false;
    if (!jitter.endsWith(u'%') || jitter.chopped(1).toInt(&ok) < 0 || !ok)
        return std::nullopt;
    return parseSleep(text.left(tilde));
}

std::optional<qint64> parseSleep(const QString &text)
{
    const QStringView base(text);
    const QList<QStringView> parts = base.split(u':');
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

namespace {
// A string JSON writes as it is: printable ASCII without '"' or '\\'.
bool needsNoEscape(QStringView text)
{
    return std::all_of(text.begin(), text.end(),
                       [](QChar c) { return c.unicode() >= 0x20 && c.unicode() < 0x7f && c != u'"' && c != u'\\'; });
}
} // namespace

QByteArray ControllerBase::encode() const
{
    // Every poll's answer. When no string in it needs escaping (the usual case: a URL of printable ASCII), written
    // directly, byte for byte what QJsonDocument writes (compact, keys in order: "_links" sorts before "config", the
    // links in QMap's order), at a fifth of the instructions (callgrind, stop 49); otherwise through QJsonDocument.
    const QString sleep = formatSleep(sleepSeconds);
    const bool direct = needsNoEscape(sleep)
        && std::all_of(links.keyValueBegin(), links.keyValueEnd(),
                       [](const auto &kv) { return needsNoEscape(kv.first) && needsNoEscape(kv.second); });
    if (direct) {
        QByteArray out;
        out.reserve(64 + links.size() * 160);
        out += "{\"_links\":{";
        for (auto it = links.cbegin(); it != links.cend(); ++it) {
            if (it != links.cbegin())
                out += ',';
            out += '"' + it.key().toLatin1() + "\":{\"href\":\"" + it.value().toLatin1() + "\"}";
        }
        out += "},\"config\":{\"polling\":{\"sleep\":\"" + sleep.toLatin1() + "\"}}}";
        return out;
    }
    QJsonObject root { { "config"_L1, QJsonObject { { "polling"_L1, QJsonObject { { "sleep"_L1, sleep } } } } } };
    root.insert("_links"_L1, linksJson(links));
    return compact(root);
}

std::optional<ControllerBase> ControllerBase::decode(const QByteArray &json, DecodeError *error)
{
    const std::optional<QJsonObject> root = objectOf(json, error);
    if (!root)
        return std::nullopt;
    ControllerBase b;
    const auto sleep = parsePollSleep(
        root->value("config"_L1).toObject().value("polling"_L1).toObject().value("sleep"_L1).toString());
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
    if (maintenanceWindowStartMs && maintenanceWindowEndMs) {
        deployment.insert("maintenanceWindowStart"_L1, double(*maintenanceWindowStartMs));
        deployment.insert("maintenanceWindowEnd"_L1, double(*maintenanceWindowEndMs));
    }
    if (!distributionSetName.isEmpty())
        deployment.insert("distributionSet"_L1,
                          QJsonObject { { "name"_L1, distributionSetName }, { "version"_L1, distributionSetVersion } });
    if (forceTimeMs)
        deployment.insert("forceTime"_L1, double(*forceTimeMs));
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

namespace {

// A JSON number that is a whole number from 0 to max (at most 2^53, what a double holds exactly).
std::optional<qint64> wholeNumber(const QJsonValue &v, double max = 9007199254740992.0)
{
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (d < 0 || d > max || d != double(qint64(d)))
        return std::nullopt;
    return qint64(d);
}

// "id" as hawkBit writes it (a string) or as some servers do (a number).
bool idField(const QJsonObject &o, QLatin1StringView key, const QString &path, QString *out, DecodeError *error)
{
    const QJsonValue v = o.value(key);
    if (v.isString() && !v.toString().isEmpty())
        *out = v.toString();
    else if (const auto n = wholeNumber(v))
        *out = QString::number(*n);
    else
        return fail(error, u"'%1' is required (a string or a whole number)"_s.arg(path));
    return true;
}

bool optionalString(const QJsonObject &o, QLatin1StringView key, const QString &path, QString *out, DecodeError *error)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isString())
        return fail(error, u"'%1' must be a string"_s.arg(path));
    *out = v.toString();
    return true;
}

bool handlingField(const QJsonObject &o, QLatin1StringView key, const QString &path, Handling *out, DecodeError *error)
{
    const auto h = enumFrom<Handling>(handlingNames, o.value(key).toString());
    if (!h)
        return fail(error, u"'%1' is required, one of: %2"_s.arg(path, allowed(handlingNames)));
    *out = *h;
    return true;
}

bool hashField(const QJsonObject &hashes, QLatin1StringView key, int hexLength, const QString &path, QString *out,
               DecodeError *error)
{
    QString text;
    if (!optionalString(hashes, key, path, &text, error))
        return false;
    if (text.isEmpty())
        return true;
    static const auto isHex = [](QChar c) {
        return c.isDigit() || (c.toLower() >= u'a' && c.toLower() <= u'f');
    };
    if (text.size() != hexLength || !std::all_of(text.cbegin(), text.cend(), isHex))
        return fail(error, u"'%1' must be %2 hexadecimal digits"_s.arg(path).arg(hexLength));
    *out = text.toLower();
    return true;
}

std::optional<Artifact> artifactFrom(const QJsonValue &value, const QString &path, DecodeError *error)
{
    if (!value.isObject())
        return fail(error, u"'%1' must be an object"_s.arg(path)), std::nullopt;
    const QJsonObject o = value.toObject();
    Artifact a;
    if (!optionalString(o, "filename"_L1, path + u".filename"_s, &a.filename, error))
        return std::nullopt;
    if (!isPlainFileName(a.filename))
        return fail(error, u"'%1.filename' must be a plain file name, not \"%2\""_s.arg(path, a.filename)),
               std::nullopt;
    const std::optional<qint64> size = wholeNumber(o.value("size"_L1));
    if (!size)
        return fail(error, u"'%1.size' is required, a whole number of bytes"_s.arg(path)), std::nullopt;
    a.size = *size;
    const QJsonValue hashes = o.value("hashes"_L1);
    if (!hashes.isUndefined() && !hashes.isObject())
        return fail(error, u"'%1.hashes' must be an object"_s.arg(path)), std::nullopt;
    const QJsonObject h = hashes.toObject();
    if (!hashField(h, "sha1"_L1, 40, path + u".hashes.sha1"_s, &a.sha1, error)
        || !hashField(h, "md5"_L1, 32, path + u".hashes.md5"_s, &a.md5, error)
        || !hashField(h, "sha256"_L1, 64, path + u".hashes.sha256"_s, &a.sha256, error))
        return std::nullopt;
    const QJsonObject links = o.value("_links"_L1).toObject();
    const auto href = [&links](QLatin1StringView rel) {
        return links.value(rel).toObject().value("href"_L1).toString();
    };
    a.links = { href("download"_L1), href("download-http"_L1), href("md5sum"_L1), href("md5sum-http"_L1) };
    return a;
}

std::optional<Chunk> chunkFrom(const QJsonValue &value, const QString &path, DecodeError *error)
{
    if (!value.isObject())
        return fail(error, u"'%1' must be an object"_s.arg(path)), std::nullopt;
    const QJsonObject o = value.toObject();
    Chunk c;
    if (!optionalString(o, "part"_L1, path + u".part"_s, &c.part, error)
        || !optionalString(o, "version"_L1, path + u".version"_s, &c.version, error)
        || !optionalString(o, "name"_L1, path + u".name"_s, &c.name, error))
        return std::nullopt;
    if (c.part.isEmpty())
        return fail(error, u"'%1.part' is required"_s.arg(path)), std::nullopt;
    c.encrypted = o.value("encrypted"_L1).toBool(false);
    const QJsonValue artifacts = o.value("artifacts"_L1);
    if (!artifacts.isUndefined() && !artifacts.isArray())
        return fail(error, u"'%1.artifacts' must be an array"_s.arg(path)), std::nullopt;
    const QJsonArray list = artifacts.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const auto a = artifactFrom(list.at(i), u"%1.artifacts[%2]"_s.arg(path).arg(i), error);
        if (!a)
            return std::nullopt;
        c.artifacts.append(*a);
    }
    for (const QJsonValue &m : o.value("metadata"_L1).toArray()) {
        const QJsonObject entry = m.toObject();
        if (entry.value("key"_L1).isString())
            c.metadata.append({ entry.value("key"_L1).toString(), entry.value("value"_L1).toVariant().toString() });
    }
    return c;
}

} // namespace

bool isPlainFileName(const QString &name)
{
    return !name.isEmpty() && name != "."_L1 && name != ".."_L1 && !name.contains(u'/') && !name.contains(u'\\')
        && !name.contains(QChar(0)) && name.toUtf8().size() <= 255;
}

std::optional<Deployment> Deployment::decode(const QByteArray &json, DecodeError *error)
{
    const std::optional<QJsonObject> root = objectOf(json, error);
    if (!root)
        return std::nullopt;
    Deployment d;
    if (!idField(*root, "id"_L1, u"id"_s, &d.actionId, error))
        return std::nullopt;
    const bool confirmation = root->contains("confirmation"_L1) && !root->contains("deployment"_L1);
    const QString key = confirmation ? u"confirmation"_s : u"deployment"_s;
    const QJsonValue body = root->value(key);
    if (!body.isObject())
        return fail(error, u"'deployment' is required and must be an object"_s), std::nullopt;
    const QJsonObject o = body.toObject();
    if (!handlingField(o, "download"_L1, key + u".download"_s, &d.download, error)
        || !handlingField(o, "update"_L1, key + u".update"_s, &d.update, error))
        return std::nullopt;
    if (const QJsonValue w = o.value("maintenanceWindow"_L1); !w.isUndefined() && !w.isNull()) {
        if (w.toString() != "available"_L1 && w.toString() != "unavailable"_L1)
            return fail(error, u"'%1.maintenanceWindow' must be available or unavailable"_s.arg(key)), std::nullopt;
        d.maintenanceWindowAvailable = w.toString() == "available"_L1;
    }
    // Flotilla's extension; ignored unless both are sane epoch milliseconds.
    const auto windowStart = wholeNumber(o.value("maintenanceWindowStart"_L1));
    const auto windowEnd = wholeNumber(o.value("maintenanceWindowEnd"_L1));
    if (windowStart && windowEnd && *windowStart > 0 && *windowEnd >= *windowStart) {
        d.maintenanceWindowStartMs = windowStart;
        d.maintenanceWindowEndMs = windowEnd;
    }
    if (const QJsonObject ds = o.value("distributionSet"_L1).toObject(); !ds.isEmpty()) {
        d.distributionSetName = ds.value("name"_L1).toString().left(256);
        d.distributionSetVersion = ds.value("version"_L1).toString().left(256);
    }
    if (const auto forceTime = wholeNumber(o.value("forceTime"_L1)); forceTime && *forceTime > 0)
        d.forceTimeMs = forceTime;
    const QJsonValue chunks = o.value("chunks"_L1);
    if (!chunks.isArray())
        return fail(error, u"'%1.chunks' is required and must be an array"_s.arg(key)), std::nullopt;
    const QJsonArray list = chunks.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const auto c = chunkFrom(list.at(i), u"%1.chunks[%2]"_s.arg(key).arg(i), error);
        if (!c)
            return std::nullopt;
        d.chunks.append(*c);
    }
    if (const QJsonValue h = root->value("actionHistory"_L1); h.isObject()) {
        ActionHistory history;
        history.status = h.toObject().value("status"_L1).toString();
        for (const QJsonValue &m : h.toObject().value("messages"_L1).toArray())
            history.messages.append(m.toString());
        d.history = history;
    }
    return d;
}

std::optional<CancelAction> CancelAction::decode(const QByteArray &json, DecodeError *error)
{
    const std::optional<QJsonObject> root = objectOf(json, error);
    if (!root)
        return std::nullopt;
    CancelAction c;
    if (!idField(*root, "id"_L1, u"id"_s, &c.actionId, error))
        return std::nullopt;
    const QJsonValue cancel = root->value("cancelAction"_L1);
    if (!cancel.isObject())
        return fail(error, u"'cancelAction' is required and must be an object"_s), std::nullopt;
    if (!idField(cancel.toObject(), "stopId"_L1, u"cancelAction.stopId"_s, &c.stopId, error))
        return std::nullopt;
    return c;
}

std::optional<ConfirmationBase> ConfirmationBase::decode(const QByteArray &json, DecodeError *error)
{
    const std::optional<QJsonObject> root = objectOf(json, error);
    if (!root)
        return std::nullopt;
    ConfirmationBase c;
    const QJsonObject autoConfirm = root->value("autoConfirm"_L1).toObject();
    const QJsonValue active = autoConfirm.value("active"_L1);
    if (!active.isUndefined() && !active.isBool())
        return fail(error, u"'autoConfirm.active' must be true or false"_s), std::nullopt;
    c.autoConfirmActive = active.toBool(false);
    if (!optionalString(autoConfirm, "initiator"_L1, u"autoConfirm.initiator"_s, &c.initiator, error)
        || !optionalString(autoConfirm, "remark"_L1, u"autoConfirm.remark"_s, &c.remark, error))
        return std::nullopt;
    if (const QJsonValue at = autoConfirm.value("activatedAt"_L1); at.isDouble())
        c.activatedAtMs = qint64(at.toDouble());
    const QJsonObject links = root->value("_links"_L1).toObject();
    for (auto it = links.constBegin(); it != links.constEnd(); ++it)
        c.links.insert(it.key(), it.value().toObject().value("href"_L1).toString());
    return c;
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
