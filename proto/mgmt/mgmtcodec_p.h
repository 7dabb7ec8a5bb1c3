#pragma once

// Private to proto/mgmt: writing and reading the fields of the wire types (toJson(), fromJson()).
#include "proto/mgmt/mgmtmessages.h"

#include <QJsonArray>

#include <cmath>
#include <limits>

namespace Flotilla::Mgmt::Detail {

using namespace Qt::StringLiterals;

// --- encoding ------------------------------------------------------------------------------------------------

inline QJsonValue orNull(const std::optional<qint64> &v)
{
    return v ? QJsonValue(double(*v)) : QJsonValue();
}

inline void insertIf(QJsonObject &o, QLatin1StringView key, const std::optional<QString> &v)
{
    if (v)
        o.insert(key, *v);
}

inline QJsonObject linksJson(const Links &links)
{
    QJsonObject o;
    for (auto it = links.cbegin(); it != links.cend(); ++it)
        o.insert(it.key(), QJsonObject { { "href"_L1, it.value() } });
    return o;
}

inline void insertAudit(QJsonObject &o, const MgmtAudit &a)
{
    insertIf(o, "createdBy"_L1, a.createdBy);
    insertIf(o, "lastModifiedBy"_L1, a.lastModifiedBy);
    if (a.lastModifiedAt)
        o.insert("lastModifiedAt"_L1, double(*a.lastModifiedAt));
}

template<typename T> QJsonArray arrayOf(const QList<T> &items)
{
    QJsonArray a;
    for (const T &t : items)
        a.append(t.toJson());
    return a;
}

// --- decoding ------------------------------------------------------------------------------------------------

// A JSON number that is a whole number JSON carries exactly: |n| <= 2^53 (beyond it a double skips integers, and
// casting one out of qint64's range is undefined); nothing for anything else.
inline std::optional<qint64> wholeNumberOf(const QJsonValue &v)
{
    constexpr double Exact = 9007199254740992.0;
    const double d = v.toDouble();
    if (!v.isDouble() || !(d >= -Exact && d <= Exact) || d != std::trunc(d))
        return std::nullopt;
    return qint64(d);
}

// Reads the fields of one object; the first field of the wrong type is the error. Absent and null fields leave
// their defaults (a nullable field reads null as nullopt).
class Reader
{
public:
    Reader(const QJsonObject &o, QString path, DecodeError *error)
        : m_o(o)
        , m_path(std::move(path))
        , m_error(error)
    { }

    bool ok() const { return m_ok; }
    const QJsonObject &object() const { return m_o; }
    QString pathOf(QLatin1StringView key) const { return m_path.isEmpty() ? QString(key) : m_path + u'.' + key; }

    bool fail(QLatin1StringView key, const char *what)
    {
        if (m_ok && m_error)
            m_error->message = u"%1 must be %2"_s.arg(pathOf(key), QLatin1StringView(what));
        m_ok = false;
        return false;
    }
    // Fails with a message of its own (a nested list's "modules[1] must be ...").
    bool failWith(const QString &message)
    {
        if (m_ok && m_error)
            m_error->message = message;
        m_ok = false;
        return false;
    }
    // The value, or nothing when it is absent or null.
    std::optional<QJsonValue> value(QLatin1StringView key) const
    {
        const QJsonValue v = m_o.value(key);
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        return v;
    }

    void read(QLatin1StringView key, QString *out)
    {
        if (const auto v = value(key)) {
            if (!v->isString())
                fail(key, "a string");
            else
                *out = v->toString();
        }
    }
    void read(QLatin1StringView key, std::optional<QString> *out)
    {
        QString s;
        if (value(key)) {
            read(key, &s);
            *out = s;
        } else {
            out->reset();
        }
    }
    void read(QLatin1StringView key, bool *out)
    {
        if (const auto v = value(key)) {
            if (!v->isBool())
                fail(key, "true or false");
            else
                *out = v->toBool();
        }
    }
    void read(QLatin1StringView key, std::optional<bool> *out)
    {
        bool b = false;
        if (value(key)) {
            read(key, &b);
            *out = b;
        } else {
            out->reset();
        }
    }
    void read(QLatin1StringView key, qint64 *out)
    {
        if (const auto v = value(key)) {
            if (const std::optional<qint64> n = wholeNumberOf(*v))
                *out = *n;
            else
                fail(key, "a whole number");
        }
    }
    void read(QLatin1StringView key, std::optional<qint64> *out)
    {
        qint64 n = 0;
        if (value(key)) {
            read(key, &n);
            *out = n;
        } else {
            out->reset();
        }
    }
    void read(QLatin1StringView key, int *out)
    {
        qint64 n = *out;
        read(key, &n);
        if (n < std::numeric_limits<int>::min() || n > std::numeric_limits<int>::max())
            fail(key, "a whole number of 32 bits");
        else
            *out = int(n);
    }
    void read(QLatin1StringView key, std::optional<int> *out)
    {
        int n = 0;
        if (value(key)) {
            read(key, &n);
            *out = n;
        } else {
            out->reset();
        }
    }
    void read(QLatin1StringView key, double *out)
    {
        if (const auto v = value(key)) {
            if (!v->isDouble())
                fail(key, "a number");
            else
                *out = v->toDouble();
        }
    }
    void read(QLatin1StringView key, QStringList *out)
    {
        if (const auto v = value(key)) {
            if (!v->isArray())
                return void(fail(key, "an array of strings"));
            out->clear();
            for (const QJsonValue &e : v->toArray()) {
                if (!e.isString())
                    return void(fail(key, "an array of strings"));
                out->append(e.toString());
            }
        }
    }
    void read(QLatin1StringView key, Links *out)
    {
        if (const auto v = value(key)) {
            if (!v->isObject())
                return void(fail(key, "an object of links"));
            out->clear();
            const QJsonObject links = v->toObject();
            for (auto it = links.begin(); it != links.end(); ++it) {
                const QJsonValue href = it.value().toObject().value("href"_L1);
                if (!href.isString())
                    return void(fail(key, "an object of links {rel: {href}}"));
                out->insert(it.key(), href.toString());
            }
        }
    }
    template<typename T> void read(QLatin1StringView key, T *out)
    {
        if (const auto v = value(key)) {
            if (!v->isObject())
                return void(fail(key, "an object"));
            if (std::optional<T> t = decodeAt<T>(key, v->toObject()))
                *out = std::move(*t);
        }
    }
    template<typename T> void read(QLatin1StringView key, std::optional<T> *out)
    {
        if (value(key)) {
            T t {};
            read(key, &t);
            *out = std::move(t);
        } else {
            out->reset();
        }
    }
    template<typename T> void read(QLatin1StringView key, QList<T> *out)
    {
        if (const auto v = value(key)) {
            if (!v->isArray())
                return void(fail(key, "an array"));
            out->clear();
            const QJsonArray a = v->toArray();
            for (qsizetype i = 0; i < a.size(); ++i) {
                if (!a.at(i).isObject())
                    return void(fail(key, "an array of objects"));
                std::optional<T> t = decodeAt<T>(QLatin1StringView(), a.at(i).toObject(), i, key);
                if (!t)
                    return;
                out->append(std::move(*t));
            }
        }
    }
    void readAudit(MgmtAudit *a)
    {
        read("createdBy"_L1, &a->createdBy);
        read("lastModifiedBy"_L1, &a->lastModifiedBy);
        read("lastModifiedAt"_L1, &a->lastModifiedAt);
    }

private:
    template<typename T>
    std::optional<T> decodeAt(QLatin1StringView key, const QJsonObject &o, qsizetype index = -1,
                              QLatin1StringView listKey = {})
    {
        DecodeError inner;
        std::optional<T> t = T::fromJson(o, &inner);
        if (!t) {
            const QString where = index >= 0 ? u"%1[%2]"_s.arg(pathOf(listKey)).arg(index) : pathOf(key);
            if (m_ok && m_error)
                m_error->message = where + u'.' + inner.message;
            m_ok = false;
        }
        return t;
    }

    QJsonObject m_o;
    QString m_path;
    DecodeError *m_error;
    bool m_ok = true;
};

template<typename T> std::optional<T> done(Reader &r, T &&value)
{
    if (!r.ok())
        return std::nullopt;
    return std::forward<T>(value);
}

} // namespace Flotilla::Mgmt::Detail
