// A base poll's answer as bytes (backend/pollanswerencoder.h): the body is the DDI codec's, the ETag the quoted first
// 20 hex digits of its SHA-1, with or without links; an answer with no link is encoded once per sleep and shared
// (links name the controller, so those never are); and what it remembers stays bounded however the sleep moves.
#include "backend/pollanswerencoder.h"

#include <QCryptographicHash>
#include <QTest>

using namespace Flotilla;
using namespace Qt::StringLiterals;

using Links = QMap<QString, QString>;

class TestPollAnswerEncoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bytesAreTheCodecsAndTheETagTheirHash_data();
    void bytesAreTheCodecsAndTheETagTheirHash();
    void aLinklessAnswerIsEncodedOncePerSleep();
    void answersWithLinksAreNeverShared();
    void rememberedStaysBounded();
};

namespace {
Ddi::ControllerBase answer(qint64 sleep, const Links &links = {})
{
    Ddi::ControllerBase b;
    b.sleepSeconds = sleep;
    b.links = links;
    return b;
}

QByteArray etagOf(const QByteArray &body)
{
    return '"' + QCryptographicHash::hash(body, QCryptographicHash::Sha1).toHex().left(20) + '"';
}
} // namespace

void TestPollAnswerEncoder::bytesAreTheCodecsAndTheETagTheirHash_data()
{
    QTest::addColumn<QList<Ddi::ControllerBase>>("answers"); // in turn, through one encoder
    const QString c = u"http://h/DEFAULT/controller/v1/dev-1"_s;
    QTest::newRow("nothing to do") << QList<Ddi::ControllerBase> { answer(300) };
    QTest::newRow("a deployment") << QList<Ddi::ControllerBase> { answer(
        300, { { u"deploymentBase"_s, c + u"/deploymentBase/7?c=-2129030598"_s } }) };
    QTest::newRow("several links") << QList<Ddi::ControllerBase> { answer(
        60,
        { { u"cancelAction"_s, c + u"/cancelAction/8"_s },
          { u"installedBase"_s, c + u"/installedBase/3"_s },
          { u"configData"_s, c + u"/configData"_s } }) };
    QTest::newRow("linkless after linked, same sleep")
        << QList<Ddi::ControllerBase> { answer(300, { { u"configData"_s, c + u"/configData"_s } }), answer(300),
                                        answer(300, { { u"configData"_s, c + u"/configData"_s } }), answer(300) };
    QTest::newRow("sleeps that change") << QList<Ddi::ControllerBase> { answer(300), answer(299), answer(0),
                                                                        answer(86400), answer(300) };
}

void TestPollAnswerEncoder::bytesAreTheCodecsAndTheETagTheirHash()
{
    QFETCH(QList<Ddi::ControllerBase>, answers);
    PollAnswerEncoder encoder;
    for (const Ddi::ControllerBase &a : answers) {
        const PollAnswerEncoder::Encoded e = encoder.encode(a);
        QCOMPARE(e.body, a.encode());
        QCOMPARE(e.etag, etagOf(a.encode()));
    }
}

void TestPollAnswerEncoder::aLinklessAnswerIsEncodedOncePerSleep()
{
    PollAnswerEncoder encoder;
    const PollAnswerEncoder::Encoded first = encoder.encode(answer(300));
    const PollAnswerEncoder::Encoded again = encoder.encode(answer(300));
    QCOMPARE(again.body, first.body);
    QCOMPARE(again.body.constData(), first.body.constData()); // the same bytes, not encoded anew
    QCOMPARE(again.etag.constData(), first.etag.constData());
    const PollAnswerEncoder::Encoded other = encoder.encode(answer(299));
    QVERIFY(other.body != first.body);
    QVERIFY(other.etag != first.etag);
    QCOMPARE(encoder.remembered(), 2);
}

void TestPollAnswerEncoder::answersWithLinksAreNeverShared()
{
    PollAnswerEncoder encoder;
    const Links links { { u"configData"_s, u"http://h/DEFAULT/controller/v1/dev-1/configData"_s } };
    const PollAnswerEncoder::Encoded first = encoder.encode(answer(300, links));
    const PollAnswerEncoder::Encoded again = encoder.encode(answer(300, links));
    QCOMPARE(again.body, first.body);
    QVERIFY(again.body.constData() != first.body.constData());
    QCOMPARE(encoder.remembered(), 0);
}

void TestPollAnswerEncoder::rememberedStaysBounded()
{
    PollAnswerEncoder encoder;
    // A maintenance window's countdown: a new sleep every second for an hour.
    for (qint64 sleep = 3600; sleep >= 0; --sleep) {
        const PollAnswerEncoder::Encoded e = encoder.encode(answer(sleep));
        QCOMPARE(e.body, answer(sleep).encode());
        QVERIFY(encoder.remembered() <= PollAnswerEncoder::MaxRemembered);
    }
    QVERIFY(encoder.remembered() > 0);
}

QTEST_GUILESS_MAIN(TestPollAnswerEncoder)
#include "tst_pollanswerencoder.moc"
