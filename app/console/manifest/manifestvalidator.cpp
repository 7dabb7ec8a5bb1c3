#include "app/console/manifest/manifestvalidator.h"
#include "engine/maintenanceschedule.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Flotilla {

namespace {

// Where to underline a key's problem: the key's first occurrence as "key" at or after `from` (else `from`).
ManifestProblem at(const QString &text, const QString &key, int from, const QString &message)
{
    const QString quoted = u'"' + key + u'"';
    const qsizetype i = key.isEmpty() ? -1 : text.indexOf(quoted, from);
    if (i < 0)
        return { from, 1, message };
    return { int(i), int(quoted.size()), message };
}

class Checker
{
    Q_DECLARE_TR_FUNCTIONS(Flotilla::ManifestValidator)
public:
    explicit Checker(const QString &text)
        : m_text(text)
    { }

    void requireString(const QJsonObject &o, const QString &key, int from)
    {
        if (!o.contains(key))
            missing(key, from);
        else if (!o.value(key).isString() || o.value(key).toString().trimmed().isEmpty())
            problems << at(m_text, key, from, tr("\"%1\" must be a non-empty text").arg(key));
    }
    void optionalString(const QJsonObject &o, const QString &key, int from)
    {
        if (o.contains(key) && !o.value(key).isString())
            problems << at(m_text, key, from, tr("\"%1\" must be a text").arg(key));
    }
    bool requireInteger(const QJsonObject &o, const QString &key, int from, qint64 min, qint64 max, bool required)
    {
        if (!o.contains(key)) {
            if (required)
                missing(key, from);
            return false;
        }
        const QJsonValue v = o.value(key);
        if (!v.isDouble() || v.toDouble() != double(v.toInteger()) || v.toInteger() < min || v.toInteger() > max) {
            problems << at(m_text, key, from,
                           tr("\"%1\" must be a whole number from %2 to %3").arg(key).arg(min).arg(max));
            return false;
        }
        return true;
    }
    void optionalBool(const QJsonObject &o, const QString &key, int from)
    {
        if (o.contains(key) && !o.value(key).isBool())
            problems << at(m_text, key, from, tr("\"%1\" must be true or false").arg(key));
    }
    void optionalEnum(const QJsonObject &o, const QString &key, int from, const QStringList &allowed)
    {
        if (o.contains(key) && !allowed.contains(o.value(key).toString()))
            problems << at(m_text, key, from, tr("\"%1\" must be one of %2").arg(key, allowed.join(u", "_s)));
    }
    void unknownKeys(const QJsonObject &o, int from, const QStringList &known)
    {
        for (const QString &key : o.keys())
            if (!known.contains(key))
                problems << at(m_text, key, from, tr("unknown key \"%1\" (known: %2)").arg(key, known.join(u", "_s)));
    }
    void missing(const QString &key, int from)
    {
        problems << ManifestProblem { from, 1, tr("\"%1\" is missing").arg(key) };
    }
    void maintenanceWindow(const QJsonObject &o, int from)
    {
        if (!o.contains("maintenanceWindow"_L1))
            return;
        const QJsonObject w = o.value("maintenanceWindow"_L1).toObject();
        ScheduleError error;
        if (!MaintenanceSchedule::create(w.value("schedule"_L1).toString(), w.value("duration"_L1).toString(),
                                         w.value("timezone"_L1).toString(), &error))
            problems << at(m_text, error.field, from, tr("maintenanceWindow: %1").arg(error.message));
    }
    // The offset of the nth top-level element's opening brace inside an array (approximate: nth '{' after from).
    int elementOffset(int from, int n) const
    {
        int i = from;
        for (int k = 0; k <= n; ++k) {
            const qsizetype next = m_text.indexOf(u'{', i + (k ? 1 : 0));
            if (next < 0)
                return from;
            i = int(next);
        }
        return i;
    }

    QList<ManifestProblem> problems;

private:
    const QString &m_text;
};

const QStringList actionTypes { u"forced"_s, u"soft"_s, u"downloadonly"_s, u"timeforced"_s };

void checkSet(Checker &c, const QJsonObject &o, int from)
{
    c.unknownKeys(o, from,
                  { u"name"_s, u"version"_s, u"type"_s, u"description"_s, u"modules"_s, u"requiredMigrationStep"_s });
    c.requireString(o, u"name"_s, from);
    c.requireString(o, u"version"_s, from);
    c.requireString(o, u"type"_s, from);
    c.optionalString(o, u"description"_s, from);
    c.optionalBool(o, u"requiredMigrationStep"_s, from);
    if (o.contains("modules"_L1)) {
        if (!o.value("modules"_L1).isArray()) {
            c.problems << ManifestProblem { from, 1,
                                            ManifestValidator::tr("\"modules\" must be a list of {\"id\": number}") };
            return;
        }
        for (const QJsonValue &m : o.value("modules"_L1).toArray())
            if (!m.toObject().value("id"_L1).isDouble())
                c.problems << ManifestProblem { from, 1,
                                                ManifestValidator::tr("each module must be {\"id\": number}") };
    }
}

void checkAssignmentTarget(Checker &c, const QJsonObject &o, int from)
{
    c.unknownKeys(
        o, from,
        { u"id"_s, u"type"_s, u"forcetime"_s, u"weight"_s, u"confirmationRequired"_s, u"maintenanceWindow"_s });
    c.requireString(o, u"id"_s, from);
    c.optionalEnum(o, u"type"_s, from, actionTypes);
    c.requireInteger(o, u"weight"_s, from, 0, 1000, false);
    c.optionalBool(o, u"confirmationRequired"_s, from);
    if (o.value("type"_L1).toString() == u"timeforced"_s && !o.value("forcetime"_L1).isDouble())
        c.missing(u"forcetime"_s, from);
    c.maintenanceWindow(o, from);
}

void checkRollout(Checker &c, const QJsonObject &o, int from)
{
    c.unknownKeys(o, from,
                  { u"name"_s, u"description"_s, u"distributionSetId"_s, u"targetFilterQuery"_s, u"amountGroups"_s,
                    u"groups"_s, u"successCondition"_s, u"successAction"_s, u"errorCondition"_s, u"errorAction"_s,
                    u"type"_s, u"forcetime"_s, u"startAt"_s, u"weight"_s, u"confirmationRequired"_s,
                    u"approvalRequired"_s, u"dynamic"_s });
    c.requireString(o, u"name"_s, from);
    c.requireInteger(o, u"distributionSetId"_s, from, 1, std::numeric_limits<qint32>::max(), true);
    c.requireString(o, u"targetFilterQuery"_s, from);
    c.optionalEnum(o, u"type"_s, from, actionTypes);
    c.requireInteger(o, u"weight"_s, from, 0, 1000, false);
    c.optionalBool(o, u"confirmationRequired"_s, from);
    c.optionalBool(o, u"approvalRequired"_s, from);
    const bool hasGroups = o.contains("groups"_L1);
    if (!hasGroups && !o.contains("amountGroups"_L1))
        c.missing(u"amountGroups"_s, from);
    c.requireInteger(o, u"amountGroups"_s, from, 1, 500, false);
    if (hasGroups) {
        const QJsonArray groups = o.value("groups"_L1).toArray();
        if (groups.isEmpty())
            c.problems << ManifestProblem { from, 1, ManifestValidator::tr("\"groups\" must list at least one group") };
        for (const QJsonValue &g : groups) {
            const double pct = g.toObject().value("targetPercentage"_L1).toDouble(-1);
            if (pct <= 0 || pct > 100)
                c.problems << ManifestProblem {
                    from, 1, ManifestValidator::tr("each group needs \"targetPercentage\" above 0 and up to 100")
                };
        }
    }
    for (const QString &key : { u"successCondition"_s, u"errorCondition"_s }) {
        if (!o.contains(key))
            continue;
        bool ok = false;
        const int pct = o.value(key).toObject().value("expression"_L1).toString().toInt(&ok);
        if (!ok || pct < 0 || pct > 100)
            c.problems << ManifestProblem {
                from, 1, ManifestValidator::tr("\"%1\".expression must be a percentage \"0\"..\"100\"").arg(key)
            };
    }
}

} // namespace

QList<ManifestProblem> ManifestValidator::validate(Kind kind, const QString &text)
{
    QJsonParseError error;
    const QByteArray utf8 = text.toUtf8();
    const QJsonDocument doc = QJsonDocument::fromJson(utf8, &error);
    if (error.error != QJsonParseError::NoError) {
        // The parser's offset is in UTF-8 bytes; the editor counts characters.
        const int offset = int(QString::fromUtf8(utf8.left(error.offset)).size());
        return { { std::max(0, std::min(offset, int(text.size()) - 1)), 1,
                   tr("Not valid JSON: %1").arg(error.errorString()) } };
    }
    Checker c(text);
    const int start = std::max(0, int(text.indexOf(u'{')));
    switch (kind) {
    case Kind::DistributionSet:
        if (doc.isObject()) {
            checkSet(c, doc.object(), start);
        } else if (doc.isArray()) {
            const QJsonArray sets = doc.array();
            for (qsizetype i = 0; i < sets.size(); ++i)
                checkSet(c, sets.at(i).toObject(), c.elementOffset(0, int(i)));
        } else {
            return { { 0, 1, tr("A distribution set is a JSON object (or a list of them)") } };
        }
        break;
    case Kind::Assignment: {
        if (!doc.isObject())
            return { { 0, 1, tr("An assignment is a JSON object {\"distributionSetId\", \"targets\"}") } };
        const QJsonObject o = doc.object();
        c.unknownKeys(o, start, { u"distributionSetId"_s, u"targets"_s });
        c.requireInteger(o, u"distributionSetId"_s, start, 1, std::numeric_limits<qint32>::max(), true);
        const QJsonArray targets = o.value("targets"_L1).toArray();
        if (targets.isEmpty()) {
            c.problems << at(text, u"targets"_s, start, tr("\"targets\" must list at least one {\"id\": …}"));
        } else {
            const int list = int(std::max<qsizetype>(start, text.indexOf(u"\"targets\""_s)));
            for (qsizetype i = 0; i < targets.size(); ++i)
                checkAssignmentTarget(c, targets.at(i).toObject(), c.elementOffset(list, int(i)));
        }
        break;
    }
    case Kind::Rollout:
        if (!doc.isObject())
            return { { 0, 1, tr("A rollout is a JSON object") } };
        checkRollout(c, doc.object(), start);
        break;
    }
    return c.problems;
}

QString ManifestValidator::templateFor(Kind kind)
{
    switch (kind) {
    case Kind::DistributionSet:
        return uR"({
  "name": "camera-firmware",
  "version": "2.1.0",
  "type": "os",
  "description": "Night-vision fix",
  "modules": [ { "id": 1 } ],
  "requiredMigrationStep": false
}
)"_s;
    case Kind::Assignment:
        return uR"({
  "distributionSetId": 1,
  "targets": [
    { "id": "cam-001", "type": "forced", "weight": 500, "confirmationRequired": false },
    { "id": "cam-002", "type": "soft",
      "maintenanceWindow": { "schedule": "0 0 2 ? * SAT", "duration": "02:00:00", "timezone": "Europe/Berlin" } }
  ]
}
)"_s;
    case Kind::Rollout:
        return uR"({
  "name": "cameras-2.1",
  "distributionSetId": 1,
  "targetFilterQuery": "controllerId==cam-*",
  "amountGroups": 5,
  "successCondition": { "condition": "THRESHOLD", "expression": "90" },
  "errorCondition": { "condition": "THRESHOLD", "expression": "20" },
  "type": "forced",
  "weight": 500,
  "confirmationRequired": false,
  "approvalRequired": false
}
)"_s;
    }
    return {};
}

QString ManifestValidator::nameOf(Kind kind)
{
    switch (kind) {
    case Kind::DistributionSet:
        return tr("Distribution set");
    case Kind::Assignment:
        return tr("Assignment");
    case Kind::Rollout:
        return tr("Rollout");
    }
    return {};
}

} // namespace Flotilla
