#include "sim/fleetdescription.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>

#include <algorithm>
#include <cmath>
#include <numeric>

using namespace Qt::StringLiterals;

namespace Flotilla::Sim {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Flotilla::Sim::FleetDescription", text);
}

// Reads one profile; the first problem goes to *error as "profiles[i] (name): key: what".
class ProfileReader
{
public:
    ProfileReader(const QJsonObject &o, QString where)
        : m_o(o)
        , m_where(std::move(where))
    { }

    bool number(QLatin1StringView key, double min, double max, double *out)
    {
        const QJsonValue v = m_o.value(key);
        if (v.isUndefined())
            return true;
        if (!v.isDouble() || v.toDouble() < min || v.toDouble() > max)
            return fail(key, tr("must be a number from %1 to %2").arg(min).arg(max));
        *out = v.toDouble();
        return true;
    }
    template<typename Int> bool integer(QLatin1StringView key, double min, double max, Int *out)
    {
        double d = double(*out);
        if (!number(key, min, max, &d))
            return false;
        if (d != std::floor(d))
            return fail(key, tr("must be a whole number"));
        *out = Int(d);
        return true;
    }
    bool fail(QLatin1StringView key, const QString &what)
    {
        if (m_error.isEmpty())
            m_error = u"%1: %2: %3"_s.arg(m_where, key, what);
        return false;
    }
    QString error() const { return m_error; }

private:
    QJsonObject m_o;
    QString m_where;
    QString m_error;
};

const QStringList profileKeys = {
    u"name"_s,          u"share"_s,   u"pollSeconds"_s, u"pollJitter"_s, u"bandwidthKiBps"_s, u"installSeconds"_s,
    u"rebootSeconds"_s, u"failure"_s, u"consent"_s,     u"offline"_s,    u"attributes"_s,     u"maintenanceWindow"_s
};

std::optional<DeviceProfile> readProfile(const QJsonObject &o, int index, QString *error)
{
    DeviceProfile p;
    p.name = o.value("name"_L1).toString();
    const QString where = u"profiles[%1]%2"_s.arg(index).arg(p.name.isEmpty() ? QString() : u" (%1)"_s.arg(p.name));
    ProfileReader r(o, where);
    if (p.name.isEmpty() || !o.value("name"_L1).isString())
        r.fail("name"_L1, tr("every profile needs a name"));
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!profileKeys.contains(it.key()))
            r.fail(QLatin1StringView(it.key().toLatin1()), tr("unknown key (known: %1)").arg(profileKeys.join(u", ")));
    }
    double bandwidthKiB = 0;
    r.number("share"_L1, 0, 1e9, &p.share);
    if (p.share <= 0)
        r.fail("share"_L1, tr("must be more than 0"));
    r.integer("pollSeconds"_L1, 0, 86400 * 7, &p.pollSeconds);
    r.number("pollJitter"_L1, 0, 0.9, &p.pollJitter);
    r.number("bandwidthKiBps"_L1, 0, 1e9, &bandwidthKiB);
    p.bandwidthBytesPerSecond = qint64(bandwidthKiB * 1024);
    r.number("installSeconds"_L1, 0, 86400, &p.installSeconds);
    r.number("rebootSeconds"_L1, 0, 86400, &p.rebootSeconds);
    const QJsonValue failure = o.value("failure"_L1);
    if (!failure.isUndefined()) {
        if (!failure.isObject()) {
            r.fail("failure"_L1, tr("must be an object: {\"download\": p, \"install\": p, \"apply\": p}"));
        } else {
            const QJsonObject f = failure.toObject();
            ProfileReader fr(f, where + u": failure"_s);
            for (auto it = f.begin(); it != f.end(); ++it) {
                if (it.key() != "download"_L1 && it.key() != "install"_L1 && it.key() != "apply"_L1)
                    fr.fail(QLatin1StringView(it.key().toLatin1()),
                            tr("unknown step (known: download, install, apply)"));
            }
            fr.number("download"_L1, 0, 1, &p.downloadFailure);
            fr.number("install"_L1, 0, 1, &p.installFailure);
            fr.number("apply"_L1, 0, 1, &p.applyFailure);
            if (!fr.error().isEmpty()) {
                *error = fr.error();
                return std::nullopt;
            }
        }
    }
    const QJsonValue consent = o.value("consent"_L1);
    if (!consent.isUndefined()) {
        const QJsonObject c = consent.toObject();
        const QString answer = c.value("answer"_L1).toString();
        if (!consent.isObject() || (answer != "confirm"_L1 && answer != "deny"_L1 && answer != "never"_L1)) {
            r.fail("consent"_L1, tr("must be {\"answer\": \"confirm\" | \"deny\" | \"never\", \"afterSeconds\": s}"));
        } else {
            p.consent = answer == "confirm"_L1 ? DeviceProfile::ConsentAnswer::Confirm
                : answer == "deny"_L1          ? DeviceProfile::ConsentAnswer::Deny
                                               : DeviceProfile::ConsentAnswer::Never;
            ProfileReader cr(c, where + u": consent"_s);
            cr.number("afterSeconds"_L1, 0, 86400 * 7, &p.consentDelaySeconds);
            if (!cr.error().isEmpty()) {
                *error = cr.error();
                return std::nullopt;
            }
        }
    }
    const QJsonValue window = o.value("maintenanceWindow"_L1);
    if (!window.isUndefined()) {
        if (window != "respect"_L1 && window != "ignore"_L1)
            r.fail("maintenanceWindow"_L1, tr("must be \"respect\" or \"ignore\""));
        p.ignoresMaintenanceWindow = window == "ignore"_L1;
    }
    const QJsonValue offline = o.value("offline"_L1);
    if (!offline.isUndefined()) {
        ProfileReader orr(offline.toObject(), where + u": offline"_s);
        orr.integer("everySeconds"_L1, 1, 86400 * 30, &p.offlineEverySeconds);
        orr.integer("forSeconds"_L1, 0, 86400 * 30, &p.offlineForSeconds);
        if (!offline.isObject() || p.offlineEverySeconds <= 0 || p.offlineForSeconds >= p.offlineEverySeconds)
            r.fail("offline"_L1, tr("must be {\"everySeconds\": s, \"forSeconds\": s} with forSeconds < everySeconds"));
        if (!orr.error().isEmpty()) {
            *error = orr.error();
            return std::nullopt;
        }
    }
    const QJsonValue attributes = o.value("attributes"_L1);
    if (!attributes.isUndefined()) {
        if (!attributes.isObject())
            r.fail("attributes"_L1, tr("must be an object of strings"));
        const QJsonObject a = attributes.toObject();
        for (auto it = a.begin(); it != a.end(); ++it) {
            if (!it.value().isString() || it.key().isEmpty() || it.key().size() > 128)
                r.fail("attributes"_L1,
                       tr("\"%1\" must be a string under a name of 1 to 128 characters").arg(it.key()));
            p.attributes.insert(it.key(), it.value().toString());
        }
    }
    if (!r.error().isEmpty()) {
        *error = r.error();
        return std::nullopt;
    }
    return p;
}

} // namespace

QMap<QString, QString> DeviceProfile::attributesOf(int number, const QString &controllerId) const
{
    QMap<QString, QString> out;
    for (auto it = attributes.cbegin(); it != attributes.cend(); ++it) {
        QString value = it.value();
        value.replace(u"{n}"_s, QString::number(number));
        value.replace(u"{id}"_s, controllerId);
        out.insert(it.key(), value);
    }
    return out;
}

std::optional<FleetDescription> FleetDescription::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parse);
    if (parse.error != QJsonParseError::NoError) {
        *error = tr("not JSON: %1 at offset %2").arg(parse.errorString()).arg(parse.offset);
        return std::nullopt;
    }
    const QJsonArray profiles = doc.object().value("profiles"_L1).toArray();
    if (!doc.isObject() || profiles.isEmpty()) {
        *error = tr("a fleet description is an object with a non-empty \"profiles\" array");
        return std::nullopt;
    }
    FleetDescription fleet;
    fleet.profiles.clear();
    QStringList names;
    for (qsizetype i = 0; i < profiles.size(); ++i) {
        if (!profiles.at(i).isObject()) {
            *error = tr("profiles[%1]: must be an object").arg(i);
            return std::nullopt;
        }
        std::optional<DeviceProfile> p = readProfile(profiles.at(i).toObject(), int(i), error);
        if (!p)
            return std::nullopt;
        if (names.contains(p->name)) {
            *error = tr("profiles[%1]: the name \"%2\" is used twice").arg(i).arg(p->name);
            return std::nullopt;
        }
        names << p->name;
        fleet.profiles << *p;
    }
    return fleet;
}

std::optional<FleetDescription> FleetDescription::fromIni(const QString &path, QString *error)
{
    QSettings ini(path, QSettings::IniFormat);
    if (ini.status() != QSettings::NoError) {
        *error = tr("not an INI file (QSettings cannot read it)");
        return std::nullopt;
    }
    QStringList sections = ini.childGroups();
    sections.removeAll(u"fleet"_s);
    QStringList order;
    for (const QString &name : ini.value(u"fleet/profiles"_s).toStringList()) {
        if (!name.trimmed().isEmpty())
            order << name.trimmed();
    }
    if (!order.isEmpty()) {
        for (const QString &name : std::as_const(order)) {
            if (!sections.contains(name)) {
                *error = tr("[fleet] profiles names \"%1\", which has no section").arg(name);
                return std::nullopt;
            }
        }
        for (const QString &name : std::as_const(sections)) {
            if (!order.contains(name)) {
                *error = tr("the section [%1] is not in [fleet] profiles").arg(name);
                return std::nullopt;
            }
        }
        sections = order;
    }
    if (sections.isEmpty()) {
        *error = tr("an INI fleet description has one [section] per profile");
        return std::nullopt;
    }
    // The same document as JSON, so one reader checks both: text stays text where the profile wants text
    // (name, the consent answer, maintenanceWindow, attributes); everything else must read as a number.
    const QStringList textKeys = { u"consent.answer"_s, u"maintenanceWindow"_s };
    QJsonArray profiles;
    for (const QString &section : std::as_const(sections)) {
        QJsonObject profile { { u"name"_s, section } };
        ini.beginGroup(section);
        for (const QString &key : ini.childKeys()) {
            const QVariant raw = ini.value(key);
            // QSettings splits a value at its commas; an attribute may contain them.
            const QString text
                = raw.typeId() == QMetaType::QStringList ? raw.toStringList().join(u", "_s) : raw.toString();
            const qsizetype dot = key.indexOf(u'.');
            const bool isText = textKeys.contains(key) || key.startsWith("attributes."_L1);
            bool isNumber = false;
            const double number = text.toDouble(&isNumber);
            const QJsonValue value = isText || !isNumber ? QJsonValue(text) : QJsonValue(number);
            if (dot < 0) {
                profile.insert(key, value);
                continue;
            }
            const QString outer = key.left(dot);
            QJsonObject nested = profile.value(outer).toObject();
            nested.insert(key.mid(dot + 1), value);
            profile.insert(outer, nested);
        }
        ini.endGroup();
        profiles.append(profile);
    }
    return fromJson(QJsonDocument(QJsonObject { { u"profiles"_s, profiles } }).toJson(), error);
}

std::optional<FleetDescription> FleetDescription::load(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = tr("%1 cannot be read: %2").arg(path, f.errorString());
        return std::nullopt;
    }
    const bool ini = path.endsWith(".ini"_L1, Qt::CaseInsensitive) || path.endsWith(".conf"_L1, Qt::CaseInsensitive);
    std::optional<FleetDescription> fleet = ini ? fromIni(path, error) : fromJson(f.readAll(), error);
    if (!fleet)
        *error = path + u": "_s + *error;
    return fleet;
}

QList<int> FleetDescription::assign(int count) const
{
    // Largest remainder: whole devices per profile, summing to count.
    const double total = std::accumulate(profiles.cbegin(), profiles.cend(), 0.0,
                                         [](double sum, const DeviceProfile &p) { return sum + p.share; });
    QList<int> whole(profiles.size());
    QList<std::pair<double, int>> remainders;
    int given = 0;
    for (qsizetype i = 0; i < profiles.size(); ++i) {
        const double exact = count * profiles.at(i).share / total;
        whole[i] = int(std::floor(exact));
        given += whole[i];
        remainders.append({ exact - whole[i], int(i) });
    }
    std::stable_sort(remainders.begin(), remainders.end(),
                     [](const auto &a, const auto &b) { return a.first > b.first; });
    for (int k = 0; given < count; ++k, ++given)
        ++whole[remainders.at(k % remainders.size()).second];
    QList<int> out;
    out.reserve(count);
    for (qsizetype i = 0; i < profiles.size(); ++i)
        out.insert(out.size(), whole.at(i), int(i));
    return out;
}

} // namespace Flotilla::Sim
