#pragma once
// What the Management wire types' tests share (tst_mgmtmessages, tst_mgmtrequests): a value through text as the
// wire carries it, and the names a type's fields() documents.
#include "proto/mgmt/mgmtmessages.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

// Through text, as the wire carries it.
inline QJsonObject throughText(const QJsonObject &o)
{
    return QJsonDocument::fromJson(QJsonDocument(o).toJson(QJsonDocument::Compact)).object();
}

inline QSet<QString> namesOf(const QList<Flotilla::Mgmt::FieldSpec> &fields)
{
    QSet<QString> names;
    for (const Flotilla::Mgmt::FieldSpec &f : fields)
        names.insert(QString::fromLatin1(f.name));
    return names;
}

// The value survives encode -> text -> decode, and encoding what was decoded gives the same JSON.
template<typename T> void checkRoundTrip(const T &value)
{
    Flotilla::Mgmt::DecodeError error;
    const std::optional<T> back = T::fromJson(throughText(value.toJson()), &error);
    QVERIFY2(back, qPrintable(error.message));
    QVERIFY(*back == value);
    QCOMPARE(back->toJson(), value.toJson());
}
